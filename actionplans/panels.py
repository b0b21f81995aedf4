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


def _split(queryset, today, field_name: str) -> dict:
    """One query for overdue and due-this-week rows; each list cut at PANEL_LIMIT."""
    rows = list(queryset[: 2 * PANEL_LIMIT + 1])
    overdue = [row for row in rows if getattr(row, field_name) < today]
    due = [row for row in rows if getattr(row, field_name) >= today]
    more = len(rows) > 2 * PANEL_LIMIT
    return {
        "overdue": {"rows": overdue[:PANEL_LIMIT], "more": len(overdue) > PANEL_LIMIT or (more and not due)},
        "due": {"rows": due[:PANEL_LIMIT], "more": len(due) > PANEL_LIMIT or more},
    }


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
            _follow_up_context(user, today),
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


def _follow_up_context(user, today) -> dict:
    """Step 4: what is overdue, next to what is due this week (two queries)."""
    follow_ups = _split(selectors.follow_ups_overdue_or_due_soon(user, today), today, "next_contact_on")
    actions = _split(selectors.actions_overdue_or_due_soon(user, today), today, "deadline")
    return {
        "follow_ups": follow_ups["overdue"],
        "actions": actions["overdue"],
        "follow_ups_due": follow_ups["due"],
        "actions_due": actions["due"],
        "today": today,
    }
