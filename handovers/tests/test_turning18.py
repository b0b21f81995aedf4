"""Turning 18: flagged "vanaf 17 jaar" on the lead's and guardian's dashboard, with a checklist."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.choices import Sector
from handovers.turning18 import add_months, networks_turning_18_for, transition_checklist, turning_18_flags
from networks.choices import MemberRole, NetworkStatus
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory
from youths.models import Youth
from youths.tests.factories import YouthFactory, years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def _set_birth_date(youth, birth_date):
    Youth.objects.filter(pk=youth.pk).update(birth_date=birth_date, birth_year_estimated=None)
    youth.refresh_from_db()


def test_a_youth_aged_17_shows_on_the_leads_dashboard_with_the_transition_checklist(network, coach_client):
    _set_birth_date(network.youth, years_ago(17, days=10))
    page = coach_client.get(reverse("dashboard")).content.decode()
    assert 'data-testid="turning18-flag"' in page
    assert network.youth.full_name in page
    assert reverse("handovers:transition_checklist", args=[network.pk]) in page


def test_a_youth_aged_16_does_not_show(network, coach_client):
    _set_birth_date(network.youth, years_ago(16, days=300))
    page = coach_client.get(reverse("dashboard")).content.decode()
    assert 'data-testid="turning18-flag"' not in page
    assert reverse("handovers:transition_checklist", args=[network.pk]) not in page


def test_the_flag_starts_on_the_17th_birthday(network, coach):
    today = datetime.date(2026, 5, 10)
    _set_birth_date(network.youth, datetime.date(2009, 5, 11))
    assert not networks_turning_18_for(coach, today).exists()
    _set_birth_date(network.youth, datetime.date(2009, 5, 10))
    assert list(networks_turning_18_for(coach, today)) == [network]


def test_the_flag_ends_on_the_18th_birthday_and_the_network_stays_open(network, coach):
    today = datetime.date(2026, 5, 10)
    _set_birth_date(network.youth, datetime.date(2008, 5, 10))
    assert not networks_turning_18_for(coach, today).exists()
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE


def test_an_estimated_year_of_birth_counts_from_the_first_of_january(network, coach):
    Youth.objects.filter(pk=network.youth_id).update(birth_date=None, birth_year_estimated=2009)
    assert list(networks_turning_18_for(coach, datetime.date(2026, 3, 1))) == [network]
    assert not networks_turning_18_for(coach, datetime.date(2025, 12, 31)).exists()


def test_the_last_three_months_are_urgent(network, coach):
    today = datetime.date(2026, 5, 10)
    _set_birth_date(network.youth, datetime.date(2008, 8, 10))
    [flag] = turning_18_flags(coach, today)
    assert flag.urgent and flag.days_left == 92
    _set_birth_date(network.youth, datetime.date(2008, 8, 11))
    [flag] = turning_18_flags(coach, today)
    assert not flag.urgent


def test_the_urgent_flag_is_marked_on_the_dashboard(network, coach_client):
    _set_birth_date(network.youth, years_ago(18, days=-20))
    page = coach_client.get(reverse("dashboard")).content.decode()
    assert "less than 3 months" in page


def test_the_guardian_sees_the_flag_and_other_members_do_not(network, guardian, vdab):
    _set_birth_date(network.youth, years_ago(17))
    assert list(networks_turning_18_for(guardian)) == [network]
    assert not networks_turning_18_for(vdab).exists()


def test_a_closed_network_is_not_flagged(network, coach):
    _set_birth_date(network.youth, years_ago(17))
    network.status = NetworkStatus.CLOSED
    network.save()
    assert not networks_turning_18_for(coach).exists()


def test_the_flag_is_one_query_for_many_networks(coach, school_a, django_assert_num_queries):
    for _ in range(5):
        other = CareNetworkFactory(youth=YouthFactory(birth_date=years_ago(17, days=30)), status=NetworkStatus.ACTIVE)
        other.lead = network_add_member(network=other, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
        other.save()
    with django_assert_num_queries(1):
        assert len(turning_18_flags(coach)) == 5


def test_add_months_keeps_the_end_of_the_month():
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 1, 15), 3) == datetime.date(2026, 4, 15)


def test_the_checklist_shows_which_supports_end_and_which_stay_after_18(network, guardian):
    jobteam = OrganisationFactory(name="Jobteam Gent", sector=Sector.WORK)
    lore = SupporterFactory(first_name="Lore", last_name="Van Damme", organisation=jobteam)
    network_add_member(network=network, supporter=lore, role=MemberRole.JOB_COACH, continues_after_18=True)
    checklist = transition_checklist(network)
    assert [m.supporter for m in checklist.continuing] == [lore]
    assert guardian.supporter in [m.supporter for m in checklist.ending]
    assert [m.supporter for m in checklist.guardians] == [guardian.supporter]
    titles = [item.title for item in checklist.items]
    assert titles == [
        "Supports that end at 18 are handed over",
        "Supporters for after 18 are already in the network",
        "The end of guardianship is prepared",
        "Groeipakket and income after 18 are arranged",
        "Housing after 18 is known",
        "Study or work after 18 is planned",
    ]
    # Nothing is inferred from "continues after 18": Lore (work) stays, yet nobody confirmed study or work.
    assert not any(item.done for item in checklist.items)


def test_the_checklist_page_member_200_outsider_404_anonymous_login(network, client, coach, outsider):
    _set_birth_date(network.youth, years_ago(17))
    url = reverse("handovers:transition_checklist", args=[network.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(coach)
    page = client.get(url)
    assert page.status_code == 200
    assert "Groeipakket" in page.content.decode()
    assert reverse("handovers:handover_start", args=[network.pk]) in page.content.decode()


def test_the_checklist_sits_under_the_youth_and_network_like_the_other_pages(network, coach_client):
    _set_birth_date(network.youth, years_ago(17))
    page = coach_client.get(reverse("handovers:transition_checklist", args=[network.pk]))
    html = page.content.decode()
    crumbs = html[html.index('<ol class="breadcrumb">') : html.index("</ol></nav>")]
    links = [reverse("youths:youth_list"), reverse("youths:youth_detail", args=[network.youth.pk])]
    links.append(reverse("networks:network_detail", args=[network.pk]))
    positions = [crumbs.index(f'href="{link}"') for link in links]
    assert positions == sorted(positions)
    assert 'aria-current="page">Turning 18<' in crumbs
    # The status badges start with a capital, like every other badge.
    assert '<span class="badge text-bg-warning">To do</span>' in html
