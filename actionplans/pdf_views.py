"""PDF download of the template p.12, the action plan of a network.

The filled plan starts from get_network_for_user (outsiders get a 404), like the plan page;
a network without a plan yet prints its members and next meeting with empty plan fields.
The blank plan holds no data and needs only a login.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from actionplans.models import MAX_OPEN_ACTIONS, ActionPlan, ActionStatus, Barrier, MeetingStatus
from actionplans.selectors import plan_with_parts
from audit.trail import Action, record_read
from networks.access import get_network_for_user
from networks.models import CareNetwork
from zorgnetwerk.pdf import answer_fields, pdf_filename, pdf_response, print_context, render_pdf

PLAN_TEMPLATE = "pdf/action_plan.html"

QUESTION_FIELD = "question_for_help"
SITUATION_FIELDS = ("situation_wellbeing", "situation_school", "situation_work", "strengths")
GOAL_FIELDS = ("future_vision", "goal_short_term", "goal_long_term")


def plan_context(*, network, plan, blank: bool) -> dict:
    context = print_context(
        template_no="p. 12",
        doc_title=_("Action plan"),
        blank=blank,
        youth=network.youth if network else None,
        network=network,
        max_actions=MAX_OPEN_ACTIONS,
        action_rows=range(1, MAX_OPEN_ACTIONS + 1),
        f_question=answer_fields(ActionPlan, plan, [QUESTION_FIELD], lines=2)[0],
        fields_situation=answer_fields(ActionPlan, plan, SITUATION_FIELDS, lines=2),
        fields_goals=answer_fields(ActionPlan, plan, GOAL_FIELDS, lines=2),
        # The playbook asks for the youth's options; the plan has no field for them: lines to write on.
        option_lines=range(2),
        blank_rows=range(2),
        actions=[],
        barriers=[],
        signalled=set(),
        referrals=[],
        routes=[],
        next_meeting=None,
        last_meeting=None,
        attended=[],
    )
    if plan is not None:
        plan = plan_with_parts(plan)
        # The rule keeps at most MAX_OPEN_ACTIONS open (actionplans.services.plans); print what is there.
        context["actions"] = [action for action in plan.actions.all() if action.status == ActionStatus.OPEN]
        context["barriers"] = list(plan.barriers.all())
        # Barriers sent on to the advisory group (adviesgroep.Signal.source_barrier, read backwards).
        context["signalled"] = set(
            Barrier.objects.filter(plan=plan, signals__isnull=False).values_list("pk", flat=True)
        )
        context["referrals"] = list(plan.referrals.all())
        context["routes"] = list(plan.question_routes.all())
    if network is not None:
        context["next_meeting"] = (
            network.meetings.filter(status=MeetingStatus.PLANNED, starts_at__gte=timezone.now())
            .order_by("starts_at")
            .first()
        )
        last_meeting = network.meetings.filter(status=MeetingStatus.HELD).order_by("-starts_at").first()
        if last_meeting is not None:
            context["last_meeting"] = last_meeting
            context["attended"] = list(last_meeting.attended.select_related("supporter").order_by("pk"))
    return context


@login_required
@require_GET
def plan_blank_pdf(request: HttpRequest) -> HttpResponse:
    """p.12 with boxes to fill in at the round table."""
    pdf = render_pdf(PLAN_TEMPLATE, plan_context(network=None, plan=None, blank=True), request=request)
    return pdf_response(pdf, pdf_filename("actieplan-blanco"))


@login_required
@require_GET
def plan_pdf(request: HttpRequest, network_pk: int) -> HttpResponse:
    """p.12 filled from the network's plan: at most three open actions, with owner and deadline."""
    network = get_network_for_user(
        request.user,
        network_pk,
        queryset=CareNetwork.objects.select_related("youth", "lead__supporter", "next_contact_by__supporter"),
    )
    plan = ActionPlan.objects.filter(network=network).first()
    pdf = render_pdf(PLAN_TEMPLATE, plan_context(network=network, plan=plan, blank=False), request=request)
    record_read(request, plan or network, action=Action.PDF)
    return pdf_response(pdf, pdf_filename("actieplan", network.youth.initials, timezone.localdate()))
