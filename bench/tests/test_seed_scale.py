"""seed_scale: synthetic data with the issue's proportions, and guardian rows that match the access rule."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from accounts.models import Organisation, User
from actionplans.models import Action, ActionPlan, Meeting
from audit.models import AuditEvent
from bench.scale import (
    ADVISOR_EMAIL,
    AUDIT_PER_NETWORK,
    BIG_NETWORK_MEMBERS,
    COACH_EMAIL,
    COACH_NETWORK_COUNT,
    ORGANISATION_COUNT,
    seed_scale,
)
from networks.access import network_sync_access
from networks.choices import NetworkStatus
from networks.models import CareNetwork, Membership, NetworkGroupObjectPermission, NetworkUserObjectPermission
from youths.models import Youth

YOUTHS = 100


@pytest.fixture
def scale(db):
    return seed_scale(youths=YOUTHS, seed=7)


def _access_rows():
    groups = set(NetworkGroupObjectPermission.objects.values_list("content_object_id", "group_id", "permission_id"))
    users = set(NetworkUserObjectPermission.objects.values_list("content_object_id", "user_id", "permission_id"))
    return groups, users


def test_seed_scale_creates_youths_networks_and_organisations_in_proportion(scale):
    assert Youth.objects.count() == YOUTHS
    assert CareNetwork.objects.count() == YOUTHS
    assert Organisation.objects.count() == ORGANISATION_COUNT
    assert not Organisation.objects.filter(group__isnull=True).exists()
    members_per_network = Membership.objects.active().count() / YOUTHS
    assert 8 <= members_per_network <= 12
    assert 2 <= Meeting.objects.count() / YOUTHS <= 3
    assert AuditEvent.objects.count() == YOUTHS * AUDIT_PER_NETWORK


def test_no_plan_has_more_than_three_open_actions(scale):
    most_open = ActionPlan.objects.annotate(open=Count("actions", filter=Q(actions__status="open"))).order_by("-open")
    assert most_open.first().open <= 3
    assert Action.objects.filter(status="open").exists()


def test_benchmark_coach_is_in_twenty_networks_one_of_them_with_25_members(scale):
    coach = User.objects.get(email=COACH_EMAIL)
    assert CareNetwork.objects.visible_to(coach).count() == COACH_NETWORK_COUNT
    assert sorted(CareNetwork.objects.visible_to(coach).values_list("pk", flat=True)) == scale.coach_network_ids
    big = CareNetwork.objects.get(pk=scale.big_network_id)
    assert big.memberships.filter(left_on__isnull=True).count() == BIG_NETWORK_MEMBERS
    assert coach.check_password("scale-bench-not-a-secret")


def test_advisory_user_sees_no_network(scale):
    assert not CareNetwork.objects.visible_to(User.objects.get(email=ADVISOR_EMAIL)).exists()


def test_signals_go_to_about_one_network_in_five(scale):
    from adviesgroep.models import Signal

    assert Signal.objects.count() == YOUTHS // 5


def test_guardian_rows_are_what_network_sync_access_would_write(scale):
    before = _access_rows()
    assert before[0], "the seed wrote organisation permissions"
    for network in CareNetwork.objects.all():
        network_sync_access(network=network)
    assert _access_rows() == before


def test_closed_networks_keep_only_the_lead_organisation(scale):
    closed = CareNetwork.objects.filter(status=NetworkStatus.CLOSED).select_related("lead__supporter__organisation")
    assert closed, "the seed closes about one network in twenty"
    for network in closed:
        groups = set(
            NetworkGroupObjectPermission.objects.filter(content_object=network).values_list("group_id", flat=True)
        )
        assert groups == {network.lead.supporter.organisation.group_id}


def test_seed_scale_refuses_a_database_that_already_holds_scale_data(scale):
    with pytest.raises(CommandError):
        call_command("seed_scale", youths=YOUTHS)
