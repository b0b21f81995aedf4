"""Reads of the advisory group: the pseudonymised summary, the inbox, the counts and the statistics.

Nothing here returns a youth's name, birth date or school: the advisory group never sees the
dossier (DESIGN.md), and the statistics show no group smaller than five.
"""

import datetime
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplans.models import ActionStatus, Barrier, BarrierCategory, BarrierStatus, ReferralStatus
from adviesgroep.models import Advice, Signal, SignalKind, SignalStatus, Theme
from adviesgroep.pseudonyms import identifiers_for, pseudonymise
from zorgnetwerk.dates import add_months

# No group smaller than this is shown in the statistics, so that nobody can be recognised.
SMALL_GROUP = 5
SUPPRESSED = "<5"


# --- the pseudonymised case summary -----------------------------------------------------------


def signal_summary_for(youth, network) -> str:
    """The case summary a signal starts with: no name, no birth date, no school name.

    DESIGN.md: "A signal is pseudonymised by default (first name initial, age, no birth date,
    no school name) unless the network explicitly chooses to share more."
    """
    initial = f"{youth.first_name[:1].upper()}." if youth.first_name else "?"
    age = youth.age
    if age is None:
        age_text = _("unknown")
    elif youth.birth_date_is_estimated:
        age_text = _("about %(age)d") % {"age": age}
    else:
        age_text = str(age)
    lines = [
        _("Youth: %(initial)s") % {"initial": initial},
        _("Age: %(age)s") % {"age": age_text},
        _("Country of origin: %(country)s") % {"country": youth.country_of_origin or _("unknown")},
        _("School situation: %(school)s") % {"school": youth.get_school_situation_display() or _("unknown")},
        _("Housing: %(housing)s") % {"housing": youth.get_housing_display() or _("unknown")},
        _("Intensity of the network: %(intensity)s") % {"intensity": network.get_intensity_display()},
    ]
    return "\n".join(lines)


def signal_prefill(*, network, user, barrier=None, kind: str = "") -> dict:
    """The signal form's first values, every text pseudonymised ("prefills are pseudonymised").

    From a barrier: its description becomes the question, with the youth's and the members' names,
    the birth date and the school replaced by placeholders such as "[youth]" and "[school]".
    """
    identifiers = identifiers_for(network, sender=user)
    initial = {"case_summary": pseudonymise(signal_summary_for(network.youth, network), identifiers)}
    if kind in SignalKind.values:
        initial["kind"] = kind
    if barrier is not None:
        initial.update(
            kind=SignalKind.STRUCTURAL,
            categories=[barrier.category_id],
            question=pseudonymise(barrier.description, identifiers),
            source_barrier=barrier.pk,
        )
    return initial


def sender_sector(*, network, by) -> str:
    """What the advisory group sees of the sender: the sector in this network, else the organisation's."""
    if by is None:
        return ""
    sector = (
        network.memberships.active()
        .filter(supporter__user=by)
        .exclude(sector="")
        .values_list("sector", flat=True)
        .first()
    )
    if sector:
        return sector
    organisation = getattr(by, "organisation", None)
    return organisation.sector if organisation is not None else ""


