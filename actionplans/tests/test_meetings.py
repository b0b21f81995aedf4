import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from actionplans.models import MeetingStatus, PlanVersion
from actionplans.services.roundtables import (
    meeting_cancel,
    meeting_finish,
    meeting_plan,
    meeting_record_outcome,
    meeting_update,
)
from networks.models import TimelineEntry

BRUSSELS = ZoneInfo("Europe/Brussels")


def _next_tuesday_at(hour):
    day = timezone.localdate() + datetime.timedelta(days=7)
    day += datetime.timedelta(days=(1 - day.weekday()) % 7)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=BRUSSELS)


def _calendar(message) -> Calendar:
    parts = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0].get_payload(decode=True))


def _event(calendar):
    return next(iter(calendar.walk("VEVENT")))


@pytest.fixture
def planned(network, members, coach, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return meeting_plan(
            network=network,
            starts_at=_next_tuesday_at(14),
            ends_at=_next_tuesday_at(15),
            location="Atheneum Gent-Zuid, lokaal 12",
            agenda="1. Hoe gaat het op school?\n2. Stage",
            invited=[members["Sara"], members["Jan"], members["Karim"]],
            by=coach,
        )


def test_every_invited_member_with_an_email_gets_an_invitation_that_a_calendar_reads(planned):
    assert sorted(message.to[0] for message in mail.outbox) == [
        "Jan De Smet <jan@voogdij.example>",
        "Karim El Idrissi <karim@vdab.example>",
        "Sara Vermeulen <sara@atheneum.example>",
    ]
    calendar = _calendar(mail.outbox[0])
    event = _event(calendar)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == str(planned.uid)
    assert event["SEQUENCE"] == 0
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert event.decoded("DTSTART") == _next_tuesday_at(14)
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/Brussels"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert str(event["LOCATION"]) == "Atheneum Gent-Zuid, lokaal 12"
    assert str(event["ORGANIZER"]) == "mailto:sara@atheneum.example"
    attendees = sorted(str(attendee) for attendee in event["ATTENDEE"])
    assert attendees == ["mailto:jan@voogdij.example", "mailto:karim@vdab.example", "mailto:sara@atheneum.example"]
    assert "Ahmad" not in str(event["SUMMARY"])  # initials only in partner calendars


def test_no_email_is_sent_when_the_transaction_is_rolled_back(network, members, coach):
    # Without running on_commit callbacks (as after a rollback) nothing leaves the building.
    meeting_plan(
        network=network,
        starts_at=_next_tuesday_at(10),
        ends_at=_next_tuesday_at(11),
        location="CLB",
        invited=[members["Jan"]],
        by=coach,
    )
    assert mail.outbox == []


def test_a_change_keeps_the_uid_and_raises_the_sequence(planned, members, coach, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_update(
            meeting=planned,
            starts_at=_next_tuesday_at(16),
            ends_at=_next_tuesday_at(17),
            location="Online",
            online_link="https://meet.example.org/rondetafel",
            agenda=planned.agenda,
            invited=[members["Sara"], members["Jan"]],
            by=coach,
        )
    updates = [m for m in mail.outbox if str(_calendar(m)["METHOD"]) == "REQUEST"]
    cancels = [m for m in mail.outbox if str(_calendar(m)["METHOD"]) == "CANCEL"]
    assert len(updates) == 2
    assert [m.to for m in cancels] == [["Karim El Idrissi <karim@vdab.example>"]]  # no longer invited
    event = _event(_calendar(updates[0]))
    assert str(event["UID"]) == str(planned.uid)
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == _next_tuesday_at(16)


def test_a_cancel_sends_method_cancel_with_status_cancelled(planned, coach, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=planned, by=coach)
    assert len(mail.outbox) == 3
    calendar = _calendar(mail.outbox[0])
    event = _event(calendar)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == str(planned.uid)
    assert event["SEQUENCE"] == 1
    planned.refresh_from_db()
    assert planned.status == MeetingStatus.CANCELLED
    with pytest.raises(ValidationError):
        meeting_cancel(meeting=planned, by=coach)


def test_the_ics_download_is_a_calendar_with_the_same_uid(planned, coach_client):
    response = coach_client.get(reverse("actionplans:meeting_ics", args=[planned.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = _event(Calendar.from_ical(response.content))
    assert str(event["UID"]) == str(planned.uid)
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"


def test_planning_through_the_page_sends_invitations_after_commit(
    network, members, coach_client, django_capture_on_commit_callbacks
):
    day = _next_tuesday_at(9).date()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = coach_client.post(
            reverse("actionplans:meeting_create", args=[network.pk]),
            {
                "date": day.isoformat(),
                "start_time": "09:00",
                "end_time": "10:30",
                "location": "Opvang Rode Kruis",
                "agenda": "Opstart",
                "invited": [members["Jan"].pk, members["Karim"].pk],
            },
        )
    assert response.status_code == 302
    assert mail.outbox == []  # nothing is sent inside the transaction
    for callback in callbacks:
        callback()
    meeting = network.meetings.get()
    assert timezone.localtime(meeting.starts_at, BRUSSELS).hour == 9
    assert meeting.ends_at - meeting.starts_at == datetime.timedelta(minutes=90)
    assert len(mail.outbox) == 2


def test_a_meeting_without_place_or_link_is_refused_and_nothing_saved(network, coach_client):
    response = coach_client.post(
        reverse("actionplans:meeting_create", args=[network.pk]),
        {"date": _next_tuesday_at(9).date().isoformat(), "start_time": "09:00", "end_time": "10:00"},
    )
    assert response.status_code == 200
    assert not network.meetings.exists()


def test_filling_in_a_held_round_table_plans_the_next_and_finishing_it_records_the_plan_version(
    network, members, coach, django_capture_on_commit_callbacks
):
    past = timezone.now() - datetime.timedelta(days=1)
    meeting = meeting_plan(
        network=network,
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=1),
        location="School",
        invited=[members["Sara"], members["Jan"]],
        by=coach,
    )
    with django_capture_on_commit_callbacks(execute=True):
        meeting_record_outcome(
            meeting=meeting,
            attended=[members["Sara"]],
            youth_present=True,
            interpreter_present=True,
            family_online=False,
            notes="Ahmad slaapt slecht.",
            decisions="Afspraak bij MindSpring.",
            next_starts_at=_next_tuesday_at(14),
            next_ends_at=_next_tuesday_at(15),
            by=coach,
        )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert list(meeting.attended.all()) == [members["Sara"]]
    assert not PlanVersion.objects.filter(plan__network=network).exists()  # the plan is not written yet
    version = meeting_finish(meeting=meeting, by=coach)
    assert PlanVersion.objects.get(plan__network=network) == version
    assert version.meeting == meeting
    next_meeting = network.meetings.get(status=MeetingStatus.PLANNED)
    assert set(next_meeting.invited.all()) == {members["Sara"], members["Jan"]}
    assert len(mail.outbox) == 2  # invitations for the next one
    kinds = set(TimelineEntry.objects.filter(network=network).values_list("kind", flat=True))
    assert {"meeting", "plan"} <= kinds


def test_a_future_round_table_cannot_be_filled_in(planned, coach):
    with pytest.raises(ValidationError):
        meeting_record_outcome(
            meeting=planned,
            attended=[],
            youth_present=False,
            interpreter_present=False,
            family_online=False,
            notes="",
            decisions="",
            by=coach,
        )
