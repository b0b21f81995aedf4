"""Shared test personas and the network they meet in.

The personas (DESIGN.md, STYLE.md habit 8):
- coach: Sara, OKAN coach at school A (Atheneum Gent-Zuid), member of the network;
- guardian: Jan, guardian at the guardianship service, member of the network;
- vdab: Karim, job coach at VDAB, member of the network;
- outsider: Lotte, coach at another school, in no network of this youth;
- advisor: Marie, member of the advisory group;
- admin: a superuser who works in Django admin.

Personas at the edges, each outside the network unless a handover brings them in:
- staff_user: Wim, staff (may log in to Django admin) but no superuser and no organisation;
- advisor_with_org: Ines, advisory-group member who also works at Stad Gent, not in the network;
- successor: Nina, job coach at Jobteam Gent; with `pending_handover` she is the proposed
  successor of Karim's place, not yet accepted;
- successor_after_handover: Eva, housing counsellor at CAW, who accepted the place of Pieter
  (Minor Ndako) at 18 and is now a member of the network;
- privacy_officer: Petra, no organisation, holds `youths.export_youth_data` (the role admins give
  through the "Privacy officers" group).
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase, ReadOnlyDatabase

from accounts.choices import Sector
from handovers.models import HandoverReason
from networks.choices import MemberRole, NetworkStatus
from networks.services import network_add_member
from networks.tests.factories import (
    CareNetworkFactory,
    OrganisationFactory,
    SupporterFactory,
    UserFactory,
)
from youths.tests.factories import IntakeFactory, YouthFactory

PASSWORD = "correct horse battery staple"

# Hypothesis (README "Security tests"): "ci" (the default, and always when CI is set) runs a fixed
# seed plus the committed examples read-only, so a run can only go red for a real reason;
# "fuzz" (`make fuzz`) explores widely and writes what it finds into the same folder.
HYPOTHESIS_EXAMPLES = Path(__file__).resolve().parent / "zorgnetwerk" / "tests" / "hypothesis-examples"
settings.register_profile(
    "ci",
    max_examples=6,
    deadline=None,
    print_blob=True,
    database=ReadOnlyDatabase(DirectoryBasedExampleDatabase(HYPOTHESIS_EXAMPLES)),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")),
    deadline=None,
    print_blob=True,
    database=DirectoryBasedExampleDatabase(HYPOTHESIS_EXAMPLES),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
def staff_user(db):
    return UserFactory(
        email="wim@zorgnetwerk.example", first_name="Wim", last_name="Beheer", is_staff=True, is_superuser=False
    )


@pytest.fixture
def stad_gent(db):
    return OrganisationFactory(name="Stad Gent", sector=Sector.OTHER)


@pytest.fixture
def advisor_with_org(stad_gent):
    return _person("ines@stad.gent.example", stad_gent, "Ines", "Wouters", "Beleidsmedewerker", is_advisory=True)[0]


@pytest.fixture
def jobteam(db):
    return OrganisationFactory(name="Jobteam Gent", sector=Sector.WORK)


@pytest.fixture
def lore(jobteam):
    """Lore, job coach at Jobteam: the successor the handover tests propose for Karim (VDAB)."""
    return _person("lore@jobteam.example", jobteam, "Lore", "Van Damme", "Jobcoach")[0]


@pytest.fixture
def successor(jobteam):
    return _person("nina@jobteam.example", jobteam, "Nina", "Jacobs", "Jobcoach")[0]


@pytest.fixture
def pending_handover(network, vdab, successor):
    """Karim leaves for a new job and proposes Nina; she has not answered yet."""
    from handovers.services import handover_start

    return handover_start(
        network=network,
        leaver=network.memberships.get(supporter=vdab.supporter),
        successor=successor.supporter,
        successor_role=MemberRole.JOB_COACH,
        reason=HandoverReason.NEW_JOB,
        note="Karim vertrekt; Ahmad zoekt een studentenjob.",
        share_consent=True,
        # Consent for Jobteam is recorded by the lead, the guardian or Jobteam (DESIGN.md): Sara.
        by=network.lead.supporter.user,
    )


@pytest.fixture
def successor_after_handover(network, coach):
    """Ahmad turns 18: Pieter (Minor Ndako) hands over to Eva (CAW), who accepts and is a member."""
    from handovers.services import handover_accept, handover_start

    minor_ndako = OrganisationFactory(name="Minor Ndako", sector=Sector.HOUSING)
    caw = OrganisationFactory(name="CAW Oost-Vlaanderen", sector=Sector.WELFARE)
    pieter = _person("pieter@minorndako.example", minor_ndako, "Pieter", "Maes", "Woonbegeleider")[0]
    eva = _person("eva@caw.example", caw, "Eva", "Goossens", "Woonbegeleider")[0]
    leaver = network_add_member(network=network, supporter=pieter.supporter, role=MemberRole.HOUSING_COUNSELLOR)
    handover = handover_start(
        network=network,
        leaver=leaver,
        successor=eva.supporter,
        successor_role=MemberRole.HOUSING_COUNSELLOR,
        reason=HandoverReason.TURNS_18,
        note="Ahmad wordt 18 en verhuist naar een studio.",
        share_consent=True,
        by=coach,
    )
    handover_accept(handover=handover, by=eva)
    return eva


@pytest.fixture
def privacy_officer(db):
    """Petra holds the privacy officer's permission to export a youth's data (DESIGN.md)."""
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(content_type__app_label="youths", codename="export_youth_data")
    user = UserFactory(email="petra@zorgnetwerk.example", first_name="Petra", last_name="Privacy")
    user.user_permissions.add(permission)
    return user


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
