"""The youth pages: who gets in, what the list shows, and that it stays cheap with many youths."""

import pytest
from django.urls import reverse

from networks.choices import Intensity, NetworkStatus
from networks.models import CareNetwork, TimelineEntry
from youths.models import SchoolSituation
from youths.tests.factories import IntakeFactory, YouthFactory, years_ago
from youths.tests.helpers import add_members, assert_login_redirect, client_for, queries_for, youths_in_networks_of

pytestmark = pytest.mark.django_db

DOSSIER_QUERY_CEILING = 30


def youth_pages(network):
    youth = network.youth
    intake = youth.intakes.get()
    return [
        reverse("youths:youth_detail", args=[youth.pk]),
        reverse("youths:youth_update", args=[youth.pk]),
        reverse("youths:intake_create", args=[youth.pk]),
        reverse("youths:intake_detail", args=[intake.pk]),
        reverse("youths:intake_update", args=[intake.pk]),
    ]


def test_a_member_opens_every_page_of_the_youth(network, coach):
    client = client_for(coach)
    for url in youth_pages(network) + [reverse("youths:youth_list"), reverse("youths:youth_create")]:
        assert client.get(url).status_code == 200, url


def test_an_outsider_gets_404_for_every_page_of_the_youth(network, outsider):
    client = client_for(outsider)
    for url in youth_pages(network):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"first_name": "X"}).status_code == 404, url


def test_an_anonymous_user_is_sent_to_login_from_every_page(network, client):
    for url in youth_pages(network) + [reverse("youths:youth_list"), reverse("youths:youth_create")]:
        assert_login_redirect(client.get(url))


def test_the_list_shows_only_the_youths_the_user_may_see(network, outsider):
    other = YouthFactory(first_name="Zahra")
    page = client_for(outsider).get(reverse("youths:youth_list"))
    assert network.youth.first_name not in page.content.decode()
    assert other.first_name not in page.content.decode()


def test_the_list_searches_by_name_and_filters(network, coach):
    [farah] = youths_in_networks_of(coach, 1, first_name="Farah", last_name="Noori", school_situation="none")
    client = client_for(coach)

    found = client.get(reverse("youths:youth_list"), {"q": "noori"}).content.decode()
    assert "Farah Noori" in found and "Ahmad Rahimi" not in found

    outside_school = client.get(reverse("youths:youth_list"), {"school_situation": SchoolSituation.NONE})
    assert list(outside_school.context["youths"]) == [farah]

    active = client.get(reverse("youths:youth_list"), {"network_status": NetworkStatus.ACTIVE})
    assert list(active.context["youths"]) == [network.youth]

    network.intensity = Intensity.INTENSIVE
    network.save()
    intensive = client.get(reverse("youths:youth_list"), {"intensity": Intensity.INTENSIVE})
    assert list(intensive.context["youths"]) == [network.youth]


def test_the_list_filters_by_age_band_with_estimated_years(network, coach):
    youth = network.youth  # 16 years old
    [small] = youths_in_networks_of(coach, 1, first_name="Klein", birth_date=years_ago(12))
    [adult] = youths_in_networks_of(
        coach, 1, first_name="Groot", birth_date=None, birth_year_estimated=years_ago(20).year
    )
    client = client_for(coach)
    bands = {
        band: list(client.get(reverse("youths:youth_list"), {"age_band": band}).context["youths"])
        for band in ("under16", "16-17", "18plus")
    }
    assert bands == {"under16": [small], "16-17": [youth], "18plus": [adult]}


def test_a_youth_whose_networks_are_all_closed_shows_as_closed(network, coach):
    network.status = NetworkStatus.CLOSED
    network.save()
    response = client_for(coach).get(reverse("youths:youth_list"), {"network_status": NetworkStatus.CLOSED})
    assert list(response.context["youths"]) == [network.youth]


def test_the_list_is_paginated_by_25(coach):
    youths_in_networks_of(coach, 30)
    client = client_for(coach)
    assert len(client.get(reverse("youths:youth_list")).context["youths"]) == 25
    assert len(client.get(reverse("youths:youth_list"), {"page": 2}).context["youths"]) == 5


def test_the_list_with_200_youths_stays_under_a_fixed_number_of_queries(coach, django_assert_max_num_queries):
    youths_in_networks_of(coach, 200)
    client = client_for(coach)
    client.get(reverse("youths:youth_list"))  # warm the session
    with django_assert_max_num_queries(8):
        response = client.get(reverse("youths:youth_list"), {"q": "", "age_band": "16-17"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 200


def test_the_dossier_shows_overview_intakes_network_and_timeline(network, coach):
    IntakeFactory(youth=network.youth, needs="Een tweede gesprek")
    response = client_for(coach).get(reverse("youths:youth_detail", args=[network.youth.pk]))
    assert response.context["network"] == network
    assert len(response.context["intakes"]) == 2
    entries = list(response.context["timeline_page"])
    assert entries == sorted(entries, key=lambda entry: entry.occurred_at, reverse=True)
    assert "Sara Vermeulen" in response.content.decode()


def test_the_dossier_stays_under_a_fixed_number_of_queries(network, coach, django_assert_max_num_queries):
    client = client_for(coach)
    url = reverse("youths:youth_detail", args=[network.youth.pk])
    few = queries_for(client, url)
    add_members(network, 25)
    for _ in range(40):
        TimelineEntry.objects.create(youth=network.youth, network=network, kind="note", summary="iets")
    IntakeFactory.create_batch(3, youth=network.youth)
    many = queries_for(client, url)
    assert many <= few
    # The ceiling leaves room for the sections other features include in the dossier.
    with django_assert_max_num_queries(DOSSIER_QUERY_CEILING):
        client.get(url)


def test_a_youth_with_only_a_closed_network_cannot_be_edited(network, coach):
    network.status = NetworkStatus.CLOSED
    network.save()
    response = client_for(coach).post(
        reverse("youths:youth_update", args=[network.youth.pk]), {"first_name": "Veranderd"}
    )
    assert response.status_code == 302
    network.youth.refresh_from_db()
    assert network.youth.first_name == "Ahmad"
    assert CareNetwork.objects.filter(youth=network.youth).count() == 1


def test_the_advisory_group_sees_no_youths_and_registers_none(network, advisor):
    client = client_for(advisor)
    assert list(client.get(reverse("youths:youth_list")).context["youths"]) == []
    assert client.get(reverse("youths:youth_detail", args=[network.youth.pk])).status_code == 404
    assert client.get(reverse("youths:youth_create")).status_code == 404
