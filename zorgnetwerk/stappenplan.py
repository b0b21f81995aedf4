"""The playbook's six steps for one youth, each with a state computed from the data.

Where a network stands on the playbook's STAPPENPLAN (seeds/002): 1 start with the youth, 2 map
the network, 3 round table and action plan, 4 follow up, 5 warm handover, 6 advisory group. Each
step is a task of GOV.UK's task-list pattern: a name that links to the form that moves it on, a
state (not started, in progress, done, needs attention) and, where it helps, why.

It reads youths, networks, action plans, handovers and the advisory group, so it sits in the top
layer (project composition); the pages reach it through the `stappenplan` template library, never
through an import. Queries: one for the counts and dates of everything below the network, plus the
first conversations and the active members when the page has not loaded them already — the same
number at any data size.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import DateTimeField, F, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actionplans.models import MAX_OPEN_ACTIONS, Action, ActionStatus, Barrier, BarrierStatus, Meeting, MeetingStatus
from adviesgroep.models import Signal, SignalStatus
from handovers.models import Handover, HandoverStatus
from handovers.turning18 import FLAG_FROM_AGE
from networks.models import CareNetwork
from networks.services import network_missing_sectors
from youths.models import Youth

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
ATTENTION = "attention"

STATUS_LABELS = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    DONE: _("Done"),
    ATTENTION: _("Needs attention"),
}
# Bootstrap classes of the status tag (GOV.UK: grey, blue, green, red).
STATUS_CLASSES = {
    NOT_STARTED: "text-bg-secondary",
    IN_PROGRESS: "text-bg-info",
    DONE: "text-bg-success",
    ATTENTION: "text-bg-danger",
}
OPEN_SIGNAL_STATUSES = (SignalStatus.NEW, SignalStatus.IN_REVIEW)


@dataclass
class Step:
    number: int
    name: str
    status: str
    reason: str = ""
    url: str = ""  # the form that moves the step on; empty where the user cannot act (closed network)
    action: str = ""  # the label of that form as a button

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def status_class(self) -> str:
        return STATUS_CLASSES[self.status]

    @property
    def needs_attention(self) -> bool:
        return self.status == ATTENTION

    @property
    def is_done(self) -> bool:
        return self.status == DONE


@dataclass
class Stappenplan:
    youth: Youth
    network: CareNetwork | None
    steps: list[Step] = field(default_factory=list)

    @property
    def next_step(self) -> Step | None:
        """What to do now: the first step that needs attention, else the first of steps 1-3 not done,
        else following up (step 4). Only a step the user can act on (it has a form)."""
        actionable = [step for step in self.steps if step.url]
        for step in actionable:
            if step.needs_attention:
                return step
        for step in actionable:
            if step.number <= 3 and not step.is_done:
                return step
        return next((step for step in actionable if step.number == 4), None)

    @property
    def done_count(self) -> int:
        return sum(1 for step in self.steps if step.is_done)


def _count(queryset):
    """A correlated COUNT(*) of the queryset as a subquery (0 when empty)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _first(queryset, field_name: str, output_field):
    return Subquery(queryset.order_by(field_name).values(field_name)[:1], output_field=output_field)


def network_facts(network: CareNetwork, today: datetime.date) -> dict:
    """Counts and dates of the network's round tables, plan, handovers and signals (one query)."""
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    meetings = Meeting.objects.filter(network=OuterRef("pk"))
    actions = Action.objects.filter(plan__network=OuterRef("pk"))
    signals = Signal.objects.filter(network=OuterRef("pk"))
    return (
        CareNetwork.objects.filter(pk=network.pk)
        .annotate(
            meetings_held=_count(meetings.filter(status=MeetingStatus.HELD)),
            meetings_finished=_count(meetings.filter(status=MeetingStatus.HELD, plan_versions__isnull=False)),
            unfinished_meeting_pk=_first(
                meetings.filter(status=MeetingStatus.HELD, plan_versions__isnull=True), "pk", IntegerField()
            ),
            next_meeting_at=_first(
                meetings.filter(status=MeetingStatus.PLANNED, starts_at__gte=start_of_today),
                "starts_at",
                DateTimeField(),
            ),
            unrecorded_meeting_at=_first(
                meetings.filter(status=MeetingStatus.PLANNED, starts_at__lt=start_of_today),
                "starts_at",
                DateTimeField(),
            ),
            unrecorded_meeting_pk=_first(
                meetings.filter(status=MeetingStatus.PLANNED, starts_at__lt=start_of_today), "pk", IntegerField()
            ),
            actions_all=_count(actions.exclude(status=ActionStatus.DROPPED)),
            actions_open=_count(actions.filter(status=ActionStatus.OPEN)),
            actions_overdue=_count(actions.filter(status=ActionStatus.OPEN, deadline__lt=today)),
            barriers_stuck_unsignalled=_count(
                Barrier.objects.filter(plan__network=OuterRef("pk"), status=BarrierStatus.STUCK).exclude(
                    signals__isnull=False
                )
            ),
            handovers_pending=_count(Handover.objects.filter(network=OuterRef("pk"), status=HandoverStatus.PROPOSED)),
            handovers_accepted=_count(Handover.objects.filter(network=OuterRef("pk"), status=HandoverStatus.ACCEPTED)),
            signals_open=_count(signals.filter(status__in=OPEN_SIGNAL_STATUSES)),
            signals_answered=_count(signals.exclude(status__in=OPEN_SIGNAL_STATUSES)),
        )
        .values(
            "meetings_held",
            "meetings_finished",
            "next_meeting_at",
            "unrecorded_meeting_at",
            "unrecorded_meeting_pk",
            "unfinished_meeting_pk",
            "actions_all",
            "actions_open",
            "actions_overdue",
            "barriers_stuck_unsignalled",
            "handovers_pending",
            "handovers_accepted",
            "signals_open",
            "signals_answered",
        )
        .get()
    )


