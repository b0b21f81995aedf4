"""Calendar invitations for round tables (RFC 5545), built with the `icalendar` package.

One UID per meeting (Meeting.uid) for its whole life; SEQUENCE rises at every change so
calendars replace the earlier version; a cancellation is METHOD:CANCEL with STATUS:CANCELLED.
"""

import unicodedata
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from actionplans.models import MeetingStatus

BRUSSELS = ZoneInfo("Europe/Brussels")

REQUEST = "REQUEST"
CANCEL = "CANCEL"
PUBLISH = "PUBLISH"


def meeting_summary(meeting) -> str:
    # Calendars of partner organisations are not the dossier: initials only.
    return _("Round table care network %(initials)s") % {"initials": meeting.network.youth.initials}


def meeting_location(meeting) -> str:
    return meeting.location or meeting.online_link or ""


def organiser_address(meeting) -> tuple[str, str]:
    if meeting.organiser_id and meeting.organiser.email:
        return str(meeting.organiser), meeting.organiser.email
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return name or "Zorgnetwerk", address


_CONTROL = ("Cc", "Zl", "Zp")


def single_line(name: str) -> str:
    """A stored name as one line: control characters (line breaks, tabs) become spaces.

    The forms refuse such names (zorgnetwerk.forms.validate_person_name); this keeps an older row,
    or one written past the forms, from breaking a header or a calendar.
    """
    return " ".join("".join(" " if unicodedata.category(char) in _CONTROL else char for char in name).split())


def _is_address(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def _address(email: str, name: str, **params) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    # RFC 5545 parameter values hold no DQUOTE and no control characters.
    address.params["CN"] = vText(single_line(name).replace('"', "'"))
    for key, value in params.items():
        address.params[key] = vText(value)
    return address


def meeting_calendar(meeting, *, method: str, attendees: list[tuple[str, str]]) -> bytes:
    """The VCALENDAR for one meeting; `attendees` is a list of (name, e-mail)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Zorgnetwerk//Round tables//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)

    event = Event()
    event.add("uid", str(meeting.uid))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(ZoneInfo("UTC")))
    event.add("dtstart", meeting.starts_at.astimezone(BRUSSELS))
    event.add("dtend", meeting.ends_at.astimezone(BRUSSELS))
    event.add("summary", meeting_summary(meeting))
    location = meeting_location(meeting)
    if location:
        event.add("location", location)
    if meeting.online_link:
        event.add("url", meeting.online_link)
    link = settings.SITE_URL + reverse("actionplans:meeting_detail", args=[meeting.pk])
    description = meeting.agenda.strip()
    description = f"{description}\n\n{link}" if description else link
    event.add("description", description)
    cancelled = method == CANCEL or meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    name, email = organiser_address(meeting)
    event.add("organizer", _address(email, name))
    for attendee_name, attendee_email in attendees:
        if not _is_address(attendee_email):
            continue  # an address written past the forms; the mail to it fails and is logged on its own
        event.add(
            "attendee",
            _address(
                attendee_email,
                attendee_name,
                ROLE="REQ-PARTICIPANT",
                PARTSTAT="NEEDS-ACTION",
                RSVP="TRUE" if method == REQUEST else "FALSE",
            ),
        )
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
