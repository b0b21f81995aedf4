"""Dashboard panels of step 4: what needs following up, for the logged-in user.

Each panel is one query whatever the number of networks; lists are cut at PANEL_LIMIT rows.
"""

from django.utils import timezone

from actionplans import selectors
from zorgnetwerk.panel import Panel

PANEL_LIMIT = 15


def _rows(queryset) -> dict:
    rows = list(queryset[: PANEL_LIMIT + 1])
    return {"rows": rows[:PANEL_LIMIT], "more": len(rows) > PANEL_LIMIT}


def panels(user) -> list[Panel]:
    if user.is_advisory:
        return []
    today = timezone.localdate()
    return [
        Panel(
            "actionplans/_dashboard_plan_changes.html",
            {"plans": _rows(selectors.plans_changed_for_lead(user))},
            order=20,
        ),
        Panel(
            "actionplans/_dashboard_follow_up.html",
            {
                "follow_ups": _rows(selectors.overdue_follow_ups(user, today)),
                "actions": _rows(selectors.overdue_actions(user, today)),
                "today": today,
            },
            order=21,
        ),
        Panel(
            "actionplans/_dashboard_meetings.html",
            {
                "meetings": _rows(selectors.meetings_this_week(user, today)),
                "quiet": _rows(selectors.quiet_networks(user, today)),
                "weeks": selectors.QUIET_WEEKS,
            },
            order=22,
        ),
    ]
