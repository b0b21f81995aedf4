"""A supporter's name goes into e-mail headers and calendar invitations.

The forms (and Django admin) refuse names that break a header; the invitations are sent one
recipient at a time with the name encoded, so a bad name or address already in the database
stops nobody else's invitation.
"""

import datetime
from email.utils import getaddresses
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from icalendar import Calendar

from actionplans.services.roundtables import meeting_plan
from networks.choices import MemberRole, Trust
from networks.models import Supporter
from zorgnetwerk.forms import NAME_FORBIDDEN

BRUSSELS = ZoneInfo("Europe/Brussels")
HOSTILE_NAME = 'Sara, "de" <baas>\nBcc: everyone@evil.example'


def _tomorrow_at(hour):
    return datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=1), datetime.time(hour), tzinfo=BRUSSELS
    )


def _plan(network, members, coach, capture):
    with capture(execute=True):
        return meeting_plan(
            network=network,
            starts_at=_tomorrow_at(14),
            ends_at=_tomorrow_at(15),
            location="CLB",
            invited=[members["Sara"], members["Jan"], members["Karim"]],
            by=coach,
        )


def _invalid_name_message() -> str:
    """The message as the page shows it: in the site's language, HTML-escaped."""
    with translation.override(settings.LANGUAGE_CODE):
        message = _("A name cannot contain line breaks, control characters or any of these characters: %(characters)s")
    return escape(message % {"characters": " ".join(sorted(NAME_FORBIDDEN))})


# --- sending ---------------------------------------------------------------------------------------


def test_a_name_with_a_comma_a_bracket_and_a_line_break_stops_no_invitation(
    network, members, coach, django_capture_on_commit_callbacks
):
    # Written past the forms, as an older row or a bulk import would: the first invitee.
    Supporter.objects.filter(pk=members["Sara"].supporter_id).update(first_name=HOSTILE_NAME)
    _plan(network, members, coach, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 3
    addresses = []
    for message in mail.outbox:
        headers = message.message()
        assert headers["Bcc"] is None  # the line break started no header
        [(_name, address)] = getaddresses([headers["To"]])  # the comma made no second recipient
        addresses.append(address)
    assert sorted(addresses) == ["jan@voogdij.example", "karim@vdab.example", "sara@atheneum.example"]
    sara = mail.outbox[addresses.index("sara@atheneum.example")]
    calendar = Calendar.from_ical(
        next(p for p in sara.message().walk() if p.get_content_type() == "text/calendar").get_payload(decode=True)
    )
    names = [str(attendee.params["CN"]) for attendee in next(iter(calendar.walk("VEVENT")))["ATTENDEE"]]
    assert len(names) == 3 and not any("\n" in name for name in names)


def test_an_address_the_mailer_refuses_is_logged_and_the_others_still_go_out(
    network, members, coach, django_capture_on_commit_callbacks, caplog
):
    Supporter.objects.filter(pk=members["Sara"].supporter_id).update(email="sara@atheneum.example\nBcc: x@evil.example")
    _plan(network, members, coach, django_capture_on_commit_callbacks)

    addresses = sorted(getaddresses([message.message()["To"]])[0][1] for message in mail.outbox)
    assert addresses == ["jan@voogdij.example", "karim@vdab.example"]
    assert "Could not send invitation mail 1" in caplog.text


# --- the forms refuse such names -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Jan, de Smet", "Jan <jan@evil.example>", "Jan\nBcc: x@evil.example", "Jan\u202e"])
def test_the_member_form_refuses_a_name_that_breaks_a_mail_header(network, coach_client, name):
    response = coach_client.post(
        reverse("networks:membership_create", args=[network.pk]),
        {
            "new_first_name": name,
            "new_last_name": "Rahimi",
            "role": MemberRole.FAMILY_MEMBER,
            "youth_trust": Trust.SOME,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("new_first_name", "invalid_name")
    assert _invalid_name_message() in response.content.decode()
    assert not Supporter.objects.filter(last_name="Rahimi").exists()


def test_the_member_form_keeps_accepting_apostrophes_hyphens_and_joiners(network, coach_client):
    response = coach_client.post(
        reverse("networks:membership_create", args=[network.pk]),
        {
            "new_first_name": "Zahra\u200cgol",
            "new_last_name": "D'Hondt-El Idrissi",
            "role": MemberRole.FAMILY_MEMBER,
            "youth_trust": Trust.SOME,
        },
    )
    assert response.status_code == 302
    assert Supporter.objects.filter(last_name="D'Hondt-El Idrissi").exists()


def test_the_handover_form_refuses_a_name_that_breaks_a_mail_header(network, coach):
    from handovers.forms import HandoverStartForm

    form = HandoverStartForm(
        {"successor_kind": HandoverStartForm.NEW, "new_first_name": "Ilse", "new_last_name": "Peeters <x@y>"},
        network=network,
        user=coach,
    )
    assert not form.is_valid()
    assert form.has_error("new_last_name", "invalid_name")


def test_django_admin_refuses_a_supporter_name_that_breaks_a_mail_header(admin_client, network, members):
    supporter = members["Jan"].supporter
    url = reverse("admin:networks_supporter_change", args=[supporter.pk])
    page = admin_client.get(url)
    data = {**page.context["adminform"].form.initial, "last_name": "De Smet, <x@evil.example>"}
    data = {key: ("" if value is None else getattr(value, "pk", value)) for key, value in data.items()}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("last_name", "invalid_name")
    supporter.refresh_from_db()
    assert supporter.last_name == "De Smet"
