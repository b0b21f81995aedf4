"""The shared dossier: "een online gedeeld dossier dat door alle partners geraadpleegd kan worden"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from actionplans.models import (
    Action,
    ActionPlan,
    ActionStatus,
    Barrier,
    BarrierCategory,
    BarrierStatus,
    Domain,
    Meeting,
    MeetingStatus,
    Referral,
    ReferralStatus,
)
from handovers.models import HandoverReason
from handovers.services import handover_accept, handover_start
from networks.choices import MemberRole
from networks.services import network_add_member
from networks.tests.factories import OrganisationFactory, SupporterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def _fill(network, n: int):
    """A network with n of everything the dossier shows."""
    plan, _ = ActionPlan.objects.get_or_create(network=network, defaults={"question_for_help": "Vervolgonderwijs"})
    category, _ = BarrierCategory.objects.get_or_create(slug="test-dossier", defaults={"name": "Testcategorie"})
    members = list(network.memberships.active())
    now = timezone.now()
    for i in range(n):
        supporter = SupporterFactory()
        membership = network_add_member(network=network, supporter=supporter, role=MemberRole.OTHER)
        Action.objects.create(
            plan=plan,
            domain=Domain.SCHOOL,
            description=f"Actie {i}",
            owner=members[i % len(members)],
            deadline=timezone.localdate() + datetime.timedelta(days=i + 1),
        )
        Barrier.objects.create(plan=plan, category=category, description=f"Drempel {i}", helper=membership)
        Referral.objects.create(plan=plan, partner=f"Partner {i}", reason="Begeleiding", referred_by=membership)
        Meeting.objects.create(
            network=network,
            starts_at=now - datetime.timedelta(days=30 + i),
            ends_at=now - datetime.timedelta(days=30 + i, hours=-1),
            status=MeetingStatus.HELD,
            decisions=f"Besluit van overleg {i}",
        )
        successor = SupporterFactory()
        handover = handover_start(
            network=network,
            leaver=membership,
            successor=successor,
            successor_role=MemberRole.OTHER,
            reason=HandoverReason.NEW_JOB,
            note=f"Overdrachtsnota {i}",
            share_consent=True,
        )
        handover_accept(handover=handover, by=None)
    return plan


def test_the_dossier_shows_the_sections_in_the_playbooks_order(network, coach_client, vdab):
    plan = _fill(network, 1)
    Action.objects.create(
        plan=plan,
        domain=Domain.WORK,
        description="Afgewerkte actie",
        owner=network.lead,
        deadline=timezone.localdate(),
        status=ActionStatus.DONE,
    )
    Barrier.objects.create(
        plan=plan,
        category=BarrierCategory.objects.get(slug="test-dossier"),
        description="Weggewerkt",
        status=BarrierStatus.REMOVED,
    )
    Referral.objects.create(plan=plan, partner="Afgerond", reason="x", status=ReferralStatus.DONE, succeeded=True)

    page = coach_client.get(reverse("handovers:shared_dossier", args=[network.pk])).content.decode()

    markers = ["Who is in the network", "Before", "Vervolgonderwijs", "Actie 0", "Drempel 0", "Partner 0"]
    markers += ["Besluit van overleg 0", "Overdrachtsnota 0"]
    positions = [page.index(marker) for marker in markers]
    assert positions == sorted(positions)
    assert vdab.get_full_name() in page
    for closed in ("Afgewerkte actie", "Weggewerkt", "Afgerond"):
        assert closed not in page


def test_only_the_last_round_tables_decisions_are_shown(network, coach_client):
    _fill(network, 3)
    page = coach_client.get(reverse("handovers:shared_dossier", args=[network.pk])).content.decode()
    assert "Besluit van overleg 0" in page
    assert "Besluit van overleg 2" not in page


def test_the_dossier_has_a_fixed_number_of_queries(network, coach_client, django_assert_max_num_queries):
    _fill(network, 2)
    url = reverse("handovers:shared_dossier", args=[network.pk])
    coach_client.get(url)
    with django_assert_max_num_queries(14) as few:
        coach_client.get(url)
    _fill(network, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        coach_client.get(url)


def test_the_dossier_page_is_404_for_outsiders_and_needs_a_login(network, client, outsider):
    url = reverse("handovers:shared_dossier", args=[network.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_every_member_reads_the_dossier(network, client, guardian, vdab):
    for user in (guardian, vdab):
        client.force_login(user)
        assert client.get(reverse("handovers:shared_dossier", args=[network.pk])).status_code == 200


def test_the_dossier_works_without_a_plan(network, coach_client):
    response = coach_client.get(reverse("handovers:shared_dossier", args=[network.pk]))
    assert "There is no action plan yet." in response.content.decode()


def test_the_dossier_exports_as_one_pdf(network, coach_client, client, outsider):
    _fill(network, 1)
    url = reverse("handovers:shared_dossier_pdf", args=[network.pk])
    response = coach_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "overdrachtsdossier" in response["Content-Disposition"]
    assert network.youth.last_name not in response["Content-Disposition"]
    coach_client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_a_successor_is_up_to_speed_after_acceptance(network, coach, client):
    school = OrganisationFactory(name="Vervolgschool")
    user = UserFactory(email="tom@vervolg.example", organisation=school)
    tom = SupporterFactory(user=user, first_name="Tom", organisation=school)
    handover = handover_start(
        network=network,
        leaver=network.lead,
        successor=tom,
        successor_role=MemberRole.SCHOOL_COACH,
        reason=HandoverReason.SCHOOL_CHANGE,
        note="Ahmad start in september in de vervolgschool.",
        share_consent=True,
        by=coach,
    )
    handover_accept(handover=handover, by=user)
    client.force_login(user)
    page = client.get(reverse("handovers:shared_dossier", args=[network.pk])).content.decode()
    assert "Ahmad start in september" in page
    assert coach.get_full_name() in page  # under "before"
