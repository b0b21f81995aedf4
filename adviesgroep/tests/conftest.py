"""Fixtures of the advisory group's tests: a second network the personas are not in, signals."""

import pytest

from adviesgroep.tests.factories import BarrierCategoryFactory, SignalFactory
from networks.choices import MemberRole, NetworkStatus
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory
from youths.tests.factories import YouthFactory


@pytest.fixture
def category(db):
    return BarrierCategoryFactory(name="Testcategorie studiekeuze", slug="test-studiekeuze")


@pytest.fixture
def other_category(db):
    return BarrierCategoryFactory(name="Testcategorie wonen", slug="test-wonen")


@pytest.fixture
def other_network(outsider):
    """Another youth's network in which only Lotte (the outsider of Ahmad's network) is a member."""
    network = CareNetworkFactory(
        youth=YouthFactory(first_name="Samira", last_name="Haidari"), status=NetworkStatus.ACTIVE
    )
    lead = network_add_member(network=network, supporter=outsider.supporter, role=MemberRole.SCHOOL_COACH)
    network.lead = lead
    network.save(update_fields=["lead"])
    return network


@pytest.fixture
def signal(network, coach, category):
    return SignalFactory(network=network, sent_by=coach, categories=[category])


@pytest.fixture
def other_signal(other_network, outsider, category):
    return SignalFactory(network=other_network, sent_by=outsider, categories=[category])


@pytest.fixture
def advisor_client(client, advisor):
    client.force_login(advisor)
    return client
