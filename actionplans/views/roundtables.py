"""Pages of the round table (step 3): plan it, change or cancel it, fill in its record, its .ics."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from actionplans import forms, ics, selectors
from actionplans.models import Meeting, MeetingStatus
from actionplans.services import roundtables
from actionplans.views.common import GET_POST, form_data, form_page, networks_queryset, plan_url
from networks.access import get_network_for_user


def _meeting(request, pk):
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("network__youth", "organiser"), pk=pk
    )


@login_required
@GET_POST
def meeting_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk, queryset=networks_queryset())
    created = {}

    def save(form):
        created["meeting"] = roundtables.meeting_plan(network=network, by=request.user, **form.service_kwargs())
        return _("The round table was planned; the invited members receive a calendar invitation.")

    response = form_page(
        request,
        form=forms.MeetingForm(
            form_data(request), network=network, initial={"invited": list(selectors.active_members(network))}
        ),
        network=network,
        title=_("Plan a round table"),
        intro=_("Start early: finding a moment that suits everyone can be a challenge."),
        on_valid=save,
        back_url=plan_url(network, "meetings"),
    )
    if "meeting" in created:
        return redirect("actionplans:meeting_detail", meeting_pk=created["meeting"].pk)
    return response


@login_required
@require_GET
def meeting_detail(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(request, meeting_pk)
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
def meeting_update(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(request, meeting_pk)

    def save(form):
        roundtables.meeting_update(meeting=meeting, by=request.user, **form.service_kwargs())
        return _("The round table was changed; the invited members receive an updated invitation.")

    return form_page(
        request,
        form=forms.MeetingForm(
            form_data(request), network=meeting.network, initial=forms.MeetingForm.initial_from(meeting)
        ),
        network=meeting.network,
        title=_("Change the round table"),
        on_valid=save,
        back_url=reverse("actionplans:meeting_detail", args=[meeting.pk]),
    )


@login_required
@GET_POST
def meeting_cancel(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(request, meeting_pk)

    def save(form):
        roundtables.meeting_cancel(meeting=meeting, by=request.user)
        return _("The round table was cancelled; the invited members receive a cancellation.")

    return form_page(
        request,
        form=forms.forms.Form(form_data(request)),
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
def meeting_record(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(request, meeting_pk)
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

    return form_page(
        request,
        form=forms.MeetingRecordForm(form_data(request), network=meeting.network, initial=initial),
        network=meeting.network,
        title=_("Fill in the round table"),
        intro=_("Who was there, what was decided, and when you meet again."),
        on_valid=save,
        back_url=reverse("actionplans:meeting_detail", args=[meeting.pk]),
    )


@login_required
@require_GET
def meeting_ics(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(request, meeting_pk)
    attendees = [
        (m.supporter.full_name, m.supporter.email)
        for m in meeting.invited.select_related("supporter")
        if m.supporter.email
    ]
    content = ics.meeting_calendar(meeting, method=ics.PUBLISH, attendees=attendees)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rondetafel-{meeting.pk}.ics"'
    return response
