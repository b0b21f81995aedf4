"""The successor picker lists only supporters the user may know.

Narrowed like the add-member form: supporters of active partner organisations, and the family
and volunteers of this youth. Never the family of another youth, also after that youth's erasure.

How these tests were checked to fail: with the picker's queryset back to
`Supporter.objects.all()`, the tests about another youth's family (listed, chosen by id, after
erasure) and about the inactive organisation fail; with the e-mail check back on every supporter,
the e-mail test fails.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Sector
from handovers.models import Handover, HandoverReason
from networks.choices import MemberRole, NetworkStatus
from networks.models import Supporter
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory
from privacy.erasure import youth_anonymise
from youths.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_youth_family(db):
    """Bilal's uncle abroad: a member of Bilal's network only."""
    bilal = YouthFactory(first_name="Bilal", last_name="Haidari")
    network = CareNetworkFactory(youth=bilal, status=NetworkStatus.ACTIVE)
    uncle = SupporterFactory(
        first_name="Yusuf", last_name="Haidari", organisation=None, email="yusuf.haidari@example.org"
    )
    network_add_member(network=network, supporter=uncle, role=MemberRole.FAMILY_MEMBER)
    return uncle


@pytest.fixture
def own_family(network):
    """Ahmad's aunt: a member of Ahmad's own network."""
    aunt = SupporterFactory(first_name="Zahra", last_name="Rahimi", organisation=None)
    network_add_member(network=network, supporter=aunt, role=MemberRole.FAMILY_MEMBER)
    return aunt


@pytest.fixture
def jobcoach(db):
    return SupporterFactory(
        first_name="Lore", last_name="Van Damme", organisation=OrganisationFactory(name="Jobteam", sector=Sector.WORK)
    )


@pytest.fixture
def closed_org_supporter(db):
    gone = OrganisationFactory(name="Opgeheven vzw", sector=Sector.WELFARE, is_active=False)
    return SupporterFactory(first_name="Wim", last_name="Opgeheven", organisation=gone)


def _picker(client, network) -> set[int]:
    response = client.get(reverse("handovers:handover_start", args=[network.pk]))
    assert response.status_code == 200
    return set(response.context["form"].fields["successor"].queryset.values_list("pk", flat=True))


def _start(client, network, coach, **fields):
    data = {
        "leaver": network.memberships.active().get(supporter__user=coach).pk,
        "reason": HandoverReason.OTHER,
        "successor_kind": "existing",
        "successor_role": MemberRole.SCHOOL_COACH,
        "note": "Overdracht",
        "share_consent": "on",
        "handover_on": timezone.localdate().isoformat(),
        **fields,
    }
    return client.post(reverse("handovers:handover_start", args=[network.pk]), data)


def test_the_picker_lists_partner_organisations_and_this_youths_family(
    coach_client, network, jobcoach, own_family, vdab
):
    listed = _picker(coach_client, network)
    assert {jobcoach.pk, own_family.pk, vdab.supporter.pk} <= listed


def test_the_picker_never_lists_another_youths_family(coach_client, network, other_youth_family):
    assert other_youth_family.pk not in _picker(coach_client, network)
    page = coach_client.get(reverse("handovers:handover_start", args=[network.pk])).content.decode()
    assert "Yusuf" not in page


def test_the_picker_leaves_out_supporters_of_an_organisation_that_is_no_longer_active(
    coach_client, network, closed_org_supporter
):
    assert closed_org_supporter.pk not in _picker(coach_client, network)


def test_another_youths_family_member_cannot_be_chosen_by_id(coach_client, network, coach, other_youth_family):
    response = _start(coach_client, network, coach, successor=other_youth_family.pk)
    assert response.status_code == 200
    assert response.context["form"].has_error("successor", "invalid_choice")
    assert not Handover.objects.exists()


def test_after_the_other_youth_is_erased_their_family_stays_out_of_the_picker(
    coach_client, network, other_youth_family, admin_user
):
    bilal = other_youth_family.memberships.get().network.youth
    youth_anonymise(youth=bilal, by=admin_user, reason="Verzoek van de jongere")
    assert other_youth_family.pk not in _picker(coach_client, network)
    assert other_youth_family.pk in set(Supporter.objects.values_list("pk", flat=True))  # still in the database


def test_a_new_successor_with_an_unknown_email_is_not_told_that_someone_elsewhere_has_it(
    coach_client, network, coach, other_youth_family
):
    response = _start(
        coach_client,
        network,
        coach,
        successor_kind="new",
        new_first_name="Yusuf",
        new_last_name="H.",
        new_email=other_youth_family.email,
    )
    assert response.status_code == 302  # no "exists already: choose them from the list"
    assert Handover.objects.get().successor != other_youth_family


def test_a_new_successor_with_the_email_of_someone_in_the_list_is_sent_to_the_list(
    coach_client, network, coach, jobcoach
):
    response = _start(
        coach_client,
        network,
        coach,
        successor_kind="new",
        new_first_name="Lore",
        new_last_name="Van Damme",
        new_email=jobcoach.email,
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("new_email")
    assert not Handover.objects.exists()
