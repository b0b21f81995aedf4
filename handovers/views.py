"""Pages of the warm handover, the transition at 18, the shared dossier and closing a network.

Every page starts from `CareNetwork.objects.visible_to(user)` (through get_network_for_user) or
`Handover.objects.visible_to(user)`, so outsiders get a 404. Changes are POST only; changes to a
network go through get_open_network_for_user, which refuses a closed network with a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from handovers.forms import HandoverDeclineForm, HandoverStartForm, NetworkCloseForm, TransitionConfirmForm
from handovers.models import Handover, HandoverStatus, TransitionDomain
from handovers.services import (
    handover_accept,
    handover_decline,
    handover_handed_over_by,
    handover_leavers_for,
    handover_may_decide,
    handover_may_withdraw,
    handover_start,
    handover_withdraw,
    network_close,
    network_plan_review_done,
    network_reopen,
    open_actions_of,
    require_lead_side,
    shared_dossier,
    transition_confirm,
    transition_unconfirm,
)
from handovers.turning18 import transition_checklist
from networks.access import get_network_for_user, get_open_network_for_user, user_may_see_network
from networks.models import CareNetwork, NetworkClosed

NETWORK_WITH_ROLES = CareNetwork.objects.select_related("youth", "lead__supporter__organisation")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- handover -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def handover_start_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk, queryset=NETWORK_WITH_ROLES)
    form = HandoverStartForm(request.POST or None, network=network, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            handover = handover_start(
                network=network,
                leaver=data["leaver"],
                successor=data["successor"] if data["successor_kind"] == form.EXISTING else None,
                new_successor=form.new_successor_fields(),
                successor_role=data["successor_role"],
                reason=data["reason"],
                note=data["note"],
                introduced_to_youth=data["introduced_to_youth"],
                actions_reassigned=data["actions_reassigned"],
                next_meeting_known=data["next_meeting_known"],
                documents_shared=data["documents_shared"],
                handover_on=data["handover_on"],
                share_consent=data["share_consent"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The handover is proposed to %(name)s. Until they accept, nothing changes in the network.")
                % {"name": handover.successor.full_name},
            )
            return redirect("handovers:handover_detail", handover_pk=handover.pk)
    leavers = list(handover_leavers_for(request.user, network))
    open_actions = open_actions_of(leavers)
    return render(
        request,
        "handovers/handover_form.html",
        {"network": network, "youth": network.youth, "form": form, "open_actions": open_actions},
    )


def _handover_for(user, pk: int) -> Handover:
    queryset = Handover.objects.visible_to(user).select_related(
        "network__youth",
        "network__lead__supporter__organisation",
        "leaver__supporter__organisation",
        "successor__organisation",
        "proposed_by",
        "decided_by",
    )
    return get_object_or_404(queryset, pk=pk)


@login_required
@require_http_methods(["GET"])
def handover_detail(request: HttpRequest, handover_pk: int) -> HttpResponse:
    try:
        handover = _handover_for(request.user, handover_pk)
    except Http404:
        # The leaver of an accepted handover no longer sees the network: they read what they did,
        # not the network. Everybody else gets the same plain 404 as for a page that does not exist.
        handed_over = handover_handed_over_by(request.user, handover_pk)
        if handed_over is None:
            raise
        initials = " ".join(f"{letter}." for letter in handed_over.network.youth.initials)
        return render(request, "handovers/handover_handed_over.html", {"handover": handed_over, "initials": initials})
    return _render_handover(request, handover, HandoverDeclineForm())


def _render_handover(request, handover, decline_form, status=200):
    open_actions = open_actions_of([handover.leaver]) if handover.status == HandoverStatus.PROPOSED else []
    may_decide = handover_may_decide(request.user, handover) and not handover.network.is_closed
    may_withdraw = handover_may_withdraw(request.user, handover)
    return render(
        request,
        "handovers/handover_detail.html",
        {
            "handover": handover,
            "network": handover.network,
            "open_actions": open_actions,
            "may_decide": may_decide,
            "may_withdraw": may_withdraw,
            "decline_form": decline_form,
        },
        status=status,
    )


def _refusal(request, handover: Handover) -> str | None:
    """Why this user cannot answer this handover now, or None."""
    if handover.network.is_closed:
        return str(NetworkClosed(handover.network))
    if not handover_may_decide(request.user, handover):
        return _("Only the successor can answer this handover.")
    return None


@login_required
@require_POST
def handover_accept_view(request: HttpRequest, handover_pk: int) -> HttpResponse:
    handover = _handover_for(request.user, handover_pk)
    if refusal := _refusal(request, handover):
        messages.error(request, refusal)
        return redirect("handovers:handover_detail", handover_pk=handover.pk)
    try:
        handover_accept(handover=handover, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("handovers:handover_detail", handover_pk=handover.pk)
    messages.success(request, _("You are now a member of the network. Welcome!"))
    return redirect("handovers:shared_dossier", network_pk=handover.network_id)


@login_required
@require_POST
def handover_decline_view(request: HttpRequest, handover_pk: int) -> HttpResponse:
    handover = _handover_for(request.user, handover_pk)
    if refusal := _refusal(request, handover):
        messages.error(request, refusal)
        return redirect("handovers:handover_detail", handover_pk=handover.pk)
    form = HandoverDeclineForm(request.POST)
    if form.is_valid():
        try:
            handover_decline(handover=handover, reason=form.cleaned_data["reason"], by=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("You declined the handover. The lead of the network has been told."))
            return redirect(_after_decline_url(request.user, handover))
        return redirect("handovers:handover_detail", handover_pk=handover.pk)
    return _render_handover(request, handover, form, status=400)


@login_required
@require_POST
def handover_withdraw_view(request: HttpRequest, handover_pk: int) -> HttpResponse:
    handover = _handover_for(request.user, handover_pk)
    if not handover_may_withdraw(request.user, handover):
        if not user_may_see_network(request.user, handover.network):
            raise Http404  # the proposed successor reads the proposal, but it is not theirs to withdraw
        messages.error(request, _("Only who proposed this handover, the leaving member or the lead can withdraw it."))
        return redirect("handovers:handover_detail", handover_pk=handover.pk)
    try:
        handover_withdraw(handover=handover, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("handovers:handover_detail", handover_pk=handover.pk)
    messages.success(
        request,
        _("The handover is withdrawn; %(name)s was told that they need not answer.")
        % {"name": handover.successor.full_name},
    )
    return redirect("networks:network_detail", network_pk=handover.network_id)


def _after_decline_url(user, handover: Handover) -> str:
    """The lead who answered for a successor without login still reads the handover; the successor does not."""
    if Handover.objects.visible_to(user).filter(pk=handover.pk).exists():
        return reverse("handovers:handover_detail", args=[handover.pk])
    return reverse("dashboard")


# --- follow-up after a new lead -------------------------------------------------------------


@login_required
@require_POST
def plan_review_done_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk, queryset=NETWORK_WITH_ROLES)
    require_lead_side(request.user, network)
    network_plan_review_done(network=network, by=request.user)
    messages.success(request, _("Thank you: the plan review is recorded."))
    return redirect("dashboard")


# --- turning 18 -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def transition_checklist_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=NETWORK_WITH_ROLES)
    return _render_checklist(request, network)


def _item_auto_id(domain: str) -> str:
    """One form per item on the page: ids of their own."""
    return f"id_{domain}_%s" if domain in TransitionDomain.values else "id_%s"


def _render_checklist(request, network, *, bound=None, status=200):
    checklist = transition_checklist(network)
    for item in checklist.items:
        item.form = (
            bound
            if bound is not None and bound.data.get("domain") == item.domain
            else TransitionConfirmForm(
                initial={"domain": item.domain, "note": getattr(item.confirmation, "note", "")},
                auto_id=_item_auto_id(item.domain),
            )
        )
    return render(
        request,
        "handovers/handover_transition_checklist.html",
        {"network": network, "youth": network.youth, "checklist": checklist, "today": timezone.localdate()},
        status=status,
    )


@login_required
@require_POST
def transition_confirm_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    """A member confirms (or takes back) one item of the turning-18 checklist."""
    network = get_open_network_for_user(request.user, network_pk, queryset=NETWORK_WITH_ROLES)
    form = TransitionConfirmForm(request.POST, auto_id=_item_auto_id(request.POST.get("domain", "")))
    if not form.is_valid():
        return _render_checklist(request, network, bound=form, status=400)
    domain = form.cleaned_data["domain"]
    if form.cleaned_data["undo"]:
        transition_unconfirm(network=network, domain=domain, by=request.user)
        messages.success(request, _("The confirmation was taken back."))
    else:
        transition_confirm(network=network, domain=domain, note=form.cleaned_data["note"], by=request.user)
        messages.success(request, _("Confirmed. Thank you."))
    return redirect(reverse("handovers:transition_checklist", args=[network.pk]) + f"#item-{domain}")


# --- the shared dossier -------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def shared_dossier_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=NETWORK_WITH_ROLES.select_related("plan"))
    context = shared_dossier(network)
    context["network_page_url"] = reverse("networks:network_detail", args=[network.pk])
    return render(request, "handovers/shared_dossier.html", context)


@login_required
@require_http_methods(["GET"])
def shared_dossier_pdf_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    from audit.trail import Action, record_read
    from handovers.pdf_views import shared_dossier_print_extras
    from zorgnetwerk.pdf import pdf_filename, pdf_response, render_pdf

    network = get_network_for_user(
        request.user, network_pk, queryset=NETWORK_WITH_ROLES.select_related("plan", "next_contact_by__supporter")
    )
    context = shared_dossier(network)
    context.update(shared_dossier_print_extras(network, context["plan"]))
    context.update(
        today=timezone.localdate(),
        doc_title=_("Overdrachtsdossier"),
        template_no=_("Shared dossier"),
    )
    pdf = render_pdf("pdf/overdrachtsdossier.html", context, request=request)
    record_read(request, network, action=Action.PDF)
    return pdf_response(pdf, pdf_filename("overdrachtsdossier", network.youth.initials, timezone.localdate()))


# --- closing and reopening ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def network_close_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk, queryset=NETWORK_WITH_ROLES)
    require_lead_side(request.user, network)
    form = NetworkCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            network_close(
                network=network,
                reason=form.cleaned_data["closure_reason"],
                note=form.cleaned_data["closure_note"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The network is closed. Only your organisation keeps reading access."))
            return redirect("networks:network_detail", network_pk=network.pk)
    return render(request, "handovers/network_close.html", {"network": network, "youth": network.youth, "form": form})


@login_required
@require_POST
def network_reopen_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=NETWORK_WITH_ROLES)
    require_lead_side(request.user, network)
    try:
        network_reopen(network=network, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The network is open again; every member's organisation has its access back."))
    return redirect("networks:network_detail", network_pk=network.pk)
