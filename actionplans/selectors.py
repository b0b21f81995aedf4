"""Reads of the action plan that are more than a filter. Every one starts from `visible_to(user)`."""

import datetime

from django.db.models import Count, F, Max, Min, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.utils import timezone

from actionplans.models import (
    Action,
    ActionPlan,
    ActionStatus,
    Barrier,
    Meeting,
    MeetingStatus,
    QuestionRoute,
    Referral,
)
from networks.choices import Intensity, NetworkStatus
from networks.models import CareNetwork, Membership

QUIET_WEEKS = {Intensity.INTENSIVE: 8, Intensity.LIGHT: 16}


def plan_initial_values(*, network: CareNetwork) -> dict:
    """Start from the youth's own words in the latest first conversation (step 1)."""
    intake = network.youth.intakes.order_by("-held_on", "-created_at").first()
    if intake is None:
        return {}
    return {
        "question_for_help": intake.needs,
        "strengths": intake.strengths,
        "future_vision": intake.future_dreams,
        "goal_short_term": intake.future_short_term,
        "goal_long_term": intake.future_long_term,
    }


def plan_for_network(network: CareNetwork) -> ActionPlan:
    """The network's plan, or an unsaved one filled from the intake (a GET creates nothing)."""
    plan = ActionPlan.objects.select_related("updated_by").filter(network=network).first()
    if plan is None:
        plan = ActionPlan(network=network, **plan_initial_values(network=network))
    return plan


def plan_with_parts(plan: ActionPlan) -> ActionPlan:
    """The saved plan with its parts loaded, one query each: actions (by deadline), barriers,
    referrals and the youth's "with which question to whom", each with the member named on it."""
    prefetch_related_objects(
        [plan],
        Prefetch("actions", queryset=Action.objects.select_related("owner__supporter").order_by("deadline", "pk")),
        Prefetch("barriers", queryset=Barrier.objects.select_related("category", "helper__supporter")),
        Prefetch("referrals", queryset=Referral.objects.select_related("offer", "referred_by__supporter")),
        Prefetch("question_routes", queryset=QuestionRoute.objects.select_related("member__supporter")),
    )
    return plan


def active_members(network: CareNetwork):
    return Membership.objects.active().filter(network=network).select_related("supporter__organisation")


def plan_page(*, network: CareNetwork, plan: ActionPlan) -> dict:
    """Everything on the plan page, in a fixed number of queries."""
    today = timezone.localdate()
    context = {"actions": [], "barriers": [], "referrals": [], "routes": [], "versions": []}
    if plan.pk:
        plan = plan_with_parts(plan)
        # A stable sort: by status, and within a status by deadline as loaded.
        context["actions"] = sorted(plan.actions.all(), key=lambda action: action.status)
        context["barriers"] = list(plan.barriers.all())
        context["referrals"] = list(plan.referrals.all())
        context["routes"] = list(plan.question_routes.all())
        context["versions"] = list(plan.versions.select_related("meeting", "created_by")[:20])
    for referral in context["referrals"]:
        referral.waiting_too_long = referral.is_waiting_too_long(today)
    open_actions = [a for a in context["actions"] if a.status == ActionStatus.OPEN]
    context.update(
        open_actions=open_actions,
        closed_actions=[a for a in context["actions"] if a.status != ActionStatus.OPEN],
        today=today,
        meetings=list(network.meetings.order_by("-starts_at")[:10]),
        evaluations=list(network.evaluations.select_related("by")[:10]),
        members=list(active_members(network)),
    )
    return context


