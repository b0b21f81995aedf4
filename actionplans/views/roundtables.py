"""Pages of the round table (step 3): plan it, change or cancel it, fill in its record, its .ics."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from actionplans import forms, ics, selectors
from actionplans.models import MAX_OPEN_ACTIONS, Meeting, MeetingStatus
from actionplans.services import roundtables
from actionplans.views.common import GET_POST, form_data, form_page, networks_queryset, plan_url
from networks.access import get_network_for_user


def _names(names) -> str:
    return str(get_text_list(list(names), _("and")))


def mail_report_message(report: dict, kind: str) -> str:
    """Exactly whom a change to a round table mailed, and who has to be told another way."""
    if report["in_past"]:
        return _("Nobody was mailed: the round table is in the past.")
    parts = []
    if report["mailed"]:
        names = _names(report["mailed"])
        parts.append(
            {
                "invitation": _("A calendar invitation was sent to %(names)s."),
                "update": _("An updated invitation was sent to %(names)s."),
                "cancel": _("A cancellation was sent to %(names)s."),
            }[kind]
            % {"names": names}
        )
    else:
        parts.append(_("Nobody was mailed: no invited member has an e-mail address."))
    if report["uninvited"]:
        parts.append(
            _("%(names)s, no longer invited, received a cancellation.") % {"names": _names(report["uninvited"])}
        )
    if report["without_email"]:
        parts.append(
            _("%(names)s has no e-mail address: tell them another way.") % {"names": _names(report["without_email"])}
        )
    return " ".join(parts)


# Words in the youth's "languages spoken" that name a language the app has a catalogue for.
LANGUAGE_WORDS = {"fr": ("frans", "french", "français", "francais"), "en": ("engels", "english", "anglais")}


def youth_catalogue_languages(youth) -> list[str]:
    """The languages besides Dutch that the youth speaks and that we have the invitation in."""
    spoken = (youth.languages or "").lower()
    return [code for code, words in LANGUAGE_WORDS.items() if any(word in spoken for word in words)]


def invitation_text(meeting: Meeting) -> str:
    """A plain text to pass on to invitees without e-mail (family abroad, a buddy): by phone or chat.

    In Dutch, and also in the youth's language where we have it (French, English)."""
    youth = meeting.network.youth
    context = {
        "meeting": meeting,
        "youth": youth,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
    }
    texts = []
    for language in [settings.LANGUAGE_CODE, *youth_catalogue_languages(youth)]:
        with translation.override(language):
            texts.append(render_to_string("actionplans/invitation_text.txt", context).strip())
    return "\n\n---\n\n".join(dict.fromkeys(texts))


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
        return (
            _("The round table was planned.") + " " + mail_report_message(created["meeting"].mail_report, "invitation")
        )

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
    versions = list(meeting.plan_versions.all())
    invited = list(meeting.invited.select_related("supporter__organisation"))
    without_email = [member for member in invited if not member.supporter.email]
    return render(
        request,
        "actionplans/meeting_detail.html",
        {
            "meeting": meeting,
            "network": network,
            "youth": network.youth,
            "invited": invited,
            "without_email": without_email,
            "without_email_names": _names(member.supporter.full_name for member in without_email),
            "invitation_text": invitation_text(meeting) if without_email and meeting.is_planned else "",
            "attended": meeting.attended.select_related("supporter__organisation"),
            "versions": versions,
            "needs_finish": meeting.is_held and not versions and not network.is_closed,
            "open_actions": roundtables.meeting_open_actions(meeting) if meeting.is_held and not versions else None,
            "max_open_actions": MAX_OPEN_ACTIONS,
            "can_record": meeting.status != MeetingStatus.CANCELLED
            and timezone.localtime(meeting.starts_at).date() <= timezone.localdate(),
        },
    )


@login_required
@GET_POST
def meeting_update(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = _meeting(request, meeting_pk)

    def save(form):
        changed = roundtables.meeting_update(meeting=meeting, by=request.user, **form.service_kwargs())
        return _("The round table was changed.") + " " + mail_report_message(changed.mail_report, "update")

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
        cancelled = roundtables.meeting_cancel(meeting=meeting, by=request.user)
        return _("The round table was cancelled.") + " " + mail_report_message(cancelled.mail_report, "cancel")

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
        if roundtables.meeting_is_finished(meeting):
            return _("The round table's record was saved.")
        return _(
            "The round table was filled in. Now write the plan agreed at this round table, then finish the record."
        )

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
@GET_POST
def meeting_finish(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    """Finish the round table's record: the plan as it stands becomes the plan agreed at this round table."""
    meeting = _meeting(request, meeting_pk)
    open_actions = roundtables.meeting_open_actions(meeting)
    finished = {}

    def save(form):
        finished["version"] = roundtables.meeting_finish(meeting=meeting, by=request.user)
        return _("The round table is finished: version %(number)d of the action plan is the plan agreed at it.") % {
            "number": finished["version"].number
        }

    intro = _("The plan as it stands now is recorded as the plan agreed at this round table.")
    if not open_actions:
        intro += " " + _("Warning: the plan has no open action. A round table should end with at least one action.")
    response = form_page(
        request,
        form=forms.forms.Form(form_data(request)),
        network=meeting.network,
        title=_("Finish the round table of %(when)s")
        % {"when": date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")},
        intro=intro,
        on_valid=save,
        back_url=reverse("actionplans:meeting_detail", args=[meeting.pk]),
        submit_label=_("Finish"),
    )
    if "version" in finished:
        if not open_actions:
            messages.warning(request, _("The plan agreed at this round table has no open action."))
        # The playbook's next move after a round table: the lead updates everyone.
        return redirect("actionplans:network_update_members", network_pk=meeting.network_id)
    return response


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
