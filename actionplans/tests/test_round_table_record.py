"""Round table and plan as one record; meeting edits say exactly whom they mailed."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from actionplans.models import PlanVersion
from actionplans.services.roundtables import meeting_finish, meeting_plan, meeting_record_outcome
from actionplans.tests.factories import ActionFactory
from networks.tests.factories import SupporterFactory


@pytest.fixture(autouse=True)
def _english_pages(client):
    """The pages answer in English too (language cookie), so the assertions read the source strings."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def held(network, members, coach):
    past = timezone.now() - datetime.timedelta(days=1)
    meeting = meeting_plan(
        network=network,
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=1),
        location="School",
        invited=list(members.values()),
        by=coach,
    )
    return meeting_record_outcome(
        meeting=meeting,
        attended=list(members.values()),
        youth_present=True,
        interpreter_present=False,
        family_online=False,
        notes="",
        decisions="Ahmad gaat naar de zomerschool.",
        by=coach,
    )


def test_filling_in_the_record_takes_no_plan_version_before_the_plan_is_written(held, network):
    assert not PlanVersion.objects.filter(plan__network=network).exists()


def test_the_round_table_page_asks_to_write_the_plan_and_finish(held, coach_client):
    page = coach_client.get(reverse("actionplans:meeting_detail", args=[held.pk])).content.decode()
    assert 'data-testid="meeting-finish"' in page
    assert reverse("actionplans:meeting_finish", args=[held.pk]) in page
    assert "the plan has no action yet" in page


def test_finishing_takes_the_version_with_the_actions_written_after_the_round_table(held, network, plan, coach_client):
    ActionFactory(plan=plan, description="Inschrijven voor de zomerschool")
    response = coach_client.post(reverse("actionplans:meeting_finish", args=[held.pk]))
    assert response.status_code == 302
    assert response.url == reverse("actionplans:network_update_members", args=[network.pk])
    version = PlanVersion.objects.get(meeting=held)
    assert version.snapshot["actions"][0]["description"] == "Inschrijven voor de zomerschool"
    page = coach_client.get(reverse("actionplans:meeting_detail", args=[held.pk])).content.decode()
    assert 'data-testid="meeting-finish"' not in page


def test_finishing_without_an_action_warns(held, coach_client):
    form = coach_client.get(reverse("actionplans:meeting_finish", args=[held.pk])).content.decode()
    assert "the plan has no open action" in form
    response = coach_client.post(reverse("actionplans:meeting_finish", args=[held.pk]))
    assert "The plan agreed at this round table has no open action." in _messages(response)


def test_a_get_of_the_finish_page_changes_nothing(held, coach_client):
    assert coach_client.get(reverse("actionplans:meeting_finish", args=[held.pk])).status_code == 200
    assert not PlanVersion.objects.filter(meeting=held).exists()


def test_a_round_table_is_finished_once(held, coach):
    meeting_finish(meeting=held, by=coach)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        meeting_finish(meeting=held, by=coach)


def test_an_outsider_gets_404_for_the_finish_page(held, outsider):
    from youths.tests.helpers import client_for

    client = client_for(outsider)
    assert client.get(reverse("actionplans:meeting_finish", args=[held.pk])).status_code == 404
    assert client.post(reverse("actionplans:meeting_finish", args=[held.pk])).status_code == 404
    assert not PlanVersion.objects.filter(meeting=held).exists()


def _form(starts, invited):
    return {
        "date": timezone.localtime(starts).date().isoformat(),
        "start_time": timezone.localtime(starts).strftime("%H:%M"),
        "end_time": (timezone.localtime(starts) + datetime.timedelta(hours=1)).strftime("%H:%M"),
        "location": "School",
        "invited": [member.pk for member in invited],
    }


@pytest.fixture
def planned(network, members, coach):
    starts = timezone.now() + datetime.timedelta(days=7)
    return meeting_plan(
        network=network,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        location="School",
        invited=list(members.values()),
        by=coach,
    )


