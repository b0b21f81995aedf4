"""The network page and its changes: access, coverage check, activation, details with history."""

import pytest
from django.urls import reverse

from accounts.choices import Sector
from networks.choices import Intensity, MemberRole, NetworkStatus
from networks.models import CareNetwork, SharingConsent
from networks.services import network_activate
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory
from youths.tests.factories import IntakeFactory, YouthFactory, years_ago
from youths.tests.helpers import add_members, assert_login_redirect, client_for, in_language, queries_for

pytestmark = pytest.mark.django_db

# The network page's own queries are about ten; the rest is room for the sections that other
# features include (action plan, handover, advisory group, notes, downloads).
NETWORK_PAGE_QUERY_CEILING = 40


def network_pages(network):
    membership = network.memberships.first()
    consent = SharingConsent.objects.create(youth=network.youth, organisation=membership.supporter.organisation)
    # The lead's own membership cannot end (the page refuses): ask about another member's.
    other = network.memberships.exclude(pk=network.lead_id).first()
    return [
        reverse("networks:network_detail", args=[network.pk]),
        reverse("networks:network_update", args=[network.pk]),
        reverse("networks:membership_create", args=[network.pk]),
        reverse("networks:membership_end", args=[other.pk]),
        reverse("networks:consent_list", args=[network.youth.pk]),
        reverse("networks:consent_create", args=[network.youth.pk]),
        reverse("networks:consent_revoke", args=[consent.pk]),
    ]


def test_a_member_opens_every_network_page(network, coach):
    client = client_for(coach)
    for url in network_pages(network):
        assert client.get(url).status_code == 200, url


def test_an_outsider_gets_404_for_every_network_page_and_action(network, outsider):
    client = client_for(outsider)
    urls = network_pages(network) + [reverse("networks:network_activate", args=[network.pk])]
    for url in urls:
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url).status_code == 404, url
    assert network.memberships.active().count() == 3
    assert SharingConsent.objects.active().count() == 1


def test_an_anonymous_user_is_sent_to_login(network, client):
    for url in network_pages(network) + [reverse("networks:network_activate", args=[network.pk])]:
        assert_login_redirect(client.get(url))
        assert_login_redirect(client.post(url))
    assert network.memberships.active().count() == 3


def test_the_page_shows_the_map_the_members_and_their_contact_details(network, coach):
    page = client_for(coach).get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="ecomap"' in page
    for user in network.memberships.select_related("supporter"):
        assert user.supporter.full_name in page
        assert user.supporter.email in page


def test_the_network_page_with_25_members_stays_under_a_fixed_number_of_queries(
    network, coach, django_assert_max_num_queries
):
    client = client_for(coach)
    url = reverse("networks:network_detail", args=[network.pk])
    few = queries_for(client, url)
    add_members(network, 22)  # 25 members in all
    assert network.memberships.active().count() == 25
    many = queries_for(client, url)
    assert many <= few
    with django_assert_max_num_queries(NETWORK_PAGE_QUERY_CEILING):
        response = client.get(url)
    assert response.content.decode().count('class="ecomap-member"') == 25


def test_the_coverage_check_names_the_missing_sectors(network, coach):
    response = client_for(coach).get(reverse("networks:network_detail", args=[network.pk]))
    assert response.context["missing_sectors"] == [Sector.WELFARE, Sector.HOUSING]
    page = response.content.decode()
    assert in_language("Welfare") in page and in_language("Housing") in page


def test_a_complete_network_has_nothing_missing(network, coach):
    for sector in (Sector.WELFARE, Sector.HOUSING):
        organisation = OrganisationFactory(name=f"Org {sector}", sector=sector)
        network.memberships.create(supporter=SupporterFactory(organisation=organisation), role=MemberRole.OTHER)
    response = client_for(coach).get(reverse("networks:network_detail", args=[network.pk]))
    assert response.context["missing_sectors"] == []


def test_from_17_the_page_reminds_to_involve_the_supporters_of_after_18(network, coach):
    url = reverse("networks:network_detail", args=[network.pk])
    assert not client_for(coach).get(url).context["remind_adult_support"]  # Ahmad is 16
    network.youth.birth_date = years_ago(17, days=10)
    network.youth.save()
    page = client_for(coach).get(url)
    assert page.context["remind_adult_support"]
    assert 'data-testid="coverage-18"' in page.content.decode()


# --- activation ----------------------------------------------------------------------------------


