"""Turning 18: which youths to flag, and the transition checklist.

Playbook, step 4: "Vooral het moment waarop de jongeren 18 jaar worden is een aandachtspunt,
omdat er dan enerzijds veel hulp wegvalt en er anderzijds veel wissels gebeuren." The
brainstorm (seeds/001) starts the attention "vanaf 17 jaar". Networks stay open after 18:
"tot er een duurzaam plan of succesvol verhaal is", not until an age.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import Sector
from networks.choices import MemberRole
from networks.models import CareNetwork, Membership

FLAG_FROM_AGE = 17
URGENT_MONTHS = 3


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise ValueError(day)


def aged_17_condition(today: datetime.date) -> Q:
    """Youths aged 17 today (from their 17th birthday until the day before their 18th).

    With only an estimated year of birth, 1 January of that year counts (Youth.effective_birth_date).
    """
    born_by = _years_before(today, FLAG_FROM_AGE)  # born on or before: at least 17
    born_after = _years_before(today, FLAG_FROM_AGE + 1)  # born after: not yet 18
    years = [
        year for year in range(born_after.year, born_by.year + 1) if born_after < datetime.date(year, 1, 1) <= born_by
    ]
    return Q(youth__birth_date__lte=born_by, youth__birth_date__gt=born_after) | Q(
        youth__birth_date__isnull=True, youth__birth_year_estimated__in=years
    )


def networks_turning_18_for(user, today: datetime.date | None = None):
    """Open networks of youths aged 17 where the user is the lead or the guardian (one query)."""
    today = today or timezone.localdate()
    if not getattr(user, "is_authenticated", False):
        return CareNetwork.objects.none()
    as_guardian = Membership.objects.active().filter(
        network=OuterRef("pk"), role=MemberRole.GUARDIAN, supporter__user=user
    )
    return (
        CareNetwork.objects.visible_to(user)
        .open()
        .filter(aged_17_condition(today))
        .filter(Q(lead__supporter__user=user, lead__left_on__isnull=True) | Exists(as_guardian))
        .select_related("youth")
        .order_by("youth__birth_date", "youth__birth_year_estimated", "pk")
    )


@dataclass
class Flag:
    network: CareNetwork
    eighteenth_birthday: datetime.date
    days_left: int
    urgent: bool


def turning_18_flags(user, today: datetime.date | None = None) -> list[Flag]:
    today = today or timezone.localdate()
    urgent_from = add_months(today, URGENT_MONTHS)
    flags = []
    for network in networks_turning_18_for(user, today):
        birthday = network.youth.eighteenth_birthday
        flags.append(Flag(network, birthday, (birthday - today).days, birthday <= urgent_from))
    return sorted(flags, key=lambda flag: flag.eighteenth_birthday)


@dataclass
class ChecklistItem:
    title: str
    done: bool
    explanation: str
    members: list = field(default_factory=list)


@dataclass
class TransitionChecklist:
    network: CareNetwork
    eighteenth_birthday: datetime.date | None
    age: int | None
    ending: list
    continuing: list
    guardians: list
    items: list


def transition_checklist(network: CareNetwork) -> TransitionChecklist:
    """What changes at 18 for this youth, from the network's own data (two queries)."""
    youth = network.youth
    members = list(
        network.memberships.active().select_related("supporter__organisation").order_by("continues_after_18", "pk")
    )
    ending = [m for m in members if not m.continues_after_18]
    continuing = [m for m in members if m.continues_after_18]
    guardians = [m for m in members if m.role == MemberRole.GUARDIAN]
    continuing_sectors = {m.sector for m in continuing}
    continuity = next((m for m in members if m.pk == network.continuity_figure_id), None)

    items = [
        ChecklistItem(
            _("Supports that end at 18 are handed over"),
            not ending,
            _(
                "These members stop when the youth turns 18. Each one starts a warm handover to "
                "someone who stays, or tells the network who takes over."
            ),
            ending,
        ),
        ChecklistItem(
            _("Supporters for after 18 are already in the network"),
            bool(continuing),
            _(
                "Involve the supporters who only appear from 18 (for example Jobteam, CAW, OCMW) "
                "now: the playbook calls this crucial for a warm handover."
            ),
            continuing,
        ),
        ChecklistItem(
            _("The end of guardianship is prepared"),
            bool(guardians)
            and (continuity is None or continuity.role != MemberRole.GUARDIAN or continuity in continuing),
            _(
                "Guardianship ends at 18. When the guardian is the continuity figure, agree who "
                "takes that role over, and when the guardian leaves the network."
            ),
            guardians,
        ),
        ChecklistItem(
            _("Groeipakket and income after 18 are arranged"),
            bool(continuing_sectors & {Sector.WELFARE}),
            _(
                "Check the Groeipakket (it can continue while the youth studies), a bank account in "
                "their own name, and an income from 18 (OCMW / living wage, student job, work)."
            ),
        ),
        ChecklistItem(
            _("Housing after 18 is known"),
            bool(continuing_sectors & {Sector.HOUSING, Sector.WELFARE}),
            _(
                "Reception and Minor Ndako places end or change at 18. Agree where the youth will live "
                "and who supports independent living."
            ),
        ),
        ChecklistItem(
            _("Study or work after 18 is planned"),
            bool(continuing_sectors & {Sector.EDUCATION, Sector.WORK}),
            _(
                "Is there a follow-up school coach (up to two years after OKAN), a student counsellor in "
                "higher education, or a job coach (VDAB, Jobteam) who stays after 18?"
            ),
        ),
    ]
    return TransitionChecklist(
        network=network,
        eighteenth_birthday=youth.eighteenth_birthday,
        age=youth.age,
        ending=ending,
        continuing=continuing,
        guardians=guardians,
        items=items,
    )
