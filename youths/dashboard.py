"""Dashboard panel of the youths app: youths in the user's networks who turn 18 within 6 months.

Kept simple on purpose; the warm-handover feature flags youths from 17 in its own panel.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from networks.dashboard import Panel
from networks.models import CareNetwork
from youths.models import Youth

MONTHS_AHEAD = 6
PANEL_LIMIT = 20


def _months_later(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last_day))
        except ValueError:
            continue
    raise ValueError(day)


def _eighteen_years_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 18)
    except ValueError:
        return day.replace(year=day.year - 18, day=28)


def youths_turning_18(user, *, today: datetime.date | None = None):
    """Youths with an open network of the user whose 18th birthday falls in the next 6 months."""
    today = today or timezone.localdate()
    born_from = _eighteen_years_before(today)  # exclusive: turned 18 today or earlier is past
    born_until = _eighteen_years_before(_months_later(today, MONTHS_AHEAD))
    open_networks = CareNetwork.objects.visible_to(user).open().values("youth_id")
    youths = Youth.objects.filter(pk__in=open_networks).filter(born_between(born_from, born_until))
    return sorted(youths, key=lambda youth: youth.eighteenth_birthday)[:PANEL_LIMIT]


def born_between(after: datetime.date, until: datetime.date) -> Q:
    """Born after `after` and on or before `until`; an estimated year counts as 1 January."""
    exact = Q(birth_date__gt=after, birth_date__lte=until)
    estimated = Q(birth_date__isnull=True, birth_year_estimated__gt=after.year, birth_year_estimated__lte=until.year)
    return exact | estimated


def panels(user) -> list[Panel]:
    # Replaced by handovers.panels (issue 5): youths are flagged from their 17th birthday
    # on the lead's and the guardian's dashboard, with the transition checklist.
    return []
