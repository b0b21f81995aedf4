"""The action plan (step 3): the plan itself, its versions, actions, barriers, referrals and
"with which question to whom".

Every change flags the plan for the lead (`plan_touch`) and writes the youth's timeline.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplans.models import (
    MAX_OPEN_ACTIONS,
    Action,
    ActionPlan,
    ActionStatus,
    Barrier,
    BarrierStatus,
    Meeting,
    PlanVersion,
    QuestionRoute,
    Referral,
    ReferralStatus,
)
from actionplans.selectors import plan_initial_values, plan_with_parts
from actionplans.services.common import acting_user, check_member
from networks.choices import TimelineKind
from networks.models import CareNetwork, Membership
from networks.services import timeline_record

PLAN_FIELDS = (
    "question_for_help",
    "situation_wellbeing",
    "situation_school",
    "situation_work",
    "strengths",
    "future_vision",
    "goal_short_term",
    "goal_long_term",
)

TOO_MANY_OPEN_ACTIONS = gettext_lazy(
    "A plan holds at most three open actions: better one action done well than five without effect. "
    "Finish or drop an action first."
)


class PlanChanged(Exception):
    """Someone else saved the plan after this form was opened."""

    def __init__(self, plan: ActionPlan):
        self.plan = plan
        super().__init__("stale plan revision")


# --- The plan ---------------------------------------------------------------------------------


def plan_get_or_create(*, network: CareNetwork) -> ActionPlan:
    """One living plan per network, created from the intake the first time it is needed."""
    plan = ActionPlan.objects.filter(network=network).first()
    if plan is not None:
        return plan
    try:
        with transaction.atomic():
            return ActionPlan.objects.create(network=network, **plan_initial_values(network=network))
    except IntegrityError:  # created meanwhile by someone else
        return ActionPlan.objects.get(network=network)


def plan_touch(*, plan: ActionPlan, by) -> None:
    """Flag the change for the lead, unless the lead made it (then they have seen it)."""
    now = timezone.now()
    user = acting_user(by)
    fields = {"last_change_at": now, "last_change_by": user}
    if plan.network.is_led_by(user):
        fields["lead_seen_at"] = now
    ActionPlan.objects.filter(pk=plan.pk).update(**fields)
    for name, value in fields.items():
        setattr(plan, name, value)


def plan_mark_seen(*, plan: ActionPlan, user) -> None:
    """The lead has opened the plan: changes by others up to now are no longer flagged."""
    if plan.pk and plan.network.is_led_by(user):
        ActionPlan.objects.filter(pk=plan.pk).update(lead_seen_at=timezone.now())


@transaction.atomic
def plan_update(*, network: CareNetwork, revision: int, by, **fields) -> ActionPlan:
    """Save the plan unless someone saved it since the form was opened: nobody overwrites another silently."""
    plan = plan_get_or_create(network=network)
    plan = ActionPlan.objects.select_for_update(of=("self",)).select_related("updated_by", "network").get(pk=plan.pk)
    if plan.revision != revision:
        raise PlanChanged(plan)
    for name in PLAN_FIELDS:
        if name in fields:
            setattr(plan, name, fields[name])
    plan.revision += 1
    plan.updated_by = acting_user(by)
    plan.save()
    plan_touch(plan=plan, by=by)
    return plan


def plan_snapshot(*, plan: ActionPlan) -> dict:
    """Everything a reader of an earlier plan needs, frozen as plain JSON."""
    plan = plan_with_parts(plan)
    actions = plan.actions.all()
    barriers = plan.barriers.all()
    referrals = plan.referrals.all()
    routes = plan.question_routes.all()
    youth_name = plan.network.youth.first_name
    return {
        "plan": {name: getattr(plan, name) for name in PLAN_FIELDS},
        "actions": [
            {
                "domain": action.get_domain_display(),
                "description": action.description,
                "owner": youth_name if action.owner_is_youth else str(action.owner.supporter),
                "deadline": action.deadline.isoformat(),
                "status": action.get_status_display(),
                "result": action.result,
                "attained": action.attained,
                "evaluation_note": action.evaluation_note,
            }
            for action in actions
        ],
        "barriers": [
            {
                "category": barrier.category.name,
                "description": barrier.description,
                "helper": str(barrier.helper.supporter) if barrier.helper_id else "",
                "status": barrier.get_status_display(),
            }
            for barrier in barriers
        ],
        "referrals": [
            {
                "partner": referral.partner_name,
                "reason": referral.reason,
                "status": referral.get_status_display(),
                "sent_on": referral.sent_on.isoformat(),
            }
            for referral in referrals
        ],
        "question_routes": [{"question": route.question, "whom": str(route.member.supporter)} for route in routes],
    }


@transaction.atomic
def plan_record_version(*, plan: ActionPlan, meeting: Meeting | None, by) -> PlanVersion:
    """Freeze the plan at a round table, so earlier plans can be read back."""
    plan = ActionPlan.objects.select_for_update(of=("self",)).select_related("network__youth").get(pk=plan.pk)
    number = (plan.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = PlanVersion.objects.create(
        plan=plan, number=number, meeting=meeting, snapshot=plan_snapshot(plan=plan), created_by=acting_user(by)
    )
    timeline_record(
        network=plan.network,
        kind=TimelineKind.PLAN,
        summary=_("Version %(number)d of the action plan recorded") % {"number": number},
        actor=by,
    )
    return version


# --- Actions ----------------------------------------------------------------------------------


def _check_room_for_open_action(*, plan: ActionPlan) -> None:
    """The caller holds the plan row lock, so two concurrent adds cannot both see room."""
    if Action.objects.filter(plan=plan, status=ActionStatus.OPEN).count() >= MAX_OPEN_ACTIONS:
        raise ValidationError(TOO_MANY_OPEN_ACTIONS, code="too_many_open_actions")


@transaction.atomic
def plan_add_action(
    *,
    plan: ActionPlan,
    domain: str,
    description: str,
    deadline: datetime.date,
    owner: Membership | None = None,
    owner_is_youth: bool = False,
    by,
) -> Action:
    """Add an open action: "better one action done well than five without effect" (at most three open)."""
    plan = ActionPlan.objects.select_for_update(of=("self",)).select_related("network").get(pk=plan.pk)
    _check_room_for_open_action(plan=plan)
    check_member(network=plan.network, membership=owner, field="owner")
    action = Action(
        plan=plan,
        domain=domain,
        description=description,
        deadline=deadline,
        owner=None if owner_is_youth else owner,
        owner_is_youth=owner_is_youth,
    )
    action.full_clean()
    action.save()
    plan_touch(plan=plan, by=by)
    timeline_record(
        network=plan.network, kind=TimelineKind.ACTION, summary=_("Action added: %(what)s") % {"what": action}, actor=by
    )
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    domain: str,
    description: str,
    deadline: datetime.date,
    owner: Membership | None,
    owner_is_youth: bool,
    by,
) -> Action:
    """Change what, who or when; the status changes through its own functions."""
    check_member(network=action.plan.network, membership=owner, field="owner")
    action.domain, action.description, action.deadline = domain, description, deadline
    action.owner, action.owner_is_youth = (None if owner_is_youth else owner), owner_is_youth
    action.full_clean()
    action.save()
    plan_touch(plan=action.plan, by=by)
    return action


def _action_must_be_open(action: Action) -> None:
    if action.status != ActionStatus.OPEN:
        raise ValidationError(_("Only an open action can be finished or dropped."))


def _action_close(*, action: Action, status: str, summary: str, by, **fields) -> Action:
    """Finish an open action (done or dropped): it frees a place among the three open actions."""
    action = Action.objects.select_for_update(of=("self",)).select_related("plan__network").get(pk=action.pk)
    _action_must_be_open(action)
    for name, value in fields.items():
        setattr(action, name, value)
    action.status = status
    action.completed_on = timezone.localdate()
    action.save()
    plan_touch(plan=action.plan, by=by)
    timeline_record(network=action.plan.network, kind=TimelineKind.ACTION, summary=summary % {"what": action}, actor=by)
    return action


@transaction.atomic
def action_complete(*, action: Action, result: str, by) -> Action:
    """Mark an action done with its result."""
    return _action_close(
        action=action, status=ActionStatus.DONE, summary=_("Action done: %(what)s"), by=by, result=result
    )


@transaction.atomic
def action_drop(*, action: Action, reason: str, by) -> Action:
    """Drop an action with a reason: better to say so than to keep an action without effect."""
    if not reason.strip():
        raise ValidationError({"drop_reason": _("Say why the action was dropped.")})
    return _action_close(
        action=action, status=ActionStatus.DROPPED, summary=_("Action dropped: %(what)s"), by=by, drop_reason=reason
    )


@transaction.atomic
def action_reopen(*, action: Action, by) -> Action:
    """Reopen an action, within the limit of three open actions."""
    plan = ActionPlan.objects.select_for_update(of=("self",)).select_related("network").get(pk=action.plan_id)
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.status == ActionStatus.OPEN:
        raise ValidationError(_("This action is already open."))
    _check_room_for_open_action(plan=plan)
    action.status = ActionStatus.OPEN
    action.drop_reason = ""
    action.completed_on = None
    action.save()
    plan_touch(plan=plan, by=by)
    timeline_record(
        network=plan.network,
        kind=TimelineKind.ACTION,
        summary=_("Action reopened: %(what)s") % {"what": action},
        actor=by,
    )
    return action


@transaction.atomic
def action_evaluate(*, action: Action, attained: bool, note: str, by) -> Action:
    """At an evaluation each action is marked attained or not, with a word on why."""
    action.attained = attained
    action.evaluation_note = note
    action.save(update_fields=["attained", "evaluation_note"])
    plan_touch(plan=action.plan, by=by)
    return action


# --- Barriers, referrals, "with which question to whom" ----------------------------------------


@transaction.atomic
def barrier_add(*, plan: ActionPlan, category, description: str, helper: Membership | None, by) -> Barrier:
    """Map a barrier and who helps remove it; signalling it can be enough to open a door."""
    check_member(network=plan.network, membership=helper, field="helper")
    barrier = Barrier.objects.create(plan=plan, category=category, description=description, helper=helper)
    plan_touch(plan=plan, by=by)
    timeline_record(
        network=plan.network,
        kind=TimelineKind.BARRIER,
        summary=_("Barrier noted: %(category)s") % {"category": category.name},
        actor=by,
    )
    return barrier


@transaction.atomic
def barrier_update(*, barrier: Barrier, category, description: str, helper: Membership | None, status: str, by):
    """Change a barrier; a removed or stuck barrier shows in the timeline."""
    check_member(network=barrier.plan.network, membership=helper, field="helper")
    old_status = Barrier.objects.select_for_update().values_list("status", flat=True).get(pk=barrier.pk)
    barrier.category, barrier.description, barrier.helper, barrier.status = category, description, helper, status
    barrier.save()
    plan_touch(plan=barrier.plan, by=by)
    if old_status != status and status in (BarrierStatus.REMOVED, BarrierStatus.STUCK):
        timeline_record(
            network=barrier.plan.network,
            kind=TimelineKind.BARRIER,
            summary=_("Barrier %(category)s: %(status)s")
            % {"category": barrier.category.name, "status": barrier.get_status_display()},
            actor=by,
        )
    return barrier


@transaction.atomic
def referral_add(
    *,
    plan: ActionPlan,
    offer=None,
    partner: str = "",
    reason: str,
    referred_by: Membership | None,
    sent_on: datetime.date | None = None,
    by,
) -> Referral:
    """Refer to an external partner when nobody in the network has the answer (signal and referral function)."""
    if offer is None and not partner.strip():
        raise ValidationError({"offer": _("Choose an offer or name the partner.")})
    check_member(network=plan.network, membership=referred_by, field="referred_by")
    referral = Referral.objects.create(
        plan=plan,
        offer=offer,
        partner="" if offer else partner,
        reason=reason,
        referred_by=referred_by,
        sent_on=sent_on or timezone.localdate(),
    )
    plan_touch(plan=plan, by=by)
    timeline_record(
        network=plan.network,
        kind=TimelineKind.REFERRAL,
        summary=_("Referred to %(partner)s") % {"partner": referral.partner_name},
        actor=by,
    )
    return referral


REFERRAL_NEXT = {
    ReferralStatus.SENT: (ReferralStatus.ACCEPTED, ReferralStatus.REFUSED),
    ReferralStatus.ACCEPTED: (ReferralStatus.DONE,),
    ReferralStatus.REFUSED: (),
    ReferralStatus.DONE: (),
}


@transaction.atomic
def referral_set_status(
    *,
    referral: Referral,
    status: str,
    succeeded: bool | None = None,
    failure_reason: str = "",
    failure_note: str = "",
    by,
) -> Referral:
    """Move a referral sent → accepted or refused → done; what did not work says why."""
    referral = (
        Referral.objects.select_for_update(of=("self",)).select_related("plan__network", "offer").get(pk=referral.pk)
    )
    if status not in REFERRAL_NEXT[referral.status]:
        raise ValidationError(
            {
                "status": _("A referral that is %(status)s cannot move there.")
                % {"status": referral.get_status_display()}
            }
        )
    needs_reason = status == ReferralStatus.REFUSED or (status == ReferralStatus.DONE and succeeded is False)
    if status == ReferralStatus.DONE and succeeded is None:
        raise ValidationError({"succeeded": _("Say whether the referral succeeded.")})
    if needs_reason and not failure_reason:
        raise ValidationError({"failure_reason": _("Say why it did not work.")})
    referral.status = status
    if status in (ReferralStatus.ACCEPTED, ReferralStatus.REFUSED):
        referral.answered_on = timezone.localdate()
    referral.succeeded = succeeded if status == ReferralStatus.DONE else None
    referral.failure_reason = failure_reason if needs_reason else ""
    referral.failure_note = failure_note if needs_reason else ""
    referral.save()
    plan_touch(plan=referral.plan, by=by)
    if status == ReferralStatus.DONE:
        summary = (
            _("Referral to %(partner)s succeeded") if succeeded else _("Referral to %(partner)s did not succeed")
        ) % {"partner": referral.partner_name}
    else:
        summary = _("Referral to %(partner)s: %(status)s") % {
            "partner": referral.partner_name,
            "status": referral.get_status_display(),
        }
    timeline_record(network=referral.plan.network, kind=TimelineKind.REFERRAL, summary=summary, actor=by)
    return referral


@transaction.atomic
def question_route_add(*, plan: ActionPlan, question: str, member: Membership, by) -> QuestionRoute:
    """ "It is a relief for the youth to know with which question to go to whom.\""""
    check_member(network=plan.network, membership=member, field="member")
    order = (plan.question_routes.aggregate(last=Max("order"))["last"] or 0) + 1
    route = QuestionRoute.objects.create(plan=plan, question=question, member=member, order=order)
    plan_touch(plan=plan, by=by)
    return route


@transaction.atomic
def question_route_delete(*, route: QuestionRoute, by) -> None:
    """Remove a line from the youth's list."""
    plan = route.plan
    route.delete()
    plan_touch(plan=plan, by=by)
