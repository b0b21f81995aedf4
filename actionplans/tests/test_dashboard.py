import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplans import selectors
from actionplans.models import MeetingStatus
from actionplans.services.plans import plan_get_or_create, plan_update
from actionplans.tests.factories import ActionFactory, MeetingFactory
from networks.choices import Intensity, MemberRole, NetworkStatus
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory

TODAY = timezone.localdate()


def _network(coach, guardian, *, intensity=Intensity.LIGHT, weeks_old=30, **fields):
    network = CareNetworkFactory(
        status=NetworkStatus.ACTIVE,
        intensity=intensity,
        started_on=TODAY - datetime.timedelta(weeks=weeks_old),
        **fields,
    )
    lead = network_add_member(network=network, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    network_add_member(network=network, supporter=guardian.supporter, role=MemberRole.GUARDIAN)
    network.lead = lead
    network.save(update_fields=["lead"])
    return network


@pytest.fixture
def fifty_networks(coach, guardian):
    networks = []
    for n in range(50):
        network = _network(
            coach,
            guardian,
            intensity=Intensity.INTENSIVE if n % 2 else Intensity.LIGHT,
            next_contact_on=TODAY - datetime.timedelta(days=n + 1),
        )
        plan = plan_get_or_create(network=network)
        ActionFactory(plan=plan, deadline=TODAY - datetime.timedelta(days=3))
        MeetingFactory(network=network, starts_at=timezone.now() + datetime.timedelta(hours=1))
        plan_update(network=network, revision=plan.revision, by=guardian, situation_school=f"Update {n}")
        networks.append(network)
    return networks


def test_the_dashboard_with_fifty_networks_stays_within_a_query_ceiling(
    fifty_networks, coach, django_assert_max_num_queries
):
    client = Client()
    client.force_login(coach)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    panels = {panel.template: panel.context for panel in response.context["panels"]}
    follow_up = panels["actionplans/_dashboard_follow_up.html"]
    assert len(follow_up["follow_ups"]["rows"]) == 15 and follow_up["follow_ups"]["more"]
    assert len(follow_up["actions"]["rows"]) == 15
    assert panels["actionplans/_dashboard_plan_changes.html"]["plans"]["more"]
    assert "Plannen gewijzigd door anderen" in response.content.decode()


def test_the_dashboard_shows_only_what_the_user_may_see(fifty_networks, outsider):
    today = timezone.localdate()
    assert not selectors.overdue_follow_ups(outsider, today).exists()
    assert not selectors.overdue_actions(outsider, today).exists()
    assert not selectors.meetings_this_week(outsider, today).exists()


def test_networks_without_a_round_table_for_too_long(coach, guardian):
    intensive_quiet = _network(coach, guardian, intensity=Intensity.INTENSIVE, weeks_old=20)
    MeetingFactory(
        network=intensive_quiet,
        status=MeetingStatus.HELD,
        starts_at=timezone.now() - datetime.timedelta(weeks=9),
    )
    intensive_recent = _network(coach, guardian, intensity=Intensity.INTENSIVE, weeks_old=20)
    MeetingFactory(
        network=intensive_recent, status=MeetingStatus.HELD, starts_at=timezone.now() - datetime.timedelta(weeks=7)
    )
    light_ten_weeks = _network(coach, guardian, intensity=Intensity.LIGHT, weeks_old=20)
    MeetingFactory(
        network=light_ten_weeks, status=MeetingStatus.HELD, starts_at=timezone.now() - datetime.timedelta(weeks=10)
    )
    light_never = _network(coach, guardian, intensity=Intensity.LIGHT, weeks_old=17)
    young = _network(coach, guardian, intensity=Intensity.INTENSIVE, weeks_old=2)
    quiet = set(selectors.quiet_networks(coach, TODAY))
    assert intensive_quiet in quiet
    assert light_never in quiet
    assert intensive_recent not in quiet
    assert light_ten_weeks not in quiet
    assert young not in quiet


def test_a_cancelled_meeting_does_not_count_as_this_week(coach, guardian):
    network = _network(coach, guardian)
    MeetingFactory(
        network=network, status=MeetingStatus.CANCELLED, starts_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert not selectors.meetings_this_week(coach, TODAY).exists()