def test_changing_a_meeting_names_whom_it_mailed_and_who_was_uninvited(
    planned, members, coach_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(
            reverse("actionplans:meeting_update", args=[planned.pk]),
            _form(planned.starts_at, [members["Sara"], members["Jan"]]),
        )
    text = " ".join(_messages(response))
    assert "An updated invitation was sent to Sara Vermeulen and Jan De Smet." in text
    assert "Karim El Idrissi, no longer invited, received a cancellation." in text


def test_moving_a_meeting_into_the_past_says_nobody_was_mailed(
    planned, members, coach_client, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    past = timezone.now() - datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(
            reverse("actionplans:meeting_update", args=[planned.pk]), _form(past, list(members.values()))
        )
    assert "Nobody was mailed: the round table is in the past." in " ".join(_messages(response))
    assert mail.outbox == []


def test_planning_names_a_member_without_email(network, members, coach, coach_client):
    from networks.services import network_add_member

    family = network_add_member(
        network=network,
        supporter=SupporterFactory(email="", organisation=None, first_name="Oom", last_name="Amir"),
        role="family_member",
    )
    starts = timezone.now() + datetime.timedelta(days=5)
    response = coach_client.post(
        reverse("actionplans:meeting_create", args=[network.pk]), _form(starts, [members["Sara"], family])
    )
    text = " ".join(_messages(response))
    assert "A calendar invitation was sent to Sara Vermeulen." in text
    assert "Oom Amir has no e-mail address" in text


def test_a_youth_who_needs_an_interpreter_gets_the_prompt_and_the_meeting_says_needed_or_booked(
    network, members, coach_client
):
    network.youth.interpreter_language = "Dari"
    network.youth.save()
    form = coach_client.get(reverse("actionplans:meeting_create", args=[network.pk])).content.decode()
    assert "needs an interpreter for Dari" in form
    starts = timezone.now() + datetime.timedelta(days=5)
    coach_client.post(
        reverse("actionplans:meeting_create", args=[network.pk]),
        _form(starts, [members["Sara"]]) | {"interpreter": "booked"},
    )
    meeting = network.meetings.get()
    assert meeting.interpreter == "booked"
    page = coach_client.get(reverse("actionplans:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Interpreter booked" in page


def test_invitees_without_email_get_a_text_to_pass_on(network, members, coach):
    from networks.services import network_add_member

    family = network_add_member(
        network=network,
        supporter=SupporterFactory(email="", organisation=None, first_name="Oom", last_name="Amir"),
        role="family_member",
    )
    starts = timezone.now() + datetime.timedelta(days=5)
    meeting = meeting_plan(
        network=network,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        location="Atheneum Gent-Zuid",
        online_link="https://meet.example.org/x",
        invited=[members["Sara"], family],
        by=coach,
    )
    from youths.tests.helpers import client_for

    client = client_for(coach)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("actionplans:meeting_detail", args=[meeting.pk])).content.decode()
    assert 'data-testid="invitation-text"' in page
    assert "Oom Amir" in page
    assert "https://meet.example.org/x" in page
    assert "Ahmad" not in page.split('id="invitation-text"')[1].split("</textarea>")[0]  # initials only


def test_the_invitation_to_pass_on_is_also_in_the_youths_language_where_we_have_it(network, members, coach):
    from actionplans.views.roundtables import invitation_text
    from networks.services import network_add_member

    network.youth.languages = "Tigrinya, een beetje Frans"
    network.youth.save()
    family = network_add_member(
        network=network,
        supporter=SupporterFactory(email="", organisation=None, first_name="Oom", last_name="Amir"),
        role="family_member",
    )
    starts = timezone.now() + datetime.timedelta(days=5)
    meeting = meeting_plan(
        network=network,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        location="Atheneum Gent-Zuid",
        invited=[family],
        by=coach,
    )
    text = invitation_text(meeting)
    assert "Uitnodiging: rondetafel" in text and "Invitation : table ronde" in text
