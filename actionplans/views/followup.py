"""Pages of the follow-up (step 4): evaluations, the next contact and rotating the lead."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from actionplans import forms
from actionplans.services import followup
from actionplans.views.common import GET_POST, form_data, form_page, networks_queryset, plan_url
from networks.access import get_network_for_user
from networks.services import network_rotate_lead


@login_required
@GET_POST
def evaluation_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())

    def save(form):
        followup.evaluation_add(network=network, by=request.user, **form.cleaned_data)
        return _("The evaluation was recorded.")

    return form_page(
        request,
        form=forms.EvaluationForm(form_data(request)),
        network=network,
        title=_("New evaluation"),
        intro=_("Evaluate together from time to time where you stand."),
        on_valid=save,
        back_url=plan_url(network, "follow-up"),
    )


@login_required
@GET_POST
def follow_up_update(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())
    initial = {"next_contact_on": network.next_contact_on, "next_contact_by": network.next_contact_by_id}

    def save(form):
        followup.network_set_follow_up(network=network, by=request.user, **form.cleaned_data)
        return _("The follow-up was saved.")

    return form_page(
        request,
        form=forms.FollowUpForm(form_data(request), network=network, initial=initial),
        network=network,
        title=_("Follow-up"),
        intro=_("Agree when you contact each other again and who is responsible."),
        on_valid=save,
        back_url=plan_url(network, "follow-up"),
    )


@login_required
@GET_POST
def lead_rotate(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())

    def save(form):
        network_rotate_lead(network=network, new_lead=form.cleaned_data["new_lead"], by=request.user)
        return _("%(name)s is now the lead.") % {"name": form.cleaned_data["new_lead"].supporter.full_name}

    return form_page(
        request,
        form=forms.LeadRotateForm(form_data(request), network=network),
        network=network,
        title=_("Hand over the lead (trekker)"),
        intro=_("The lead keeps the follow-up going. The role can rotate; only the current lead hands it on."),
        on_valid=save,
        back_url=plan_url(network, "follow-up"),
    )


@login_required
@GET_POST
def network_update_members(request: HttpRequest, network_pk: int) -> HttpResponse:
    """After a round table or an evaluation: one message to every member (playbook, step 4)."""
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())
    content = followup.network_update_content(network=network)

    def save(form):
        report = followup.network_update_members(network=network, note=form.cleaned_data["note"], by=request.user)
        if report["without_email"]:
            messages.info(
                request,
                _("%(names)s has no e-mail address: tell them another way.")
                % {"names": get_text_list(report["without_email"], _("and"))},
            )
        if not report["mailed"]:
            return _("Nobody was mailed: no member has an e-mail address.")
        return _("The update was sent to %(names)s.") % {"names": get_text_list(report["mailed"], _("and"))}

    summary = _(
        "Every member with an e-mail address receives one message with the decisions of the last round table "
        "(%(meeting)s), the %(count)d open action(s), the next round table and the next contact, and a line goes "
        "in the timeline."
    ) % {
        "meeting": content["last_meeting"] or _("none yet"),
        "count": len(content["actions"]),
    }
    return form_page(
        request,
        form=forms.NetworkUpdateForm(form_data(request)),
        network=network,
        title=_("Update the network"),
        intro=summary,
        on_valid=save,
        back_url=plan_url(network, "follow-up"),
        submit_label=_("Send to every member"),
    )
