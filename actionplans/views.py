"""Pages of the round table and the action plan. Thin: parse, call one service, render.

Every view starts from what the user may see (`get_network_for_user` or a `*_visible_to` selector),
so a non-member gets a 404; changes go through POST and refuse a closed network.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actionplans import forms, ics, selectors
from actionplans.models import MAX_OPEN_ACTIONS
from actionplans.services import followup, plans, roundtables
from networks.access import NetworkClosed, get_network_for_user
from networks.choices import MeetingStatus
from networks.models import CareNetwork

GET_POST = require_http_methods(["GET", "POST"])


def _networks():
    return CareNetwork.objects.select_related("youth", "lead__supporter", "next_contact_by__supporter")


def _ensure_open(network: CareNetwork) -> None:
    if network.is_closed:
        raise NetworkClosed(network)


def _plan_url(network_or_pk, anchor: str = "") -> str:
    pk = getattr(network_or_pk, "pk", network_or_pk)
    return reverse("actionplans:plan_detail", args=[pk]) + (f"#{anchor}" if anchor else "")


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _form_page(
    request: HttpRequest,
    *,
    form,
    network: CareNetwork,
    title: str,
    on_valid: Callable,
    back_url: str,
    intro: str = "",
    submit_label: str = "",
    danger: bool = False,
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service, a refused one keeps the input."""
    if request.method == "POST":
        _ensure_open(network)
        if form.is_valid():
            try:
                message = on_valid(form)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, message)
                return redirect(back_url)
    return render(
        request,
        "actionplans/form_page.html",
        {
            "form": form,
            "network": network,
            "youth": network.youth,
            "title": title,
            "intro": intro,
            "back_url": back_url,
            "submit_label": submit_label or _("Save"),
            "danger": danger,
        },
    )


def _data(request):
    return request.POST if request.method == "POST" else None


# --- The plan ---------------------------------------------------------------------------------


@login_required
@require_GET
def plan_detail(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())
    plan = selectors.plan_for_network(network)
    # Like the audit of reads: noting that the lead has looked is bookkeeping, not a change to the plan.
    plans.plan_mark_seen(plan=plan, user=request.user)
    context = {
        "network": network,
        "youth": network.youth,
        "plan": plan,
        "is_lead": bool(network.lead and network.lead.supporter.user_id == request.user.pk),
        "max_open_actions": MAX_OPEN_ACTIONS,
        "follow_up_form": forms.FollowUpForm(
            network=network,
            initial={"next_contact_on": network.next_contact_on, "next_contact_by": network.next_contact_by_id},
        ),
        **selectors.plan_page(network=network, plan=plan),
    }
    return render(request, "actionplans/plan_detail.html", context)


@login_required
@GET_POST
def plan_update(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())
    plan = selectors.plan_for_network(network)
    changed_by = None
    if request.method == "POST":
        _ensure_open(network)
        form = forms.PlanForm(request.POST, instance=plan)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in plans.PLAN_FIELDS}
            try:
                plans.plan_update(network=network, revision=form.cleaned_data["revision"], by=request.user, **fields)
            except plans.PlanChanged as stale:
                changed_by = stale.plan
                who = str(stale.plan.updated_by) if stale.plan.updated_by else _("someone")
                form.add_error(
                    None,
                    _(
                        "The plan was changed by %(who)s at %(when)s while you were editing. Your text is kept "
                        "below; compare it with the current plan, then save again."
                    )
                    % {"who": who, "when": date_format(timezone.localtime(stale.plan.updated_at), "DATETIME_FORMAT")},
                )
                # The next save compares against the version the user has now seen.
                data = request.POST.copy()
                data["revision"] = stale.plan.revision
                form.data = data
            else:
                messages.success(request, _("The action plan was saved."))
                return redirect(_plan_url(network))
    else:
        form = forms.PlanForm(instance=plan, initial={"revision": plan.revision})
    return render(
        request,
        "actionplans/plan_form.html",
        {"form": form, "network": network, "youth": network.youth, "plan": plan, "current": changed_by},
    )


@login_required
@require_GET
def plan_version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_or_404(
        selectors.plan_versions_visible_to(request.user).select_related(
            "plan__network__youth", "meeting", "created_by"
        ),
        pk=pk,
    )
    network = version.plan.network
    return render(
        request,
        "actionplans/planversion_detail.html",
        {"version": version, "network": network, "youth": network.youth, "snapshot": version.snapshot},
    )


