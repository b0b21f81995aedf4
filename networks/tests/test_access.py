"""The access mechanism: organisations see a network while they have an active member in it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.choices import Sector
from networks.access import network_sync_access
from networks.choices import MemberRole, NetworkStatus
from networks.models import CareNetwork, NetworkGroupObjectPermission, NetworkUserObjectPermission
from networks.services import membership_end, network_add_member
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory, UserFactory
from youths.models import Youth

pytestmark = pytest.mark.django_db


def test_members_organisations_see_the_network(network, coach, guardian, vdab):
    for user in (coach, guardian, vdab):
        assert list(CareNetwork.objects.visible_to(user)) == [network]


def test_an_organisation_outside_the_network_sees_nothing(network, outsider):
    assert not CareNetwork.objects.visible_to(outsider).exists()
    assert not Youth.objects.visible_to(outsider).exists()


def test_a_colleague_of_a_member_sees_the_network_through_the_organisation(network, school_a):
    colleague = UserFactory(organisation=school_a)
    assert list(CareNetwork.objects.visible_to(colleague)) == [network]


def test_adding_the_first_member_of_an_organisation_grants_access(network, outsider):
    network_add_member(network=network, supporter=outsider.supporter, role=MemberRole.SCHOOL_COACH)
    assert list(CareNetwork.objects.visible_to(outsider)) == [network]
    assert list(Youth.objects.visible_to(outsider)) == [network.youth]


def test_ending_the_last_membership_of_an_organisation_revokes_access(network, vdab):
    membership = network.memberships.get(supporter=vdab.supporter)
    membership_end(membership=membership)
    assert not CareNetwork.objects.visible_to(vdab).exists()
    assert not NetworkGroupObjectPermission.objects.filter(
        content_object=network, group=vdab.organisation.group
    ).exists()


def test_ending_one_of_two_memberships_of_an_organisation_keeps_access(network, school_a, coach):
    second = SupporterFactory(organisation=school_a)
    network_add_member(network=network, supporter=second, role=MemberRole.STUDENT_COUNSELLOR)
    membership_end(membership=network.memberships.get(supporter=second))
    assert list(CareNetwork.objects.visible_to(coach)) == [network]


def test_a_revoked_organisation_sees_nothing_of_the_youth(network, vdab, client):
    membership_end(membership=network.memberships.get(supporter=vdab.supporter))
    assert not Youth.objects.visible_to(vdab).exists()


def test_a_supporter_without_organisation_gets_user_permissions(network):
    buddy_user = UserFactory(organisation=None)
    buddy = SupporterFactory(organisation=None, user=buddy_user, function="Buddy")
    membership = network_add_member(network=network, supporter=buddy, role=MemberRole.BUDDY)
    assert NetworkUserObjectPermission.objects.filter(content_object=network, user=buddy_user).exists()
    assert list(CareNetwork.objects.visible_to(buddy_user)) == [network]

    membership_end(membership=membership)
    assert not CareNetwork.objects.visible_to(buddy_user).exists()
    assert not NetworkUserObjectPermission.objects.filter(content_object=network, user=buddy_user).exists()


def test_a_family_member_without_login_grants_nobody_access(network):
    family = SupporterFactory(organisation=None, user=None, function="Oom")
    network_add_member(network=network, supporter=family, role=MemberRole.FAMILY_MEMBER, sector=Sector.FAMILY)
    assert not NetworkUserObjectPermission.objects.filter(content_object=network).exists()


def test_closing_a_network_keeps_only_the_leads_organisation(network, coach, guardian):
    network.status = NetworkStatus.CLOSED
    network.save()
    network_sync_access(network=network)
    assert list(CareNetwork.objects.visible_to(coach)) == [network]
    assert not CareNetwork.objects.visible_to(guardian).exists()


def test_a_global_permission_grants_no_network(network, outsider):
    view_all = Permission.objects.get(codename="view_carenetwork")
    outsider.organisation.group.permissions.add(view_all)
    outsider.user_permissions.add(view_all)
    CareNetworkFactory()
    assert not CareNetwork.objects.visible_to(outsider).exists()


def test_advisory_group_members_see_no_network(network, advisor):
    assert not CareNetwork.objects.visible_to(advisor).exists()


def test_sync_is_idempotent(network):
    before = NetworkGroupObjectPermission.objects.filter(content_object=network).count()
    network_sync_access(network=network)
    network_sync_access(network=network)
    assert NetworkGroupObjectPermission.objects.filter(content_object=network).count() == before == 6


def test_permission_rows_die_with_their_network(network):
    network.delete()
    assert not NetworkGroupObjectPermission.objects.exists()


def test_a_user_changing_organisation_changes_group(coach, school_b):
    coach.organisation = school_b
    coach.save()
    assert list(coach.groups.values_list("pk", flat=True)) == [school_b.group_id]


def test_dashboard_lists_only_visible_networks(network, client, outsider, coach):
    other = OrganisationFactory(name="CAW Oost-Vlaanderen", sector=Sector.WELFARE)
    CareNetworkFactory(youth__first_name="Zzyzx")
    client.force_login(coach)
    response = client.get(reverse("dashboard"))
    assert network.youth.first_name in response.content.decode()
    assert "Zzyzx" not in response.content.decode()
    assert other.name not in response.content.decode()


def test_dashboard_requires_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
