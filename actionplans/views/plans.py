"""Pages of the action plan (step 3): the plan, its versions, actions, barriers, referrals and
"with which question to whom"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from actionplans import forms, selectors
from actionplans.models import MAX_OPEN_ACTIONS, Action, Barrier, PlanVersion, QuestionRoute, Referral
from actionplans.services import plans
from actionplans.views.common import GET_POST, form_data, form_page, networks_queryset, plan_url
from networks.access import get_network_for_user

# --- The plan ---------------------------------------------------------------------------------


@login_required
@require_GET
def plan_detail(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())
    plan = selectors.plan_for_network(network)
    # Like the audit of reads: noting that the lead has looked is bookkeeping, not a change to the plan.
    plans.plan_mark_seen(plan=plan, user=request.user)
    context = {
        "network": network,
        "youth": network.youth,
        "plan": plan,
        "is_lead": network.is_led_by(request.user),
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
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())
    plan = selectors.plan_for_network(network)
    changed_by = None
    if request.method == "POST":
        network.require_open()
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
                return redirect(plan_url(network))
    else:
        form = forms.PlanForm(instance=plan, initial={"revision": plan.revision})
    return render(
        request,
        "actionplans/plan_form.html",
        {"form": form, "network": network, "youth": network.youth, "plan": plan, "current": changed_by},
    )


@login_required
@require_GET
def plan_version_detail(request: HttpRequest, version_pk: int) -> HttpResponse:
    version = get_object_or_404(
        PlanVersion.objects.visible_to(request.user).select_related("plan__network__youth", "meeting", "created_by"),
        pk=version_pk,
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
        Action.objects.visible_to(request.user).select_related("plan__network__youth", "owner__supporter"), pk=pk
    )


@login_required
@GET_POST
def action_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())
    if request.method == "GET" and Action.objects.filter(plan__network=network).open().count() >= MAX_OPEN_ACTIONS:
        # Not offered at all, rather than refused on save: the page says what to do instead.
        messages.warning(request, _("Three actions are open: finish or drop one before adding another."))
        return redirect(plan_url(network, "actions"))

    def save(form):
        plan = plans.plan_get_or_create(network=network)
        plans.plan_add_action(plan=plan, by=request.user, **form.service_kwargs())
        return _("The action was added.")

    return form_page(
        request,
        form=forms.ActionForm(form_data(request), network=network),
        network=network,
        title=_("New action"),
        intro=_("At most three open actions: better one action done well than five without effect."),
        on_valid=save,
        back_url=plan_url(network, "actions"),
    )


@login_required
@GET_POST
def action_update(request: HttpRequest, action_pk: int) -> HttpResponse:
    action = _action(request, action_pk)
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

    return form_page(
        request,
        form=forms.ActionForm(form_data(request), network=network, initial=initial),
        network=network,
        title=_("Change the action"),
        on_valid=save,
        back_url=plan_url(network, "actions"),
    )


@login_required
@GET_POST
def action_complete(request: HttpRequest, action_pk: int) -> HttpResponse:
    action = _action(request, action_pk)

    def save(form):
        plans.action_complete(action=action, result=form.cleaned_data["result"], by=request.user)
        return _("The action is done.")

    return form_page(
        request,
        form=forms.ActionCompleteForm(form_data(request)),
        network=action.plan.network,
        title=_("Action done: %(what)s") % {"what": action},
        on_valid=save,
        back_url=plan_url(action.plan.network_id, "actions"),
        submit_label=_("Mark as done"),
    )


@login_required
@GET_POST
def action_drop(request: HttpRequest, action_pk: int) -> HttpResponse:
    action = _action(request, action_pk)

    def save(form):
        plans.action_drop(action=action, reason=form.cleaned_data["reason"], by=request.user)
        return _("The action was dropped.")

    return form_page(
        request,
        form=forms.ActionDropForm(form_data(request)),
        network=action.plan.network,
        title=_("Drop the action: %(what)s") % {"what": action},
        on_valid=save,
        back_url=plan_url(action.plan.network_id, "actions"),
        submit_label=_("Drop the action"),
        danger=True,
    )


@login_required
@require_POST
def action_reopen(request: HttpRequest, action_pk: int) -> HttpResponse:
    action = _action(request, action_pk)
    action.plan.network.require_open()
    try:
        plans.action_reopen(action=action, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action is open again."))
    return redirect(plan_url(action.plan.network_id, "actions"))


@login_required
@GET_POST
def action_evaluate(request: HttpRequest, action_pk: int) -> HttpResponse:
    action = _action(request, action_pk)
    initial = {}
    if action.attained is not None:
        initial = {"attained": "yes" if action.attained else "no", "note": action.evaluation_note}

    def save(form):
        plans.action_evaluate(
            action=action, attained=form.cleaned_data["attained"], note=form.cleaned_data["note"], by=request.user
        )
        return _("The evaluation of the action was saved.")

    return form_page(
        request,
        form=forms.ActionEvaluateForm(form_data(request), initial=initial),
        network=action.plan.network,
        title=_("Evaluate the action: %(what)s") % {"what": action},
        on_valid=save,
        back_url=plan_url(action.plan.network_id, "actions"),
    )


# --- Barriers, referrals, "with which question to whom" ----------------------------------------


@login_required
@GET_POST
def barrier_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())

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

    form = forms.BarrierForm(form_data(request), network=network)
    del form.fields["status"]
    return form_page(
        request,
        form=form,
        network=network,
        title=_("New barrier"),
        intro=_("Map the barrier and who in the network helps remove it. Signalling it can be enough."),
        on_valid=save,
        back_url=plan_url(network, "barriers"),
    )


@login_required
@GET_POST
def barrier_update(request: HttpRequest, barrier_pk: int) -> HttpResponse:
    barrier = get_object_or_404(
        Barrier.objects.visible_to(request.user).select_related("plan__network__youth", "category"), pk=barrier_pk
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

    return form_page(
        request,
        form=forms.BarrierForm(form_data(request), network=network, initial=initial),
        network=network,
        title=_("Change the barrier"),
        on_valid=save,
        back_url=plan_url(network, "barriers"),
    )


@login_required
@GET_POST
def referral_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())

    def save(form):
        plan = plans.plan_get_or_create(network=network)
        plans.referral_add(plan=plan, by=request.user, **form.cleaned_data)
        return _("The referral was recorded.")

    return form_page(
        request,
        form=forms.ReferralForm(form_data(request), network=network),
        network=network,
        title=_("New referral"),
        intro=_("When nobody in the network has the answer but an external partner does."),
        on_valid=save,
        back_url=plan_url(network, "referrals"),
    )


@login_required
@GET_POST
def referral_status(request: HttpRequest, referral_pk: int) -> HttpResponse:
    referral = get_object_or_404(
        Referral.objects.visible_to(request.user).select_related("plan__network__youth", "offer"), pk=referral_pk
    )
    network = referral.plan.network

    def save(form):
        plans.referral_set_status(referral=referral, by=request.user, **form.cleaned_data)
        return _("The referral was updated.")

    return form_page(
        request,
        form=forms.ReferralStatusForm(form_data(request), referral=referral),
        network=network,
        title=_("Referral to %(partner)s: %(status)s")
        % {"partner": referral.partner_name, "status": referral.get_status_display()},
        on_valid=save,
        back_url=plan_url(network, "referrals"),
    )


@login_required
@GET_POST
def question_route_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())

    def save(form):
        plan = plans.plan_get_or_create(network=network)
        plans.question_route_add(plan=plan, by=request.user, **form.cleaned_data)
        return _("The line was added to the youth's list.")

    return form_page(
        request,
        form=forms.QuestionRouteForm(form_data(request), network=network),
        network=network,
        title=_("With which question to whom"),
        intro=_("A clear list for the youth: with which question can I go to whom?"),
        on_valid=save,
        back_url=plan_url(network, "routes"),
    )


@login_required
@require_POST
def question_route_delete(request: HttpRequest, question_pk: int) -> HttpResponse:
    route = get_object_or_404(
        QuestionRoute.objects.visible_to(request.user).select_related("plan__network"), pk=question_pk
    )
    network_id = route.plan.network_id
    route.plan.network.require_open()
    plans.question_route_delete(route=route, by=request.user)
    messages.success(request, _("The line was removed."))
    return redirect(plan_url(network_id, "routes"))