# --- Actions ----------------------------------------------------------------------------------


def _action(request, pk):
    return get_object_or_404(
        selectors.actions_visible_to(request.user).select_related("plan__network__youth", "owner__supporter"), pk=pk
    )


@login_required
@GET_POST
def action_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())

    def save(form):
        plan = plans.plan_get_or_create(network=network)
        plans.plan_add_action(plan=plan, by=request.user, **form.service_kwargs())
        return _("The action was added.")

    return _form_page(
        request,
        form=forms.ActionForm(_data(request), network=network),
        network=network,
        title=_("New action"),
        intro=_("At most three open actions: better one action done well than five without effect."),
        on_valid=save,
        back_url=_plan_url(network, "actions"),
    )


@login_required
@GET_POST
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    network = action.plan.network
    initial = {
        "domain": action.domain,
        "description": action.description,
        "deadline": action.deadline,
        "who": forms.YOUTH if action.owner_is_youth else str(action.owner_id),
    }

    def save(form):
        plans.action_update(action=action, by=request.user, **form.service_kwargs())
        return _("The action was saved.")

    return _form_page(
        request,
        form=forms.ActionForm(_data(request), network=network, initial=initial),
        network=network,
        title=_("Change the action"),
        on_valid=save,
        back_url=_plan_url(network, "actions"),
    )


@login_required
@GET_POST
def action_complete(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)

    def save(form):
        plans.action_complete(action=action, result=form.cleaned_data["result"], by=request.user)
        return _("The action is done.")

    return _form_page(
        request,
        form=forms.ActionCompleteForm(_data(request)),
        network=action.plan.network,
        title=_("Action done: %(what)s") % {"what": action},
        on_valid=save,
        back_url=_plan_url(action.plan.network_id, "actions"),
        submit_label=_("Mark as done"),
    )


@login_required
@GET_POST
def action_drop(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)

    def save(form):
        plans.action_drop(action=action, reason=form.cleaned_data["reason"], by=request.user)
        return _("The action was dropped.")

    return _form_page(
        request,
        form=forms.ActionDropForm(_data(request)),
        network=action.plan.network,
        title=_("Drop the action: %(what)s") % {"what": action},
        on_valid=save,
        back_url=_plan_url(action.plan.network_id, "actions"),
        submit_label=_("Drop the action"),
        danger=True,
    )


@login_required
@require_POST
def action_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    _ensure_open(action.plan.network)
    try:
        plans.action_reopen(action=action, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action is open again."))
    return redirect(_plan_url(action.plan.network_id, "actions"))


@login_required
@GET_POST
def action_evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    initial = {}
    if action.attained is not None:
        initial = {"attained": "yes" if action.attained else "no", "note": action.evaluation_note}

    def save(form):
        plans.action_evaluate(
            action=action, attained=form.cleaned_data["attained"], note=form.cleaned_data["note"], by=request.user
        )
        return _("The evaluation of the action was saved.")

    return _form_page(
        request,
        form=forms.ActionEvaluateForm(_data(request), initial=initial),
        network=action.plan.network,
        title=_("Evaluate the action: %(what)s") % {"what": action},
        on_valid=save,
        back_url=_plan_url(action.plan.network_id, "actions"),
    )


# --- Barriers, referrals, "with which question to whom" ----------------------------------------


@login_required
@GET_POST
def barrier_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())

    def save(form):
        data = form.cleaned_data
        plan = plans.plan_get_or_create(network=network)
        plans.barrier_add(
            plan=plan,
            category=data["category"],
            description=data["description"],
            helper=data["helper"],
            by=request.user,
        )
        return _("The barrier was added.")

    form = forms.BarrierForm(_data(request), network=network)
    del form.fields["status"]
    return _form_page(
        request,
        form=form,
        network=network,
        title=_("New barrier"),
        intro=_("Map the barrier and who in the network helps remove it. Signalling it can be enough."),
        on_valid=save,
        back_url=_plan_url(network, "barriers"),
    )


