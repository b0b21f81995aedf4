"""Shared test personas and the network they meet in.

The personas (DESIGN.md, STYLE.md habit 8):
- coach: Sara, OKAN coach at school A (Atheneum Gent-Zuid), member of the network;
- guardian: Jan, guardian at the guardianship service, member of the network;
- vdab: Karim, job coach at VDAB, member of the network;
- outsider: Lotte, coach at another school, in no network of this youth;
- advisor: Marie, member of the advisory group;
- admin: a superuser who works in Django admin.
"""

import pytest

from networks.choices import MemberRole, NetworkStatus, Sector
from networks.services import network_add_member
from networks.tests.factories import (
    CareNetworkFactory,
    OrganisationFactory,
    SupporterFactory,
    UserFactory,
)
from youths.tests.factories import IntakeFactory, YouthFactory

PASSWORD = "correct horse battery staple"


def _person(email, organisation, first_name, last_name, function, **user_fields):
    user = UserFactory(
        email=email, organisation=organisation, first_name=first_name, last_name=last_name, **user_fields
    )
    supporter = None
    if organisation is not None:
        supporter = SupporterFactory(
            first_name=first_name,
            last_name=last_name,
            organisation=organisation,
            function=function,
            email=email,
            user=user,
        )
    return user, supporter


@pytest.fixture
def school_a(db):
    return OrganisationFactory(name="Atheneum Gent-Zuid (OKAN)", sector=Sector.EDUCATION)


@pytest.fixture
def school_b(db):
    return OrganisationFactory(name="Sint-Lievenscollege", sector=Sector.EDUCATION)


@pytest.fixture
def guardianship(db):
    return OrganisationFactory(name="Dienst Voogdij", sector=Sector.GUARDIANSHIP)


@pytest.fixture
def vdab_org(db):
    return OrganisationFactory(name="VDAB Gent", sector=Sector.WORK)


@pytest.fixture
def coach(school_a):
    return _person("sara@atheneum.example", school_a, "Sara", "Vermeulen", "OKAN-coach")[0]


@pytest.fixture
def guardian(guardianship):
    return _person("jan@voogdij.example", guardianship, "Jan", "De Smet", "Voogd")[0]


@pytest.fixture
def vdab(vdab_org):
    return _person("karim@vdab.example", vdab_org, "Karim", "El Idrissi", "VDAB-bemiddelaar")[0]


@pytest.fixture
def outsider(school_b):
    return _person("lotte@sintlieven.example", school_b, "Lotte", "Claes", "Leerlingenbegeleider")[0]


@pytest.fixture
def advisor(db):
    return _person("marie@adviesgroep.example", None, "Marie", "Peeters", "", is_advisory=True)[0]


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@zorgnetwerk.example", is_staff=True, is_superuser=True)


@pytest.fixture
def youth(db):
    return YouthFactory(first_name="Ahmad", last_name="Rahimi", country_of_origin="Afghanistan")


@pytest.fixture
def network(youth, coach, guardian, vdab):
    """Ahmad's active network: Sara (lead), Jan (guardian, continuity figure) and Karim (VDAB)."""
    IntakeFactory(youth=youth)
    network = CareNetworkFactory(youth=youth, status=NetworkStatus.ACTIVE)
    lead = network_add_member(network=network, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    voogd = network_add_member(network=network, supporter=guardian.supporter, role=MemberRole.GUARDIAN)
    network_add_member(network=network, supporter=vdab.supporter, role=MemberRole.JOB_COACH)
    network.lead = lead
    network.continuity_figure = voogd
    network.save(update_fields=["lead", "continuity_figure"])
    return network


@pytest.fixture
def coach_client(client, coach):
    client.force_login(coach)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests do not need that."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