def _day(moment) -> str:
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date()
    return date_format(moment, "j F")


def _sector_list(sectors) -> str:
    from accounts.choices import Sector

    labels = dict(Sector.choices)
    return str(get_text_list([str(labels.get(sector, sector)).lower() for sector in sectors], str(_("and"))))


def step_start(*, youth: Youth, intakes, can_act: bool) -> Step:
    name = _("Start with the youth")
    consented = [intake for intake in intakes if intake.consent_given]
    if not intakes:
        return Step(
            1,
            name,
            NOT_STARTED,
            _("Talk with the youth about their needs and strengths"),
            reverse("youths:intake_create", args=[youth.pk]) if can_act else "",
            _("Record the first conversation"),
        )
    latest = max(intakes, key=lambda intake: (intake.held_on, intake.pk))
    if not consented:
        return Step(
            1,
            name,
            IN_PROGRESS,
            _("The youth has not agreed to a network yet"),
            reverse("youths:intake_update", args=[latest.pk]) if can_act else "",
            _("Complete the first conversation"),
        )
    return Step(
        1,
        name,
        DONE,
        _("First conversation of %(day)s") % {"day": _day(latest.held_on)},
        reverse("youths:intake_detail", args=[latest.pk]),
        _("Open the first conversation"),
    )


def step_network(*, network: CareNetwork, members, facts: dict, can_act: bool) -> Step:
    name = _("Map the network")
    url = reverse("networks:membership_create", args=[network.pk]) if can_act else ""
    action = _("Add supporters")
    if len(members) <= 1:
        return Step(2, name, NOT_STARTED, _("Ask the youth who supports them"), url, action)
    missing = network_missing_sectors(memberships=members)
    if missing:
        if facts["meetings_held"]:
            reason = _("%(sectors)s missing") % {"sectors": _sector_list(missing).capitalize()}
            return Step(2, name, ATTENTION, reason, url, action)
        reason = _("Still missing: %(sectors)s") % {"sectors": _sector_list(missing)}
        return Step(2, name, IN_PROGRESS, reason, url, action)
    count = len(members)
    return Step(
        2,
        name,
        DONE,
        ngettext("%(count)d member", "%(count)d members", count) % {"count": count},
        reverse("networks:network_detail", args=[network.pk]),
        _("Open the network"),
    )


def step_round_table(*, network: CareNetwork, facts: dict, can_act: bool) -> Step:
    name = _("Round table and action plan")
    plan_url = reverse("actionplans:plan_detail", args=[network.pk])
    room_for_action = facts["actions_open"] < MAX_OPEN_ACTIONS
    add_action = reverse("actionplans:action_create", args=[network.pk]) if can_act and room_for_action else ""
    if facts["unrecorded_meeting_pk"]:
        return Step(
            3,
            name,
            ATTENTION,
            _("The round table of %(day)s has not been filled in") % {"day": _day(facts["unrecorded_meeting_at"])},
            reverse("actionplans:meeting_record", args=[facts["unrecorded_meeting_pk"]]) if can_act else "",
            _("Fill in the round table"),
        )
    if facts["unfinished_meeting_pk"]:
        return Step(
            3,
            name,
            IN_PROGRESS,
            _("Write the plan and finish the round table's record"),
            reverse("actionplans:meeting_detail", args=[facts["unfinished_meeting_pk"]]),
            _("Finish the round table"),
        )
    if facts["meetings_finished"]:
        if not facts["actions_all"]:
            return Step(3, name, ATTENTION, _("The plan has no action"), add_action or plan_url, _("Add an action"))
        return Step(3, name, DONE, _("Plan agreed at a round table"), plan_url, _("Open the action plan"))
    if facts["next_meeting_at"]:
        reason = _("Round table on %(day)s") % {"day": _day(facts["next_meeting_at"])}
        return Step(3, name, IN_PROGRESS, reason, add_action or plan_url, _("Prepare the plan"))
    meeting_url = reverse("actionplans:meeting_create", args=[network.pk]) if can_act else ""
    if facts["actions_all"]:
        return Step(3, name, IN_PROGRESS, _("No round table planned yet"), meeting_url, _("Plan a round table"))
    return Step(3, name, NOT_STARTED, _("Bring the network together"), meeting_url, _("Plan a round table"))


