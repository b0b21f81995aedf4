"""Step 4: "the lead updates everyone" — one message to every member, and the dashboard's week."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from actionplans.models import MeetingStatus
from actionplans.tests.factories import ActionFactory, MeetingFactory
from networks.models import TimelineEntry
from networks.services import network_add_member
from networks.tests.factories import SupporterFactory
from youths.tests.helpers import client_for


@pytest.fixture
def english(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_updating_the_network_mails_every_member_once_with_decisions_actions_and_next_meeting(
    network, plan, coach, client, english, django_capture_on_commit_callbacks
):
    past = timezone.now() - datetime.timedelta(days=1)
    MeetingFactory(
        network=network, starts_at=past, status=MeetingStatus.HELD, decisions="Ahmad gaat naar de zomerschool."
    )
    MeetingFactory(network=network, location="Atheneum, lokaal 12")
    ActionFactory(plan=plan, description="Inschrijven voor de zomerschool")
    network_add_member(
        network=network,
        supporter=SupporterFactory(email="", organisation=None, first_name="Oom", last_name="Amir"),
        role="family_member",
    )
    client.force_login(coach)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("actionplans:network_update_members", args=[network.pk]), {"note": "Goed bezig, allemaal!"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["jan@voogdij.example", "karim@vdab.example", "sara@atheneum.example"]
    for text in (
        "Ahmad gaat naar de zomerschool.",
        "Inschrijven voor de zomerschool",
        "Atheneum, lokaal 12",
        "Goed bezig",
    ):
        assert text in message.body
    assert "Rahimi" not in message.subject  # initials only
    assert TimelineEntry.objects.filter(network=network, kind="network", summary__icontains="updated").exists()
    follow = client.get(response.url)
    assert "Oom Amir" in follow.content.decode()  # told to pass it on another way


def test_a_get_of_the_update_page_sends_nothing(network, coach, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client_for(coach).get(reverse("actionplans:network_update_members", args=[network.pk])).status_code == 200
        )
    assert mail.outbox == []


def test_an_outsider_cannot_update_the_network(network, outsider, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(outsider).post(reverse("actionplans:network_update_members", args=[network.pk]), {})
    assert response.status_code == 404
    assert mail.outbox == []


def test_the_dashboard_shows_what_is_due_this_week_next_to_what_is_overdue(network, plan, coach, english, client):
    today = timezone.localdate()
    ActionFactory(plan=plan, description="Te laat", deadline=today - datetime.timedelta(days=2))
    ActionFactory(plan=plan, description="Deze week", deadline=today + datetime.timedelta(days=3))
    ActionFactory(plan=plan, description="Later", deadline=today + datetime.timedelta(days=20))
    network.next_contact_on = today + datetime.timedelta(days=2)
    network.save()
    client.force_login(coach)
    page = client.get(reverse("dashboard")).content.decode()
    due = page.split('data-testid="due-this-week"')[1]
    overdue = page.split('data-testid="due-this-week"')[0]
    assert "Deze week" in due and "Ahmad Rahimi" in due
    assert "Te laat" in overdue and "Te laat" not in due
    assert "Later" not in page