def plan_summary(network: CareNetwork) -> dict:
    """The short summary on the network page: open and overdue actions, next round table."""
    today = timezone.localdate()
    counts = Action.objects.filter(plan__network=network).aggregate(
        open=Count("pk", filter=Q(status=ActionStatus.OPEN)),
        overdue=Count("pk", filter=Q(status=ActionStatus.OPEN, deadline__lt=today)),
    )
    waiting = Referral.objects.filter(plan__network=network).waiting_too_long(today).count()
    next_meeting = (
        network.meetings.filter(status=MeetingStatus.PLANNED, starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )
    return {**counts, "waiting_referrals": waiting, "next_meeting": next_meeting}


# --- The dashboard (step 4): one query per panel, whatever the number of networks ---------------


def overdue_follow_ups(user, today: datetime.date):
    return (
        CareNetwork.objects.visible_to(user)
        .filter(status=NetworkStatus.ACTIVE, next_contact_on__lt=today)
        .select_related("youth", "next_contact_by__supporter")
        .order_by("next_contact_on", "pk")
    )


def overdue_actions(user, today: datetime.date):
    return (
        Action.objects.visible_to(user)
        .filter(status=ActionStatus.OPEN, deadline__lt=today, plan__network__status=NetworkStatus.ACTIVE)
        .select_related("plan__network__youth", "owner__supporter")
        .order_by("deadline", "pk")
    )


DUE_SOON_DAYS = 7


def follow_ups_overdue_or_due_soon(user, today: datetime.date):
    """Overdue next contacts and those due in the coming week, in one query (overdue first)."""
    return (
        CareNetwork.objects.visible_to(user)
        .filter(status=NetworkStatus.ACTIVE, next_contact_on__lt=today + datetime.timedelta(days=DUE_SOON_DAYS))
        .select_related("youth", "next_contact_by__supporter")
        .order_by("next_contact_on", "pk")
    )


def actions_overdue_or_due_soon(user, today: datetime.date):
    """Open actions past their deadline or due in the coming week, in one query (overdue first)."""
    return (
        Action.objects.visible_to(user)
        .filter(
            status=ActionStatus.OPEN,
            deadline__lt=today + datetime.timedelta(days=DUE_SOON_DAYS),
            plan__network__status=NetworkStatus.ACTIVE,
        )
        .select_related("plan__network__youth", "owner__supporter")
        .order_by("deadline", "pk")
    )


def meetings_this_week(user, today: datetime.date):
    monday = today - datetime.timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    end = start + datetime.timedelta(days=7)
    return (
        Meeting.objects.visible_to(user)
        .filter(status=MeetingStatus.PLANNED, starts_at__gte=start, starts_at__lt=end)
        .select_related("network__youth")
        .order_by("starts_at")
    )


def quiet_networks(user, today: datetime.date):
    """Active networks whose last round table (or start) is > 8 weeks (intensive) or > 16 weeks (light) ago."""
    now = timezone.now()
    intensive_limit = today - datetime.timedelta(weeks=QUIET_WEEKS[Intensity.INTENSIVE])
    light_limit = today - datetime.timedelta(weeks=QUIET_WEEKS[Intensity.LIGHT])
    last_held = (
        Meeting.objects.filter(network=OuterRef("pk"), status=MeetingStatus.HELD)
        .order_by()
        .values("network")
        .annotate(last=Max("starts_at"))
        .values("last")
    )
    next_planned = (
        Meeting.objects.filter(network=OuterRef("pk"), status=MeetingStatus.PLANNED, starts_at__gte=now)
        .order_by()
        .values("network")
        .annotate(first=Min("starts_at"))
        .values("first")
    )
    intensive_cut = timezone.make_aware(datetime.datetime.combine(intensive_limit, datetime.time.min))
    light_cut = timezone.make_aware(datetime.datetime.combine(light_limit, datetime.time.min))
    quiet_intensive = Q(intensity=Intensity.INTENSIVE) & (
        Q(last_held__lt=intensive_cut) | Q(last_held__isnull=True, started_on__lt=intensive_limit)
    )
    quiet_light = Q(intensity=Intensity.LIGHT) & (
        Q(last_held__lt=light_cut) | Q(last_held__isnull=True, started_on__lt=light_limit)
    )
    return (
        CareNetwork.objects.visible_to(user)
        .filter(status=NetworkStatus.ACTIVE)
        .annotate(last_held=Subquery(last_held), next_planned=Subquery(next_planned))
        .filter(quiet_intensive | quiet_light)
        .select_related("youth")
        .order_by("last_held", "started_on", "pk")
    )


def plans_changed_for_lead(user):
    """Plans of networks this user leads, changed by someone else since the lead last looked."""
    return (
        ActionPlan.objects.filter(
            network__in=CareNetwork.objects.visible_to(user).led_by(user),
            last_change_at__isnull=False,
        )
        .exclude(last_change_by=user)
        .filter(Q(lead_seen_at__isnull=True) | Q(lead_seen_at__lt=F("last_change_at")))
        .select_related("network__youth", "last_change_by")
        .order_by("-last_change_at")
    )