# --- quarters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quarter:
    start: datetime.date  # first day
    end: datetime.date  # first day of the next quarter (exclusive)

    @classmethod
    def of(cls, day: datetime.date) -> "Quarter":
        first_month = 3 * ((day.month - 1) // 3) + 1
        start = datetime.date(day.year, first_month, 1)
        return cls(start, add_months(start, 3))

    @classmethod
    def current(cls) -> "Quarter":
        return cls.of(timezone.localdate())

    @property
    def previous(self) -> "Quarter":
        return Quarter.of(self.start - datetime.timedelta(days=1))

    @property
    def number(self) -> int:
        return (self.start.month - 1) // 3 + 1

    @property
    def label(self) -> str:
        return f"{self.start.year} Q{self.number}"

    @property
    def start_at(self) -> datetime.datetime:
        return _aware(self.start)

    @property
    def end_at(self) -> datetime.datetime:
        return _aware(self.end)

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day < self.end


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def last_quarters(count: int, *, today: datetime.date | None = None) -> list[Quarter]:
    """The last `count` quarters, the current one first."""
    quarter = Quarter.of(today or timezone.localdate())
    quarters = []
    for _i in range(count):
        quarters.append(quarter)
        quarter = quarter.previous
    return quarters


# --- the inbox ---------------------------------------------------------------------------------


def networks_meeting_by_category(category_ids) -> dict[int, int]:
    """How many networks meet a barrier of each of these categories now: one grouped query.

    "Meet": a barrier of that category in the network's plan that is not removed, in a network
    that is not closed. Only counts leave this function, never a network. (A correlated subquery
    per category row cost a second per inbox page at 50,000 youths: `make bench`.)
    """
    from networks.choices import NetworkStatus

    if not category_ids:
        return {}
    rows = (
        Barrier.objects.filter(category__in=category_ids)
        .exclude(status=BarrierStatus.REMOVED)
        .exclude(plan__network__status=NetworkStatus.CLOSED)
        .order_by()
        .values("category")
        .annotate(n=Count("plan__network", distinct=True))
    )
    return {row["category"]: row["n"] for row in rows}


def with_reach(signals: list) -> list:
    """The signals of one inbox page, each category with `networks_meeting` set (one query in all)."""
    categories = [category for signal in signals for category in signal.categories.all()]
    reach = networks_meeting_by_category({category.pk for category in categories})
    for category in categories:
        category.networks_meeting = reach.get(category.pk, 0)
    return signals


def inbox_signals(*, user, kind="", theme="", category=None, status="", reviewer="", start=None, end=None):
    """The advisory group's inbox, filtered; each row needs no further query per signal."""
    signals = Signal.objects.for_advisory(user)
    if kind:
        signals = signals.filter(kind=kind)
    if theme:
        signals = signals.filter(theme=theme)
    if category is not None:
        signals = signals.filter(categories=category)
    if status:
        signals = signals.filter(status=status)
    if reviewer == "none":
        signals = signals.filter(reviewer__isnull=True)
    elif reviewer == "me":
        signals = signals.filter(reviewer=user)
    if start is not None:
        signals = signals.filter(sent_at__gte=start)
    if end is not None:
        signals = signals.filter(sent_at__lt=end)
    advice_counts = (
        Advice.objects.filter(signal=OuterRef("pk")).order_by().values("signal").annotate(n=Count("pk")).values("n")
    )
    return (
        signals.select_related("reviewer", "sent_by__organisation", "network")
        .prefetch_related(Prefetch("categories", queryset=BarrierCategory.objects.order_by("order", "name")))
        # A correlated subquery, not a JOIN + GROUP BY: only the rows on the page are counted.
        .annotate(advice_count=Coalesce(Subquery(advice_counts), 0))
        .order_by("-sent_at", "-pk")
    )


HOME_ROWS = 10


def advisory_home(user, *, visit=None, now=None) -> dict:
    """ "Assigned to me" (open signals) and "new since your last visit", in one query.

    `visit` is the user's AdvisoryVisit (None: read it here; no visit yet: every new signal is new).
    """
    from adviesgroep.models import AdvisoryVisit

    now = now or timezone.now()
    if visit is None:
        visit = AdvisoryVisit.objects.filter(user=user).first()
    since = visit.since(now) if visit is not None else None
    new = Q(sent_at__gt=since) if since is not None else Q(status=SignalStatus.NEW)
    assigned = Q(reviewer=user, status__in=[SignalStatus.NEW, SignalStatus.IN_REVIEW])
    rows = list(
        Signal.objects.for_advisory(user)
        .filter(assigned | new)
        .only("pk", "kind", "question", "status", "sent_at", "reviewer_id")
        .order_by("-sent_at", "-pk")[: 4 * HOME_ROWS]
    )
    mine = [s for s in rows if s.reviewer_id == user.pk and s.is_open]
    fresh = [s for s in rows if (s.sent_at > since if since is not None else s.status == SignalStatus.NEW)]
    return {"assigned": mine[:HOME_ROWS], "new": fresh[:HOME_ROWS], "since": since}


def inbox_counts(user) -> list[dict]:
    """How many signals the advisory group has per status, in the order of the statuses (one query)."""
    rows = Signal.objects.for_advisory(user).values("status").annotate(n=Count("pk")).order_by()
    counts = {row["status"]: row["n"] for row in rows}
    return [{"status": value, "label": label, "count": counts.get(value, 0)} for value, label in SignalStatus.choices]


def similar_signals(signal: Signal, *, limit: int = 10):
    """Earlier signals that share a barrier category with this one, with the advice they got."""
    category_ids = [category.pk for category in signal.categories.all()]
    if not category_ids:
        return Signal.objects.none()
    return (
        Signal.objects.filter(categories__in=category_ids, sent_at__lt=signal.sent_at)
        .exclude(pk=signal.pk)
        .annotate(shared=Count("categories", filter=Q(categories__in=category_ids), distinct=True))
        .prefetch_related(
            "categories",
            Prefetch("advice", queryset=Advice.objects.select_related("by").order_by("at")),
        )
        .order_by("-shared", "-sent_at")[:limit]
    )


def network_signals(network, *, limit: int | None = None):
    """A network's own signals with their advice, newest first."""
    signals = (
        Signal.objects.filter(network=network)
        .select_related("sent_by", "reviewer")
        .prefetch_related("categories", Prefetch("advice", queryset=Advice.objects.select_related("by")))
        .order_by("-sent_at", "-pk")
    )
    return signals[:limit] if limit else signals


def recent_advice_for(user, *, days: int = 30, limit: int = 10):
    """New advice on the signals of the user's networks, for the dashboard."""
    from networks.models import CareNetwork

    since = timezone.now() - datetime.timedelta(days=days)
    return (
        Advice.objects.filter(signal__network__in=CareNetwork.objects.visible_to(user), at__gte=since)
        .select_related("signal", "by")
        .order_by("-at", "-pk")[:limit]
    )


# --- aggregation -------------------------------------------------------------------------------


@dataclass
class AggregateRow:
    key: str
    label: str
    this_signals: int
    this_networks: int
    last_signals: int
    last_networks: int
    category_id: int | None = None


def _period_counts(prefix: str, this: Quarter, last: Quarter) -> dict:
    """Conditional counts of signals and distinct networks in this quarter and the last one."""
    sent_at = f"{prefix}sent_at" if prefix else "sent_at"
    pk = f"{prefix}pk" if prefix else "pk"
    network = f"{prefix}network" if prefix else "network"
    in_this = Q(**{f"{sent_at}__gte": this.start_at, f"{sent_at}__lt": this.end_at})
    in_last = Q(**{f"{sent_at}__gte": last.start_at, f"{sent_at}__lt": last.end_at})
    return {
        "this_signals": Count(pk, filter=in_this, distinct=True),
        "this_networks": Count(network, filter=in_this, distinct=True),
        "last_signals": Count(pk, filter=in_last, distinct=True),
        "last_networks": Count(network, filter=in_last, distinct=True),
    }


def aggregate_by_category(*, this: Quarter) -> list[AggregateRow]:
    """Per barrier category: signals and distinct networks, this quarter and the last (one query)."""
    last = this.previous
    categories = BarrierCategory.objects.annotate(**_period_counts("signals__", this, last)).order_by("order", "name")
    return [
        AggregateRow(
            key=category.slug,
            label=category.name,
            category_id=category.pk,
            this_signals=category.this_signals,
            this_networks=category.this_networks,
            last_signals=category.last_signals,
            last_networks=category.last_networks,
        )
        for category in categories
    ]


def aggregate_by_theme(*, this: Quarter) -> list[AggregateRow]:
    """Per theme: signals and distinct networks, this quarter and the last (one query)."""
    last = this.previous
    rows = {
        row["theme"]: row
        for row in Signal.objects.filter(sent_at__gte=last.start_at, sent_at__lt=this.end_at)
        .values("theme")
        .annotate(**_period_counts("", this, last))
        .order_by()
    }
    empty = {"this_signals": 0, "this_networks": 0, "last_signals": 0, "last_networks": 0}
    result = []
    for value, label in Theme.choices:
        row = rows.get(value, empty)
        result.append(
            AggregateRow(
                key=value,
                label=str(label),
                this_signals=row["this_signals"],
                this_networks=row["this_networks"],
                last_signals=row["last_signals"],
                last_networks=row["last_networks"],
            )
        )
    return result


def counts_per_category_and_quarter() -> list[dict]:
    """For the policy report (CSV): signals and distinct networks per quarter and category.

    Only counts leave this function; no text of a signal, no network id.
    """
    through = Signal.categories.through
    rows = through.objects.values_list("signal__sent_at", "signal_id", "signal__network_id", "barriercategory__name")
    buckets: dict[tuple[str, str], tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for sent_at, signal_id, network_id, category in rows.iterator():
        quarter = Quarter.of(timezone.localtime(sent_at).date())
        signals, networks = buckets[(quarter.label, category)]
        signals.add(signal_id)
        if network_id is not None:
            networks.add(network_id)
    return [
        {"quarter": quarter, "category": category, "signals": len(signals), "networks": len(networks)}
        for (quarter, category), (signals, networks) in sorted(buckets.items())
    ]


# --- "how the networks are doing" --------------------------------------------------------------


def suppress_small(count: int | None):
    """A count as it may be shown: any count below five becomes "<5" so nobody can be recognised."""
    if count is None:
        return "—"
    return SUPPRESSED if count < SMALL_GROUP else count


def too_little_data() -> str:
    return _("too little data")


def _median_or_suppressed(values: list[float]):
    """A median is shown only when it is taken over at least five networks, else "too little data".

    Small-number suppression ("<5") is for counts: a median of "<5" would read as a number of days.
    """
    if len(values) < SMALL_GROUP:
        return too_little_data()
    return round(statistics.median(values), 1)


def _quarter_label(quarters: list[Quarter], day: datetime.date) -> str | None:
    for quarter in quarters:
        if quarter.contains(day):
            return quarter.label
    return None


def network_stats(*, quarters: list[Quarter]) -> dict:
    """Anonymised figures per quarter, already suppressed for groups smaller than five.

    Every figure is computed with a fixed number of queries, whatever the number of networks.
    """
    from actionplans.models import Action, Meeting, MeetingStatus, Referral
    from networks.choices import ClosureReason, Intensity, NetworkStatus
    from networks.models import CareNetwork
    from youths.models import Intake

    if not quarters:
        return {}
    oldest, newest = min(q.start for q in quarters), max(q.end for q in quarters)
    today = timezone.localdate()
    labels = [q.label for q in quarters]

    # Active networks by intensity: running at some point in the quarter.
    network_rows = list(
        CareNetwork.objects.exclude(status=NetworkStatus.PREPARING)
        .filter(started_on__lt=newest)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=oldest))
        .values_list("intensity", "started_on", "ended_on")
    )
    active = {label: Counter() for label in labels}
    for intensity, started_on, ended_on in network_rows:
        for quarter in quarters:
            if started_on < quarter.end and (ended_on is None or ended_on >= quarter.start):
                active[quarter.label][intensity] += 1

    # Overdue follow-up: only known for today (the next contact date is overwritten at each meeting).
    open_networks = CareNetwork.objects.filter(status=NetworkStatus.ACTIVE)
    overdue = open_networks.aggregate(total=Count("pk"), overdue=Count("pk", filter=Q(next_contact_on__lt=today)))
    if overdue["total"] < SMALL_GROUP or overdue["overdue"] < SMALL_GROUP:
        overdue_share = SUPPRESSED
    else:
        overdue_share = round(100 * overdue["overdue"] / overdue["total"])

    # Median days between consecutive held meetings, by the quarter of the later meeting.
    meetings = Meeting.objects.filter(status=MeetingStatus.HELD, starts_at__lt=_aware(newest)).order_by(
        "network_id", "starts_at"
    )
    gaps = defaultdict(list)
    previous_network, previous_day = None, None
    for network_id, starts_at in meetings.values_list("network_id", "starts_at").iterator():
        day = timezone.localtime(starts_at).date()
        if network_id == previous_network and previous_day is not None:
            label = _quarter_label(quarters, day)
            if label:
                gaps[label].append((day - previous_day).days)
        previous_network, previous_day = network_id, day

    # Actions done and dropped, by the day they were completed (or created when no day was kept).
    action_rows = Action.objects.filter(status__in=[ActionStatus.DONE, ActionStatus.DROPPED]).values_list(
        "status", "completed_on", "created_at"
    )
    actions = {label: Counter() for label in labels}
    for status, completed_on, created_at in action_rows.iterator():
        label = _quarter_label(quarters, completed_on or timezone.localtime(created_at).date())
        if label:
            actions[label][status] += 1

    # Referrals by outcome, by the day they were sent.
    referrals = {label: Counter() for label in labels}
    for status, sent_on in Referral.objects.filter(sent_on__gte=oldest, sent_on__lt=newest).values_list(
        "status", "sent_on"
    ):
        referrals[_quarter_label(quarters, sent_on)][status] += 1

    # Days from the first conversation to the first held round table, by the quarter of that table.
    first_intake = Intake.objects.filter(youth=OuterRef("youth")).order_by("held_on").values("held_on")[:1]
    first_meeting = (
        Meeting.objects.filter(network=OuterRef("pk"), status=MeetingStatus.HELD)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    intake_rows = (
        CareNetwork.objects.annotate(first_intake=Subquery(first_intake), first_meeting=Subquery(first_meeting))
        .filter(first_meeting__isnull=False, first_intake__isnull=False)
        .values_list("first_intake", "first_meeting")
    )
    to_first_table = defaultdict(list)
    for intake_day, meeting_at in intake_rows:
        day = timezone.localtime(meeting_at).date()
        label = _quarter_label(quarters, day)
        if label and day >= intake_day:
            to_first_table[label].append((day - intake_day).days)

    # Networks closed, by reason, by the quarter of their end date.
    closed = {label: Counter() for label in labels}
    for reason, ended_on in CareNetwork.objects.filter(
        status=NetworkStatus.CLOSED, ended_on__gte=oldest, ended_on__lt=newest
    ).values_list("closure_reason", "ended_on"):
        closed[_quarter_label(quarters, ended_on)][reason or ClosureReason.OTHER] += 1

    return {
        "quarters": labels,
        "overdue_share": overdue_share,
        "rows": [
            *(
                _row(_("Active networks: %(intensity)s") % {"intensity": label}, [active[q][value] for q in labels])
                for value, label in Intensity.choices
            ),
            _row(
                _("Median days between round tables"),
                [_median_or_suppressed(gaps[q]) for q in labels],
                already_suppressed=True,
            ),
            _row(_("Actions done"), [actions[q][ActionStatus.DONE] for q in labels]),
            _row(_("Actions dropped"), [actions[q][ActionStatus.DROPPED] for q in labels]),
            *(
                _row(_("Referrals: %(outcome)s") % {"outcome": label}, [referrals[q][value] for q in labels])
                for value, label in ReferralStatus.choices
            ),
            _row(
                _("Median days from first conversation to first round table"),
                [_median_or_suppressed(to_first_table[q]) for q in labels],
                already_suppressed=True,
            ),
            *(
                _row(_("Networks closed: %(reason)s") % {"reason": label}, [closed[q][value] for q in labels])
                for value, label in ClosureReason.choices
            ),
        ],
    }


def _row(label: str, values: list, *, already_suppressed: bool = False) -> dict:
    return {"label": label, "values": values if already_suppressed else [suppress_small(v) for v in values]}