@login_required
@GET_POST
def barrier_update(request: HttpRequest, pk: int) -> HttpResponse:
    barrier = get_object_or_404(
        selectors.barriers_visible_to(request.user).select_related("plan__network__youth", "category"), pk=pk
    )
    network = barrier.plan.network
    initial = {
        "category": barrier.category_id,
        "description": barrier.description,
        "helper": barrier.helper_id,
        "status": barrier.status,
    }

    def save(form):
        plans.barrier_update(barrier=barrier, by=request.user, **form.cleaned_data)
        return _("The barrier was saved.")

    return _form_page(
        request,
        form=forms.BarrierForm(_data(request), network=network, initial=initial),
        network=network,
        title=_("Change the barrier"),
        on_valid=save,
        back_url=_plan_url(network, "barriers"),
    )


@login_required
@GET_POST
def referral_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())

    def save(form):
        plan = plans.plan_get_or_create(network=network)
        plans.referral_add(plan=plan, by=request.user, **form.cleaned_data)
        return _("The referral was recorded.")

    return _form_page(
        request,
        form=forms.ReferralForm(_data(request), network=network),
        network=network,
        title=_("New referral"),
        intro=_("When nobody in the network has the answer but an external partner does."),
        on_valid=save,
        back_url=_plan_url(network, "referrals"),
    )


@login_required
@GET_POST
def referral_status(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(
        selectors.referrals_visible_to(request.user).select_related("plan__network__youth", "offer"), pk=pk
    )
    network = referral.plan.network

    def save(form):
        plans.referral_set_status(referral=referral, by=request.user, **form.cleaned_data)
        return _("The referral was updated.")

    return _form_page(
        request,
        form=forms.ReferralStatusForm(_data(request), referral=referral),
        network=network,
        title=_("Referral to %(partner)s: %(status)s")
        % {"partner": referral.partner_name, "status": referral.get_status_display()},
        on_valid=save,
        back_url=_plan_url(network, "referrals"),
    )


@login_required
@GET_POST
def question_route_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())

    def save(form):
        plan = plans.plan_get_or_create(network=network)
        plans.question_route_add(plan=plan, by=request.user, **form.cleaned_data)
        return _("The line was added to the youth's list.")

    return _form_page(
        request,
        form=forms.QuestionRouteForm(_data(request), network=network),
        network=network,
        title=_("With which question to whom"),
        intro=_("A clear list for the youth: with which question can I go to whom?"),
        on_valid=save,
        back_url=_plan_url(network, "routes"),
    )


@login_required
@require_POST
def question_route_delete(request: HttpRequest, pk: int) -> HttpResponse:
    route = get_object_or_404(selectors.question_routes_visible_to(request.user).select_related("plan__network"), pk=pk)
    network_id = route.plan.network_id
    _ensure_open(route.plan.network)
    plans.question_route_delete(route=route, by=request.user)
    messages.success(request, _("The line was removed."))
    return redirect(_plan_url(network_id, "routes"))


# --- Follow-up ----------------------------------------------------------------------------------


@login_required
@GET_POST
def evaluation_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())

    def save(form):
        followup.evaluation_add(network=network, by=request.user, **form.cleaned_data)
        return _("The evaluation was recorded.")

    return _form_page(
        request,
        form=forms.EvaluationForm(_data(request)),
        network=network,
        title=_("New evaluation"),
        intro=_("Evaluate together from time to time where you stand."),
        on_valid=save,
        back_url=_plan_url(network, "follow-up"),
    )


@login_required
@GET_POST
def follow_up_update(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())
    initial = {"next_contact_on": network.next_contact_on, "next_contact_by": network.next_contact_by_id}

    def save(form):
        followup.network_set_follow_up(network=network, by=request.user, **form.cleaned_data)
        return _("The follow-up was saved.")

    return _form_page(
        request,
        form=forms.FollowUpForm(_data(request), network=network, initial=initial),
        network=network,
        title=_("Follow-up"),
        intro=_("Agree when you contact each other again and who is responsible."),
        on_valid=save,
        back_url=_plan_url(network, "follow-up"),
    )


@login_required
@GET_POST
def lead_rotate(request: HttpRequest, network_pk: int) -> HttpResponse:
    from networks.services import network_rotate_lead

    network = get_network_for_user(request.user, network_pk, queryset=_networks())

    def save(form):
        network_rotate_lead(network=network, new_lead=form.cleaned_data["new_lead"], by=request.user)
        return _("%(name)s is now the lead.") % {"name": form.cleaned_data["new_lead"].supporter.full_name}

    return _form_page(
        request,
        form=forms.LeadRotateForm(_data(request), network=network),
        network=network,
        title=_("Hand over the lead (trekker)"),
        intro=_("The lead keeps the follow-up going. The role can rotate; only the current lead hands it on."),
        on_valid=save,
        back_url=_plan_url(network, "follow-up"),
    )