def step_follow_up(*, network: CareNetwork, facts: dict, today: datetime.date, can_act: bool) -> Step:
    name = _("Follow up")
    url = reverse("actionplans:follow_up_update", args=[network.pk]) if can_act else ""
    action = _("Set the next contact")
    if network.is_closed:
        return Step(4, name, DONE, _("The network is closed"), "", "")
    next_contact = network.next_contact_on
    if next_contact and next_contact < today:
        days = (today - next_contact).days
        reason = ngettext("Follow-up %(days)d day late", "Follow-up %(days)d days late", days) % {"days": days}
        return Step(4, name, ATTENTION, reason, url, action)
    if facts["actions_overdue"]:
        count = facts["actions_overdue"]
        reason = ngettext("%(count)d action past its deadline", "%(count)d actions past their deadline", count) % {
            "count": count
        }
        plan_url = reverse("actionplans:plan_detail", args=[network.pk]) + "#actions"
        return Step(4, name, ATTENTION, reason, plan_url, _("Open the actions"))
    if not facts["actions_all"] and not facts["meetings_held"] and not next_contact:
        return Step(4, name, NOT_STARTED, _("After the plan: agree when you get back in touch"), url, action)
    if not next_contact:
        return Step(4, name, ATTENTION, _("No next contact date"), url, action)
    reason = _("Next contact on %(day)s") % {"day": _day(next_contact)}
    return Step(4, name, IN_PROGRESS, reason, url, action)


def step_handover(*, youth: Youth, network: CareNetwork, facts: dict, today: datetime.date, can_act: bool) -> Step:
    name = _("Warm handover")
    start_url = reverse("handovers:handover_start", args=[network.pk]) if can_act else ""
    if facts["handovers_pending"]:
        count = facts["handovers_pending"]
        reason = ngettext(
            "%(count)d handover waits for the successor", "%(count)d handovers wait for the successor", count
        ) % {"count": count}
        return Step(
            5,
            name,
            IN_PROGRESS,
            reason,
            reverse("youths:youth_detail", args=[youth.pk]) + "#dossier-handover-title",
            _("See the handover"),
        )
    age = youth.age_on(today)
    if age is not None and FLAG_FROM_AGE <= age < 18 and not network.is_closed:
        reason = _("Turns 18 on %(day)s: check what changes") % {"day": _day(youth.eighteenth_birthday)}
        url = reverse("handovers:transition_checklist", args=[network.pk])
        return Step(5, name, ATTENTION, reason, url, _("Open the turning-18 checklist"))
    if facts["handovers_accepted"]:
        count = facts["handovers_accepted"]
        reason = ngettext("%(count)d handover done", "%(count)d handovers done", count) % {"count": count}
        return Step(5, name, DONE, reason, start_url, _("Start a handover"))
    return Step(5, name, NOT_STARTED, _("When a supporter changes, or at 18"), start_url, _("Start a handover"))


def step_advisory(*, network: CareNetwork, facts: dict, can_act: bool) -> Step:
    name = _("Advisory group")
    create_url = reverse("adviesgroep:signal_create", args=[network.pk]) if can_act else ""
    list_url = reverse("adviesgroep:network_signal_list", args=[network.pk])
    if facts["barriers_stuck_unsignalled"]:
        count = facts["barriers_stuck_unsignalled"]
        reason = ngettext(
            "%(count)d barrier is stuck: ask the advisory group",
            "%(count)d barriers are stuck: ask the advisory group",
            count,
        ) % {"count": count}
        plan_url = reverse("actionplans:plan_detail", args=[network.pk]) + "#barriers"
        return Step(6, name, ATTENTION, reason, plan_url if can_act else "", _("Send a barrier as a signal"))
    if facts["signals_open"]:
        return Step(6, name, IN_PROGRESS, _("Waiting for advice"), list_url, _("See the signals"))
    if facts["signals_answered"]:
        return Step(6, name, DONE, _("Advice received"), list_url, _("See the signals"))
    return Step(6, name, NOT_STARTED, _("When the network is stuck"), create_url, _("Send a signal"))


def youth_stappenplan(
    *, youth: Youth, network: CareNetwork | None, intakes=None, members=None, today: datetime.date | None = None
) -> Stappenplan:
    """The six steps of the youth's current network. `intakes` and `members` (active memberships)
    may come from the page that already loaded them; otherwise one query each."""
    today = today or timezone.localdate()
    if intakes is None:
        intakes = list(youth.intakes.all())
    can_act = network is not None and not network.is_closed
    steps = [step_start(youth=youth, intakes=list(intakes), can_act=can_act)]
    if network is not None:
        if members is None:
            members = list(network.memberships.active())
        facts = network_facts(network, today)
        steps += [
            step_network(network=network, members=list(members), facts=facts, can_act=can_act),
            step_round_table(network=network, facts=facts, can_act=can_act),
            step_follow_up(network=network, facts=facts, today=today, can_act=can_act),
            step_handover(youth=youth, network=network, facts=facts, today=today, can_act=can_act),
            step_advisory(network=network, facts=facts, can_act=can_act),
        ]
    return Stappenplan(youth=youth, network=network, steps=steps)
