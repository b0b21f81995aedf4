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

from actionplans.models import Barrier, BarrierStatus
from handovers.models import TransitionConfirmation, TransitionDomain
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


# Barrier categories (their codes, kept by the admin) that concern an item of the checklist: while
# such a barrier is open in the plan, the item needs attention, confirmed or not.
DOMAIN_BARRIER_CATEGORIES = {
    TransitionDomain.HANDOVERS: {"age-limit-18"},
    TransitionDomain.GUARDIANSHIP: {"documents-residence"},
    TransitionDomain.MONEY: {"money-groeipakket"},
    TransitionDomain.HOUSING: {"housing"},
    TransitionDomain.STUDY_WORK: {"access-training", "entry-tests"},
}

EXPLANATIONS = {
    TransitionDomain.HANDOVERS: _(
        "These members stop when the youth turns 18. Each one starts a warm handover to "
        "someone who stays, or tells the network who takes over."
    ),
    TransitionDomain.SUPPORTERS: _(
        "Involve the supporters who only appear from 18 (for example Jobteam, CAW, OCMW) "
        "now: the playbook calls this crucial for a warm handover."
    ),
    TransitionDomain.GUARDIANSHIP: _(
        "Guardianship ends at 18. When the guardian is the continuity figure, agree who "
        "takes that role over, and when the guardian leaves the network."
    ),
    TransitionDomain.MONEY: _(
        "Check the Groeipakket (it can continue while the youth studies), a bank account in "
        "their own name, and an income from 18 (OCMW / living wage, student job, work)."
    ),
    TransitionDomain.HOUSING: _(
        "Reception and Minor Ndako places end or change at 18. Agree where the youth will live "
        "and who supports independent living."
    ),
    TransitionDomain.STUDY_WORK: _(
        "Is there a follow-up school coach (up to two years after OKAN), a student counsellor in "
        "higher education, or a job coach (VDAB, Jobteam) who stays after 18?"
    ),
}


@dataclass
class ChecklistItem:
    """One item: done only when a person confirmed it and no barrier of its domain is open."""

    domain: str
    title: str
    explanation: str
    confirmation: TransitionConfirmation | None = None
    open_barriers: list = field(default_factory=list)
    members: list = field(default_factory=list)

    @property
    def confirmed(self) -> bool:
        return self.confirmation is not None

    @property
    def needs_attention(self) -> bool:
        return bool(self.open_barriers)

    @property
    def done(self) -> bool:
        return self.confirmed and not self.needs_attention


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
    """What changes at 18 for this youth: the members as information, each item as an explicit confirmation.

    Nothing is inferred from "continues after 18" or a sector: an item is in place when a member
    confirmed it (who, when, a note), and needs attention while a barrier of its domain is open.
    Three queries, whatever the size of the network.
    """
    youth = network.youth
    members = list(
        network.memberships.active().select_related("supporter__organisation").order_by("continues_after_18", "pk")
    )
    ending = [m for m in members if not m.continues_after_18]
    continuing = [m for m in members if m.continues_after_18]
    guardians = [m for m in members if m.role == MemberRole.GUARDIAN]
    confirmations = {
        c.domain: c for c in TransitionConfirmation.objects.filter(network=network).select_related("confirmed_by")
    }
    barriers = list(
        Barrier.objects.filter(plan__network=network)
        .exclude(status=BarrierStatus.REMOVED)
        .select_related("category")
        .order_by("created_at", "pk")
    )
    members_of = {
        TransitionDomain.HANDOVERS: ending,
        TransitionDomain.SUPPORTERS: continuing,
        TransitionDomain.GUARDIANSHIP: guardians,
    }
    items = [
        ChecklistItem(
            domain=domain,
            title=label,
            explanation=EXPLANATIONS[domain],
            confirmation=confirmations.get(domain),
            open_barriers=[b for b in barriers if b.category.slug in DOMAIN_BARRIER_CATEGORIES.get(domain, set())],
            members=members_of.get(domain, []),
        )
        for domain, label in TransitionDomain.choices
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