# --- Round tables ------------------------------------------------------------------------------


def _meeting(request, pk):
    return get_object_or_404(
        selectors.meetings_visible_to(request.user).select_related("network__youth", "organiser"), pk=pk
    )


@login_required
@GET_POST
def meeting_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=_networks())
    created = {}

    def save(form):
        created["meeting"] = roundtables.meeting_plan(network=network, by=request.user, **form.service_kwargs())
        return _("The round table was planned; the invited members receive a calendar invitation.")

    response = _form_page(
        request,
        form=forms.MeetingForm(
            _data(request), network=network, initial={"invited": list(selectors.active_members(network))}
        ),
        network=network,
        title=_("Plan a round table"),
        intro=_("Start early: finding a moment that suits everyone can be a challenge."),
        on_valid=save,
        back_url=_plan_url(network, "meetings"),
    )
    if "meeting" in created:
        return redirect("actionplans:meeting_detail", pk=created["meeting"].pk)
    return response


@login_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    network = meeting.network
    return render(
        request,
        "actionplans/meeting_detail.html",
        {
            "meeting": meeting,
            "network": network,
            "youth": network.youth,
            "invited": meeting.invited.select_related("supporter__organisation"),
            "attended": meeting.attended.select_related("supporter__organisation"),
            "versions": meeting.plan_versions.all(),
            "can_record": meeting.status != MeetingStatus.CANCELLED
            and timezone.localtime(meeting.starts_at).date() <= timezone.localdate(),
        },
    )


@login_required
@GET_POST
def meeting_update(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)

    def save(form):
        roundtables.meeting_update(meeting=meeting, by=request.user, **form.service_kwargs())
        return _("The round table was changed; the invited members receive an updated invitation.")

    return _form_page(
        request,
        form=forms.MeetingForm(
            _data(request), network=meeting.network, initial=forms.MeetingForm.initial_from(meeting)
        ),
        network=meeting.network,
        title=_("Change the round table"),
        on_valid=save,
        back_url=reverse("actionplans:meeting_detail", args=[meeting.pk]),
    )


@login_required
@GET_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)

    def save(form):
        roundtables.meeting_cancel(meeting=meeting, by=request.user)
        return _("The round table was cancelled; the invited members receive a cancellation.")

    return _form_page(
        request,
        form=forms.forms.Form(_data(request)),
        network=meeting.network,
        title=_("Cancel the round table of %(when)s")
        % {"when": date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")},
        intro=_("Every invited member receives a cancellation for their calendar."),
        on_valid=save,
        back_url=reverse("actionplans:meeting_detail", args=[meeting.pk]),
        submit_label=_("Cancel the round table"),
        danger=True,
    )


@login_required
@GET_POST
def meeting_record(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    initial = {
        "attended": list(meeting.attended.all()) or list(meeting.invited.all()),
        "youth_present": meeting.youth_present,
        "interpreter_present": meeting.interpreter_present,
        "family_online": meeting.family_online,
        "notes": meeting.notes,
        "decisions": meeting.decisions,
    }

    def save(form):
        roundtables.meeting_record_outcome(meeting=meeting, by=request.user, **form.service_kwargs())
        return _("The round table was filled in; a version of the action plan was recorded.")

    return _form_page(
        request,
        form=forms.MeetingRecordForm(_data(request), network=meeting.network, initial=initial),
        network=meeting.network,
        title=_("Fill in the round table"),
        intro=_("Who was there, what was decided, and when you meet again."),
        on_valid=save,
        back_url=reverse("actionplans:meeting_detail", args=[meeting.pk]),
    )


@login_required
@require_GET
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    attendees = [
        (m.supporter.full_name, m.supporter.email)
        for m in meeting.invited.select_related("supporter")
        if m.supporter.email
    ]
    content = ics.meeting_calendar(meeting, method=ics.PUBLISH, attendees=attendees)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rondetafel-{meeting.pk}.ics"'
    return response
