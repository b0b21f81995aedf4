from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEvent
from networks.access import get_network_for_user, get_open_network_for_user, user_may_see_network
from networks.ecomap import render_ecomap_svg
from networks.forms import (
    AnswerToMembersForm,
    MembershipEndForm,
    MembershipForm,
    NetworkForm,
    OrganisationProposalForm,
    SeveralMembersForm,
    SharingConsentForm,
    SupporterSearchForm,
)
from networks.models import CareNetwork, Membership, SharingConsent
from networks.notes import NoteForm
from networks.services import (
    consent_keeper,
    consent_may_change,
    consent_refusal_message,
    membership_end_needs_reason,
    membership_holds_lead_role,
    membership_may_end,
    membership_refusal,
    membership_remove,
    network_activate,
    network_join,
    network_join_several,
    network_missing_sectors,
    network_update,
    organisation_propose,
    sharing_consent_give,
    sharing_consent_revoke,
)

# From this age the network page reminds to involve the supporters who appear at 18.
AGE_FOR_ADULT_SUPPORT_REMINDER = 17
AUDIT_PAGE_SIZE = 50


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def network_detail(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(
        request.user,
        network_pk,
        queryset=CareNetwork.objects.select_related(
            "youth", "lead__supporter", "continuity_figure__supporter", "next_contact_by__supporter"
        ),
    )
    memberships = list(network.memberships.select_related("supporter__organisation").order_by("joined_on", "pk"))
    active = [m for m in memberships if m.left_on is None]
    for membership in active:
        membership.network = network
        # The "End" button shows only where the user may use it (networks.services rules).
        membership.user_may_end = not membership_holds_lead_role(
            membership=membership, network=network
        ) and membership_may_end(membership=membership, user=request.user)
    youth = network.youth
    age = youth.age
    intakes = list(youth.intakes.all())  # the stappenplan's step 1 reads them too
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "youth": youth,
            "members": active,
            "former_members": [m for m in memberships if m.left_on is not None],
            "ecomap_svg": render_ecomap_svg(network, active),
            "missing_sectors": network_missing_sectors(memberships=active),
            "remind_adult_support": age is not None and age >= AGE_FOR_ADULT_SUPPORT_REMINDER,
            "has_consented_intake": any(intake.consent_given for intake in intakes),
            "intakes": intakes,
        },
    )


@login_required
def network_update_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(
        request.user, network_pk, queryset=CareNetwork.objects.select_related("youth", "lead__supporter")
    )
    form = NetworkForm(request.POST or None, instance=network, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            network_update(network=CareNetwork.objects.get(pk=network.pk), by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("The network was saved."))
            return redirect("networks:network_detail", network_pk=network.pk)
    return render(request, "networks/network_form.html", {"form": form, "network": network, "youth": network.youth})


@login_required
@require_POST
def network_activate_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk)
    try:
        network_activate(network=network, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The network is active."))
    return redirect("networks:network_detail", network_pk=network.pk)


@login_required
def membership_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk, queryset=CareNetwork.objects.select_related("youth"))
    search = SupporterSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    several_posted = request.method == "POST" and "several" in request.POST
    answer_posted = request.method == "POST" and "from_answer" in request.POST
    single_posted = request.method == "POST" and not several_posted and not answer_posted
    form = MembershipForm(request.POST if single_posted else None, network=network, user=request.user, query=query)
    several = SeveralMembersForm(
        request.POST if several_posted else None, network=network, user=request.user, query=query, prefix="several"
    )
    if single_posted and form.is_valid():
        try:
            membership = network_join(network=network, by=request.user, **form.service_arguments())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s joined the network.") % {"name": membership.supporter.full_name})
            return redirect("networks:network_detail", network_pk=network.pk)
    # "Bevraag bij de jongeren zelf wie hen allemaal ondersteunt": the youth's answer as a checklist.
    intake = network.youth.intakes.exclude(current_support="").first()
    answer = None
    if intake is not None:
        answer = AnswerToMembersForm(
            request.POST if answer_posted else None,
            network=network,
            user=request.user,
            answer=intake.current_support,
            prefix="answer",
        )
    for posted, chosen_form in ((several_posted, several), (answer_posted, answer)):
        if not posted or chosen_form is None or not chosen_form.is_valid():
            continue
        try:
            joined = network_join_several(
                network=network,
                supporters=chosen_form.cleaned_data["supporters"],
                share_consent=chosen_form.cleaned_data["share_consent"],
                by=request.user,
            )
        except ValidationError as error:
            chosen_form.add_error(None, error)
        else:
            names = get_text_list([membership.supporter.full_name for membership in joined], _("and"))
            messages.success(request, _("%(names)s joined the network.") % {"names": names})
            return redirect("networks:network_detail", network_pk=network.pk)
    return render(
        request,
        "networks/membership_form.html",
        {
            "form": form,
            "several": several,
            "search": search,
            "query": query,
            "network": network,
            "youth": network.youth,
            "interpreter_language": network.youth.interpreter_language,
            "proposal_form": OrganisationProposalForm(prefix="proposal"),
            "answer": answer,
            "intake": intake,
        },
    )


