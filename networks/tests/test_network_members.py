"""Adding and ending members; consent to share per organisation, and revoking it."""

import pytest
from django.urls import reverse

from accounts.choices import Sector
from networks.choices import MemberRole, Trust
from networks.models import CareNetwork, Membership, SharingConsent, Supporter
from networks.tests.factories import OrganisationFactory, SupporterFactory
from youths.models import Youth
from youths.tests.helpers import client_for, in_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def caw():
    return OrganisationFactory(name="CAW Oost-Vlaanderen", sector=Sector.WELFARE)


@pytest.fixture
def caw_worker(caw, coach):
    """Pieter, whom Sara knows from another youth's network (the picker lists only people she may know)."""
    from networks.choices import MemberRole
    from networks.services import network_add_member
    from networks.tests.factories import CareNetworkFactory
    from youths.tests.factories import YouthFactory

    pieter = SupporterFactory(first_name="Pieter", last_name="Desmet", organisation=caw)
    other = CareNetworkFactory(youth=YouthFactory())
    network_add_member(network=other, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    network_add_member(network=other, supporter=pieter, role=MemberRole.SOCIAL_WORKER)
    return pieter


def member_data(**overrides):
    data = {
        "supporter": "",
        "new_first_name": "",
        "new_last_name": "",
        "new_function": "",
        "new_organisation": "",
        "new_email": "",
        "new_phone": "",
        "role": MemberRole.SOCIAL_WORKER,
        "sector": "",
        "continues_after_18": "on",
        "youth_trust": Trust.SOME,
        "joins_online": "",
        "share_consent": "",
    }
    data.update(overrides)
    return data


def test_adding_a_member_of_an_organisation_without_consent_is_refused(network, coach, caw_worker):
    url = reverse("networks:membership_create", args=[network.pk])
    response = client_for(coach).post(url, member_data(supporter=caw_worker.pk))
    assert response.status_code == 200
    message = in_language(
        "The youth has not agreed to share information with %(organisation)s. Ask the youth first and tick this box.",
        organisation="CAW Oost-Vlaanderen",
    )
    assert message in response.content.decode()
    label = in_language(
        "The youth agrees to share information with %(organisation)s", organisation="CAW Oost-Vlaanderen"
    )
    assert label in response.content.decode()  # the checkbox names the organisation it is about
    assert not network.memberships.filter(supporter=caw_worker).exists()
    assert not SharingConsent.objects.filter(organisation=caw_worker.organisation).exists()


def test_ticking_the_consent_records_it_and_grants_the_organisation_access(network, coach, caw_worker):
    from networks.tests.factories import UserFactory

    colleague = UserFactory(organisation=caw_worker.organisation)
    assert not CareNetwork.objects.visible_to(colleague).filter(pk=network.pk).exists()
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]),
        member_data(supporter=caw_worker.pk, share_consent="on"),
    )
    assert response.url == reverse("networks:network_detail", args=[network.pk])
    membership = network.memberships.get(supporter=caw_worker)
    assert (membership.sector, membership.continues_after_18, membership.youth_trust) == (
        Sector.WELFARE,
        True,
        Trust.SOME,
    )
    consent = SharingConsent.objects.active().get(youth=network.youth, organisation=caw_worker.organisation)
    assert consent.recorded_by == coach
    assert CareNetwork.objects.visible_to(colleague).filter(pk=network.pk).exists()


def test_an_organisation_with_consent_joins_without_asking_again(network, coach, caw_worker):
    SharingConsent.objects.create(youth=network.youth, organisation=caw_worker.organisation)
    client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]), member_data(supporter=caw_worker.pk)
    )
    assert network.memberships.filter(supporter=caw_worker).exists()


def test_a_new_family_member_abroad_is_created_in_the_same_form(network, coach):
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]),
        member_data(
            new_first_name="Hassan",
            new_last_name="Rahimi",
            new_function="Oom in Kabul",
            new_phone="+93 700 000 000",
            role=MemberRole.FAMILY_MEMBER,
            joins_online="on",
        ),
    )
    assert response.status_code == 302
    uncle = Supporter.objects.get(first_name="Hassan")
    assert uncle.organisation is None
    membership = network.memberships.get(supporter=uncle)
    assert (membership.sector, membership.joins_online) == (Sector.FAMILY, True)


