"""How the networks are doing: anonymised figures per quarter, no group smaller than five."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import Meeting, MeetingStatus
from adviesgroep.selectors import SUPPRESSED, Quarter, last_quarters, network_stats, suppress_small
from networks.choices import ClosureReason, Intensity, NetworkStatus
from networks.tests.factories import CareNetworkFactory
from youths.tests.factories import IntakeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4])
def test_a_count_below_five_is_shown_as_less_than_five(count):
    assert suppress_small(count) == "<5" == SUPPRESSED


@pytest.mark.parametrize("count", [5, 6, 120])
def test_a_count_of_five_or_more_is_shown_as_it_is(count):
    assert suppress_small(count) == count


def _row(stats, label_start):
    return next(row for row in stats["rows"] if row["label"].startswith(label_start))


def test_active_networks_by_intensity_are_counted_and_small_groups_hidden(settings):
    settings.LANGUAGE_CODE = "en"
    quarter = Quarter.current()
    for _ in range(6):
        CareNetworkFactory(status=NetworkStatus.ACTIVE, intensity=Intensity.LIGHT, started_on=quarter.start)
    for _ in range(2):
        CareNetworkFactory(status=NetworkStatus.ACTIVE, intensity=Intensity.INTENSIVE, started_on=quarter.start)
    stats = network_stats(quarters=[quarter, quarter.previous])
    assert _row(stats, "Active networks: Light")["values"] == [6, SUPPRESSED]
    assert _row(stats, "Active networks: Intensive")["values"] == [SUPPRESSED, SUPPRESSED]


def test_the_median_days_from_intake_to_first_round_table_needs_five_networks(settings):
    settings.LANGUAGE_CODE = "en"
    quarter = Quarter.current()

    def network_with_table(days):
        network = CareNetworkFactory(status=NetworkStatus.ACTIVE, started_on=quarter.start)
        IntakeFactory(youth=network.youth, held_on=quarter.start)
        starts = timezone.make_aware(
            datetime.datetime.combine(quarter.start + datetime.timedelta(days=days), datetime.time(10))
        )
        Meeting.objects.create(
            network=network, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1), status=MeetingStatus.HELD
        )

    for days in (2, 4, 6, 8):
        network_with_table(days)
    row = "Median days from first conversation to first round table"
    # A median is no count: under five networks it says "too little data", never "<5".
    assert _row(network_stats(quarters=[quarter]), row)["values"] == ["too little data"]
    network_with_table(30)
    assert _row(network_stats(quarters=[quarter]), row)["values"] == [6]


def test_closed_networks_are_counted_by_reason(settings):
    settings.LANGUAGE_CODE = "en"
    quarter = Quarter.current()
    for _ in range(5):
        CareNetworkFactory(
            status=NetworkStatus.CLOSED,
            closure_reason=ClosureReason.SUSTAINABLE_PLAN,
            started_on=quarter.start,
            ended_on=quarter.start,
        )
    stats = network_stats(quarters=[quarter])
    assert _row(stats, "Networks closed: Sustainable plan reached")["values"] == [5]


def test_advisors_and_admins_see_the_stats_page(advisor_client, client, admin_user, network):
    assert advisor_client.get(reverse("adviesgroep:stats")).status_code == 200
    client.force_login(admin_user)
    assert client.get(reverse("adviesgroep:stats")).status_code == 200


def test_the_stats_page_names_no_youth(advisor_client, network):
    content = advisor_client.get(reverse("adviesgroep:stats")).content.decode()
    assert "Ahmad" not in content and "Rahimi" not in content


def test_the_stats_page_stays_within_a_query_ceiling(advisor_client, django_assert_max_num_queries):
    for _ in range(20):
        CareNetworkFactory(status=NetworkStatus.ACTIVE)
    with django_assert_max_num_queries(14):
        assert advisor_client.get(reverse("adviesgroep:stats")).status_code == 200


def test_last_quarters_starts_with_the_current_one():
    quarters = last_quarters(4, today=datetime.date(2026, 2, 10))
    assert [q.label for q in quarters] == ["2026 Q1", "2025 Q4", "2025 Q3", "2025 Q2"]


def test_the_statistics_page_shows_no_small_number_mark_on_a_median(client, advisor):
    client.force_login(advisor)
    content = client.get(reverse("adviesgroep:stats")).content.decode()
    row = content.split("Mediaan aantal dagen tussen rondetafels")[1].split("</tr>")[0]
    assert "&lt;5" not in row and "<5" not in row
    assert "te weinig gegevens" in row