def preparing_network(coach, *, consent: bool):
    from networks.services import network_add_member

    youth = YouthFactory(first_name="Nour")
    IntakeFactory(youth=youth, consent_given=consent, consent_date=None if not consent else years_ago(0))
    network = CareNetworkFactory(youth=youth, status=NetworkStatus.PREPARING)
    network_add_member(network=network, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    return network


def test_activating_without_a_consented_intake_is_refused_with_a_clear_message(coach):
    network = preparing_network(coach, consent=False)
    response = client_for(coach).post(reverse("networks:network_activate", args=[network.pk]), follow=True)
    message = (
        "A network can only become active after a first conversation in which the youth "
        "agreed to start a network. Record that first conversation first."
    )
    assert in_language(message) in response.content.decode()
    network.refresh_from_db()
    assert network.status == NetworkStatus.PREPARING


def test_activating_after_a_consented_intake_works(coach):
    network = preparing_network(coach, consent=True)
    response = client_for(coach).post(reverse("networks:network_activate", args=[network.pk]))
    assert response.url == reverse("networks:network_detail", args=[network.pk])
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE
    assert network.timeline.filter(kind="network").exists()


def test_a_get_on_the_activation_url_changes_nothing(coach):
    network = preparing_network(coach, consent=True)
    assert client_for(coach).get(reverse("networks:network_activate", args=[network.pk])).status_code == 405
    network.refresh_from_db()
    assert network.status == NetworkStatus.PREPARING


def test_a_second_open_network_for_the_same_youth_is_refused_and_nothing_is_saved(network, coach):
    from django.core.exceptions import ValidationError

    old = CareNetworkFactory(youth=network.youth, status=NetworkStatus.CLOSED)
    with pytest.raises(ValidationError) as error:
        network_activate(network=old, by=coach)
    assert in_language("This youth already has a network that is not closed.") in error.value.messages
    old.refresh_from_db()
    assert old.status == NetworkStatus.CLOSED
    assert CareNetwork.objects.filter(youth=network.youth).open().count() == 1


def test_the_database_refuses_a_duplicate_open_network_too(network):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CareNetwork.objects.create(youth=network.youth)


def test_activating_a_closed_network_from_the_page_is_refused_with_a_message(network, coach):
    network.status = NetworkStatus.CLOSED
    network.save()
    response = client_for(coach).post(reverse("networks:network_activate", args=[network.pk]), follow=True)
    assert response.status_code == 200
    network.refresh_from_db()
    assert network.status == NetworkStatus.CLOSED


# --- the network's details -------------------------------------------------------------------------


def test_changing_the_intensity_is_kept_in_the_timeline(network, coach):
    lead = network.lead
    voogd = network.continuity_figure
    response = client_for(coach).post(
        reverse("networks:network_update", args=[network.pk]),
        {
            "intensity": Intensity.INTENSIVE,
            "lead": voogd.pk,
            "continuity_figure": lead.pk,
            "next_contact_on": "2030-01-15",
            "next_contact_by": voogd.pk,
        },
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert (network.intensity, network.lead, network.continuity_figure) == (Intensity.INTENSIVE, voogd, lead)
    summaries = list(network.timeline.values_list("summary", flat=True))
    assert any(in_language("Intensive") in summary for summary in summaries)
    assert network.plan_review_due_on is not None  # the new lead reviews the plan (network_rotate_lead)


def test_only_the_lead_hands_the_lead_role_on(network, guardian):
    voogd = network.continuity_figure
    response = client_for(guardian).post(
        reverse("networks:network_update", args=[network.pk]),
        {"intensity": Intensity.INTENSIVE, "lead": voogd.pk, "continuity_figure": voogd.pk},
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.intensity == Intensity.INTENSIVE
    assert network.lead.supporter == network.memberships.first().supporter  # still Sara


def test_a_network_without_a_lead_gets_none_from_a_member(network, guardian):
    """DESIGN.md: the lead role moves only when the lead passes it on, by a handover, or by an admin."""
    network.lead = None
    network.save()
    voogd = network.continuity_figure
    client_for(guardian).post(
        reverse("networks:network_update", args=[network.pk]), {"intensity": Intensity.LIGHT, "lead": voogd.pk}
    )
    network.refresh_from_db()
    assert network.lead is None


def test_the_lead_must_be_a_member_of_this_network(network, coach):
    other = CareNetworkFactory()
    stranger = other.memberships.create(supporter=SupporterFactory(), role=MemberRole.OTHER)
    response = client_for(coach).post(
        reverse("networks:network_update", args=[network.pk]), {"intensity": "light", "lead": stranger.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("lead")
    network.refresh_from_db()
    assert network.lead.supporter == coach.supporter


def test_a_get_on_the_edit_page_changes_nothing(network, coach):
    client_for(coach).get(reverse("networks:network_update", args=[network.pk]), {"intensity": "intensive"})
    network.refresh_from_db()
    assert network.intensity == Intensity.LIGHT