@login_required
@require_POST
def organisation_propose_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    """A member proposes a new partner organisation from the add-member page; an admin approves it."""
    network = get_open_network_for_user(request.user, network_pk, queryset=CareNetwork.objects.select_related("youth"))
    form = OrganisationProposalForm(request.POST, prefix="proposal")
    if form.is_valid():
        proposal = organisation_propose(network=network, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "%(organisation)s was proposed. An administrator approves it; you get an e-mail then, "
                "and %(name)s joins the network."
            )
            % {"organisation": proposal.organisation.name, "name": proposal.contact_name},
        )
        return redirect("networks:network_detail", network_pk=network.pk)
    return render(
        request,
        "networks/organisation_propose.html",
        {"proposal_form": form, "network": network, "youth": network.youth},
    )


@login_required
def membership_end_view(request: HttpRequest, membership_pk: int) -> HttpResponse:
    """GET asks for confirmation (and a reason when required); POST ends the membership.

    Outsiders get 404; a member who may not end this membership gets a clear refusal (403).
    """
    membership = get_object_or_404(
        Membership.objects.active()
        .filter(network__in=CareNetwork.objects.visible_to(request.user))
        .select_related("supporter__organisation", "network__youth", "network__lead__supporter"),
        pk=membership_pk,
    )
    network = get_open_network_for_user(request.user, membership.network_id)
    context = {"membership": membership, "network": membership.network, "youth": membership.network.youth}
    refusal = membership_refusal(membership=membership, user=request.user)
    if refusal:
        return render(request, "networks/membership_confirm_end.html", {**context, "refusal": refusal}, status=403)
    form = MembershipEndForm(
        request.POST if request.method == "POST" else None,
        reason_required=membership_end_needs_reason(membership=membership, user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership_remove(membership=membership, by=request.user, reason=form.cleaned_data["reason"])
        except PermissionDenied as error:
            return render(
                request, "networks/membership_confirm_end.html", {**context, "refusal": str(error)}, status=403
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s left the network.") % {"name": membership.supporter.full_name})
            if user_may_see_network(request.user, network):
                return redirect("networks:network_detail", network_pk=network.pk)
            messages.info(request, _("Your organisation no longer has access to this network."))
            return redirect("dashboard")
    return render(request, "networks/membership_confirm_end.html", {**context, "form": form})


def _youth_for_user(user, youth_pk):
    """The youth of a network the user may see; 404 otherwise."""
    network = CareNetwork.objects.visible_to(user).filter(youth_id=youth_pk).select_related("youth").first()
    if network is None:
        raise Http404
    return network.youth


@login_required
def consent_list(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _youth_for_user(request.user, youth_pk)
    consents = list(
        youth.sharing_consents.select_related("organisation", "recorded_by").order_by(
            "revoked_on", "organisation__name"
        )
    )
    keeper = consent_keeper(youth=youth, user=request.user)
    for consent in consents:
        # The "Revoke" button shows only for the lead, the guardian and that organisation's members.
        consent.user_may_revoke = consent.revoked_on is None and (
            keeper or consent_may_change(youth=youth, organisation=consent.organisation, user=request.user)
        )
    may_record = keeper or request.user.organisation_id is not None
    return render(
        request, "networks/consent_list.html", {"youth": youth, "consents": consents, "may_record": may_record}
    )


@login_required
def consent_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _youth_for_user(request.user, youth_pk)
    form = SharingConsentForm(
        request.POST or None, instance=SharingConsent(youth=youth), youth=youth, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            consent = sharing_consent_give(
                youth=youth,
                organisation=form.cleaned_data["organisation"],
                given_on=form.cleaned_data["given_on"],
                by=request.user,
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The consent to share with %(organisation)s was recorded.")
                % {"organisation": consent.organisation.name},
            )
            return redirect("networks:consent_list", youth_pk=youth.pk)
    return render(request, "networks/consent_form.html", {"form": form, "youth": youth})


@login_required
def consent_revoke(request: HttpRequest, consent_pk: int) -> HttpResponse:
    """GET shows what revoking means (a clear warning); POST revokes and ends the organisation's access.

    Outsiders get 404; a member who may not revoke this consent gets a clear refusal (403).
    """
    consent = get_object_or_404(
        SharingConsent.objects.active()
        .filter(youth_id__in=CareNetwork.objects.visible_to(request.user).youth_ids())
        .select_related("organisation", "youth"),
        pk=consent_pk,
    )
    youth = consent.youth
    affected = (
        Membership.objects.active()
        .filter(network__youth=youth, supporter__organisation=consent.organisation)
        .select_related("supporter")
    )
    context = {"consent": consent, "youth": youth, "affected": list(affected)}
    if not consent_may_change(youth=youth, organisation=consent.organisation, user=request.user):
        context["refusal"] = consent_refusal_message(consent.organisation)
        return render(request, "networks/consent_confirm_revoke.html", context, status=403)
    if request.method == "POST":
        try:
            ended = sharing_consent_revoke(consent=consent, by=request.user)
        except ValidationError as error:
            context["error"] = _error_text(error)
        else:
            messages.success(
                request,
                _("The consent to share with %(organisation)s was revoked; %(count)d membership(s) ended.")
                % {"organisation": consent.organisation.name, "count": len(ended)},
            )
            if CareNetwork.objects.visible_to(request.user).filter(youth=youth).exists():
                return redirect("networks:consent_list", youth_pk=youth.pk)
            messages.info(request, _("Your organisation no longer has access to this youth."))
            return redirect("dashboard")
    return render(request, "networks/consent_confirm_revoke.html", context)


@login_required
def note_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    """Add a note to the network; 'only my organisation' hides its text from the others."""
    network = get_open_network_for_user(request.user, network_pk, queryset=CareNetwork.objects.select_related("youth"))
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = form.save(commit=False)
        note.network = network
        note.author = request.user
        note.organisation_id = request.user.organisation_id
        if note.confidential and note.organisation_id is None:
            form.add_error("confidential", _("Only members of an organisation can keep a note to it."))
        else:
            note.save()
            messages.success(request, _("The note was added."))
            return redirect("networks:network_detail", network_pk=network.pk)
    return render(
        request,
        "networks/note_form.html",
        {"form": form, "network": network, "youth": network.youth},
    )


@login_required
def network_audit(request: HttpRequest, network_pk: int) -> HttpResponse:
    """The network's audit trail, for its lead only (everyone else: 404)."""
    network = get_object_or_404(
        CareNetwork.objects.visible_to(request.user).led_by(request.user).select_related("youth"), pk=network_pk
    )
    events = AuditEvent.objects.filter(
        Q(network_id=network.pk) | Q(network_id__isnull=True, youth_id=network.youth_id)
    ).order_by("-at", "-pk")
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "networks/audit_list.html",
        {"network": network, "youth": network.youth, "page_obj": page, "events": page.object_list},
    )