def test_a_new_supporter_of_a_new_organisation_needs_consent_too(network, coach, caw):
    data = member_data(new_first_name="Eva", new_last_name="Goossens", new_organisation=caw.pk)
    client = client_for(coach)
    client.post(reverse("networks:membership_create", args=[network.pk]), data)
    assert not Supporter.objects.filter(first_name="Eva").exists()
    data["share_consent"] = "on"
    client.post(reverse("networks:membership_create", args=[network.pk]), data)
    assert network.memberships.filter(supporter__first_name="Eva").exists()


def test_choosing_an_existing_supporter_and_a_new_one_at_once_is_refused(network, coach, caw_worker):
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]),
        member_data(supporter=caw_worker.pk, new_first_name="Iemand", share_consent="on"),
    )
    assert in_language("Choose an existing supporter or fill in a new one, not both.") in response.content.decode()
    assert network.memberships.count() == 3


def test_a_current_member_cannot_be_added_twice(network, coach):
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]), member_data(supporter=coach.supporter.pk)
    )
    assert response.context["form"].has_error("supporter")
    assert network.memberships.count() == 3


def test_ending_a_membership_asks_first_and_then_revokes_access(network, coach, vdab):
    membership = network.memberships.get(supporter=vdab.supporter)
    url = reverse("networks:membership_end", args=[membership.pk])
    client = client_for(coach)
    assert client.get(url).status_code == 200  # the confirmation page
    membership.refresh_from_db()
    assert membership.is_active
    client.post(url, {"reason": "Karim werkt niet meer met Ahmad."})
    membership.refresh_from_db()
    assert not membership.is_active
    assert not CareNetwork.objects.visible_to(vdab).exists()


def test_ending_your_own_last_membership_sends_you_to_the_dashboard(network, vdab):
    membership = network.memberships.get(supporter=vdab.supporter)
    response = client_for(vdab).post(reverse("networks:membership_end", args=[membership.pk]))
    assert response.url == reverse("dashboard")


# --- consent to share, per organisation -----------------------------------------------------------


def test_recording_a_consent_for_an_organisation(network, coach, caw):
    response = client_for(coach).post(
        reverse("networks:consent_create", args=[network.youth.pk]),
        {"organisation": caw.pk, "given_on": "2025-01-10"},
    )
    assert response.url == reverse("networks:consent_list", args=[network.youth.pk])
    consent = SharingConsent.objects.get(organisation=caw)
    assert (consent.youth, consent.recorded_by, str(consent.given_on)) == (network.youth, coach, "2025-01-10")


def test_revoking_shows_a_warning_first_and_changes_nothing_on_get(network, coach, vdab):
    consent = SharingConsent.objects.create(youth=network.youth, organisation=vdab.organisation)
    response = client_for(coach).get(reverse("networks:consent_revoke", args=[consent.pk]))
    assert 'data-testid="revoke-warning"' in response.content.decode()
    assert vdab.supporter.full_name in response.content.decode()
    consent.refresh_from_db()
    assert consent.revoked_on is None
    assert CareNetwork.objects.visible_to(vdab).exists()


def test_revoking_a_consent_ends_the_organisations_memberships_and_access(network, coach, vdab):
    consent = SharingConsent.objects.create(youth=network.youth, organisation=vdab.organisation)
    response = client_for(coach).post(reverse("networks:consent_revoke", args=[consent.pk]))
    assert response.url == reverse("networks:consent_list", args=[network.youth.pk])
    consent.refresh_from_db()
    assert consent.revoked_on is not None
    assert not Membership.objects.active().filter(network=network, supporter=vdab.supporter).exists()
    assert not CareNetwork.objects.visible_to(vdab).exists()
    assert not Youth.objects.visible_to(vdab).exists()
    assert client_for(vdab).get(reverse("youths:youth_detail", args=[network.youth.pk])).status_code == 404


def test_after_revoking_the_organisation_needs_a_new_consent_to_join_again(network, coach, vdab):
    consent = SharingConsent.objects.create(youth=network.youth, organisation=vdab.organisation)
    client = client_for(coach)
    client.post(reverse("networks:consent_revoke", args=[consent.pk]))
    client.post(reverse("networks:membership_create", args=[network.pk]), member_data(supporter=vdab.supporter.pk))
    assert not Membership.objects.active().filter(network=network, supporter=vdab.supporter).exists()
