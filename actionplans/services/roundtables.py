"""The round table (step 3): planning it, inviting the network (.ics by e-mail), filling in its record.

The round table's outcome is the plan: filling in the record (who came, what was decided) leaves
the round table open for the plan to be written in the same flow (actions, barriers, referrals,
"with which question to whom"); finishing it (`meeting_finish`) takes the version of the plan
"agreed at this round table".

Every change that mails says whom: the services set `meeting.mail_report` (names mailed, names
without an e-mail address, and whether the meeting lies in the past so nobody was mailed).
"""

import datetime
import logging
from email.utils import formataddr
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans import ics
from actionplans.models import Action, ActionStatus, Meeting, MeetingStatus, PlanVersion
from actionplans.services.common import acting_user, check_member
from actionplans.services.plans import plan_get_or_create, plan_record_version
from networks.choices import TimelineKind
from networks.models import CareNetwork
from networks.services import timeline_record
from zorgnetwerk.mail import mail_after_commit

logger = logging.getLogger(__name__)


def _local(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _invitees(meeting: Meeting) -> list[tuple[str, str]]:
    """(name, e-mail) of every invited member who has an e-mail address."""
    members = meeting.invited.select_related("supporter").order_by("pk")
    return [(m.supporter.full_name, m.supporter.email) for m in members if m.supporter.email]


def _without_email(meeting: Meeting) -> list[str]:
    members = meeting.invited.select_related("supporter").order_by("pk")
    return [m.supporter.full_name for m in members if not m.supporter.email]


def _report(meeting: Meeting, *, mailed=(), uninvited=(), in_past: bool = False) -> dict:
    """What the page tells the user: exactly whom this change mailed."""
    return {
        "mailed": [name for name, _email in mailed] if not in_past else [],
        "uninvited": [name for name, _email in uninvited] if not in_past else [],
        "without_email": _without_email(meeting),
        "in_past": in_past,
    }


def _send_meeting_mail(meeting_id: int, method: str, recipients: list[tuple[str, str]], kind: str) -> None:
    """Runs after commit: one message per recipient, each with the .ics attached.

    Each recipient is built and sent on its own: one address the mail server or the header
    encoder refuses (a name written with a comma, a '<' or a line break) is logged and the others
    still get their invitation.
    """
    if not recipients:
        return
    meeting = Meeting.objects.select_related("network__youth", "organiser").get(pk=meeting_id)
    attendees = _invitees(meeting) if method == ics.REQUEST else recipients
    calendar = ics.meeting_calendar(meeting, method=method, attendees=attendees)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "meeting": meeting,
            "kind": kind,
            "summary": ics.meeting_summary(meeting),
            "location": ics.meeting_location(meeting),
            "starts_at": timezone.localtime(meeting.starts_at, ics.BRUSSELS),
            "ends_at": timezone.localtime(meeting.ends_at, ics.BRUSSELS),
            "link": settings.SITE_URL + meeting_url(meeting),
        }
        subject = render_to_string("actionplans/email_meeting_subject.txt", context).strip()
        connection = get_connection()
        for position, (name, email) in enumerate(recipients):
            try:
                body = render_to_string("actionplans/email_meeting.txt", {**context, "name": name})
                message = EmailMultiAlternatives(
                    subject=subject, body=body, to=[mail_address(name, email)], connection=connection
                )
                message.attach(_calendar_part(calendar, method))
                message.send()
            except Exception:  # the meeting is saved; one bad address must not stop the others
                logger.exception("Could not send %s mail %d for meeting %s", kind, position + 1, meeting_id)


def mail_address(name: str, email: str) -> str:
    """'Name <address>' with the name quoted or encoded as a header needs it (email.utils.formataddr);
    line breaks and other control characters in a stored name become spaces."""
    return formataddr((ics.single_line(name), email))


def _calendar_part(calendar: bytes, method: str):
    from email.mime.text import MIMEText

    part = MIMEText(calendar.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="rondetafel.ics")
    return part


def meeting_url(meeting: Meeting) -> str:
    from django.urls import reverse

    return reverse("actionplans:meeting_detail", args=[meeting.pk])


def _check_invited(*, network: CareNetwork, members) -> None:
    for member in members:
        check_member(network=network, membership=member, field="invited")


@transaction.atomic
def meeting_plan(
    *,
    network: CareNetwork,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    location: str = "",
    online_link: str = "",
    agenda: str = "",
    invited=(),
    interpreter: str = "",
    by,
) -> Meeting:
    """Plan a round table early ("finding a joint moment can be a challenge") and invite the network."""
    _check_invited(network=network, members=invited)
    meeting = Meeting(
        network=network,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        online_link=online_link,
        agenda=agenda,
        interpreter=interpreter,
        organiser=acting_user(by),
    )
    meeting.full_clean()
    meeting.save()
    meeting.invited.set(invited)
    timeline_record(
        network=network,
        kind=TimelineKind.MEETING,
        summary=_("Round table planned on %(when)s") % {"when": _local(starts_at)},
        actor=by,
    )
    in_past = starts_at <= timezone.now()
    invitees = _invitees(meeting)
    if not in_past:
        mail_after_commit(
            partial(_send_meeting_mail, meeting.pk, ics.REQUEST, invitees, "invitation"),
            about="a round table",
        )
    meeting.mail_report = _report(meeting, mailed=invitees, in_past=in_past)
    return meeting


def _require_planned(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned round table can be changed or cancelled."))


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    location: str,
    online_link: str,
    agenda: str,
    invited,
    interpreter: str = "",
    by,
) -> Meeting:
    """Change a planned round table: invitees get an update (same UID, higher SEQUENCE); removed ones a cancel."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("network").get(pk=meeting.pk)
    _require_planned(meeting)
    _check_invited(network=meeting.network, members=invited)
    before = set(_invitees(meeting))
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.location, meeting.online_link, meeting.agenda = location, online_link, agenda
    meeting.interpreter = interpreter
    meeting.sequence += 1
    meeting.full_clean()
    meeting.save()
    meeting.invited.set(invited)
    after = _invitees(meeting)
    removed = sorted(before - set(after))
    timeline_record(
        network=meeting.network,
        kind=TimelineKind.MEETING,
        summary=_("Round table of %(when)s changed") % {"when": _local(starts_at)},
        actor=by,
    )
    in_past = starts_at <= timezone.now()
    if not in_past:
        mail_after_commit(partial(_send_meeting_mail, meeting.pk, ics.REQUEST, after, "update"), about="a round table")
        mail_after_commit(
            partial(_send_meeting_mail, meeting.pk, ics.CANCEL, removed, "uninvited"), about="a round table"
        )
    meeting.mail_report = _report(meeting, mailed=after, uninvited=removed, in_past=in_past)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by) -> Meeting:
    """Cancel a planned round table; every invitee's calendar removes it (METHOD:CANCEL)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("network").get(pk=meeting.pk)
    _require_planned(meeting)
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence", "updated_at"])
    timeline_record(
        network=meeting.network,
        kind=TimelineKind.MEETING,
        summary=_("Round table of %(when)s cancelled") % {"when": _local(meeting.starts_at)},
        actor=by,
    )
    in_past = meeting.starts_at <= timezone.now()
    invitees = _invitees(meeting)
    if not in_past:
        mail_after_commit(
            partial(_send_meeting_mail, meeting.pk, ics.CANCEL, invitees, "cancel"), about="a round table"
        )
    meeting.mail_report = _report(meeting, mailed=invitees, in_past=in_past)
    return meeting


@transaction.atomic
def meeting_record_outcome(
    *,
    meeting: Meeting,
    attended,
    youth_present: bool,
    interpreter_present: bool,
    family_online: bool,
    notes: str,
    decisions: str,
    next_starts_at: datetime.datetime | None = None,
    next_ends_at: datetime.datetime | None = None,
    by,
) -> Meeting:
    """Fill in the round table afterwards: who came, what was decided.

    Its outcome is the plan, written next in the same flow; the plan's version is taken when the
    record is finished (`meeting_finish`), not here, so it never freezes a plan not yet written.
    "It must not stay at one meeting": the next round table can be planned right here.
    """
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("network__youth").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled round table cannot be filled in."))
    if timezone.localtime(meeting.starts_at).date() > timezone.localdate():
        raise ValidationError(_("A round table can only be filled in once it has taken place."))
    _check_invited(network=meeting.network, members=attended)
    first_time = meeting.status == MeetingStatus.PLANNED
    meeting.status = MeetingStatus.HELD
    meeting.youth_present, meeting.interpreter_present = youth_present, interpreter_present
    meeting.family_online, meeting.notes, meeting.decisions = family_online, notes, decisions
    meeting.save()
    meeting.attended.set(attended)
    if first_time:
        timeline_record(
            network=meeting.network,
            kind=TimelineKind.MEETING,
            summary=_("Round table held on %(when)s") % {"when": _local(meeting.starts_at)},
            actor=by,
        )
    if next_starts_at and next_ends_at:
        invited = list(meeting.invited.all()) or list(attended)
        meeting_plan(
            network=meeting.network,
            starts_at=next_starts_at,
            ends_at=next_ends_at,
            location=meeting.location,
            online_link=meeting.online_link,
            invited=invited,
            by=by,
        )
    return meeting


def meeting_is_finished(meeting: Meeting) -> bool:
    return PlanVersion.objects.filter(meeting=meeting).exists()


def meeting_open_actions(meeting: Meeting) -> int:
    return Action.objects.filter(plan__network_id=meeting.network_id, status=ActionStatus.OPEN).count()


@transaction.atomic
def meeting_finish(*, meeting: Meeting, by) -> PlanVersion:
    """Finish the round table's record: the plan as it stands is "the plan agreed at this round table".

    Once per round table; the caller warns when the plan has no open action.
    """
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("network").get(pk=meeting.pk)
    meeting.network.require_open()
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Fill in the round table before you finish it."))
    if meeting_is_finished(meeting):
        raise ValidationError(_("This round table is already finished."))
    plan = plan_get_or_create(network=meeting.network)
    return plan_record_version(plan=plan, meeting=meeting, by=by)
