"""The advisory group's home: inbox rows that say something, "assigned to me" and "new since your last visit"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import BarrierStatus
from adviesgroep.models import AdvisoryVisit, Signal, SignalKind, SignalStatus, Theme
from adviesgroep.selectors import advisory_home
from adviesgroep.services import advisory_visit_record
from adviesgroep.tests.factories import BarrierFactory, SignalFactory
from networks.choices import NetworkStatus
from networks.tests.factories import CareNetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


def _inbox(client):
    return client.get(reverse("adviesgroep:inbox")).content.decode()


def test_an_inbox_row_shows_the_first_line_of_the_question(advisor_client, network, category):
    SignalFactory(
        network=network,
        categories=[category],
        question="\nGeen plaats in de gekozen richting na OKAN.\nWe probeerden al drie scholen.",
    )
    content = _inbox(advisor_client)
    assert "Geen plaats in de gekozen richting na OKAN." in content
    assert "We probeerden al drie scholen." not in content


def test_an_inbox_row_says_how_many_networks_meet_the_same_barrier(advisor_client, network, category, other_category):
    SignalFactory(network=network, categories=[category])
    for _index in range(3):
        BarrierFactory(plan__network=CareNetworkFactory(status=NetworkStatus.ACTIVE), category=category)
    # Two barriers in one network count once; a removed barrier, a closed network and another category not at all.
    busy = CareNetworkFactory(status=NetworkStatus.ACTIVE)
    BarrierFactory(plan__network=busy, category=category)
    BarrierFactory(plan__network=busy, category=category)
    BarrierFactory(plan__network=CareNetworkFactory(), category=category, status=BarrierStatus.REMOVED)
    BarrierFactory(plan__network=CareNetworkFactory(status=NetworkStatus.CLOSED), category=category)
    BarrierFactory(plan__network=CareNetworkFactory(), category=other_category)
    content = _inbox(advisor_client)
    assert "(4 netwerken hebben deze drempel)" in content


def test_the_inbox_rows_need_no_query_per_signal(
    advisor_client, network, other_network, category, other_category, django_assert_max_num_queries
):
    def add(count):
        for index in range(count):
            chosen = category if index % 2 else other_category
            BarrierFactory(plan__network=CareNetworkFactory(status=NetworkStatus.ACTIVE), category=chosen)
            SignalFactory(
                network=network if index % 2 else other_network, categories=[chosen], question=f"Vraag {index}"
            )

    add(3)
    url = reverse("adviesgroep:inbox")
    advisor_client.get(url)
    with django_assert_max_num_queries(13) as small:
        advisor_client.get(url)
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = advisor_client.get(url)
    assert len(response.context["page_obj"]) == 23


def test_the_home_shows_the_open_signals_assigned_to_me(advisor, advisor_client, network):
    mine = SignalFactory(network=network, reviewer=advisor, status=SignalStatus.IN_REVIEW, question="Voor Marie")
    SignalFactory(network=network, reviewer=advisor, status=SignalStatus.CLOSED, question="Al afgesloten")
    SignalFactory(network=network, reviewer=UserFactory(is_advisory=True), question="Voor iemand anders")
    home = advisory_home(advisor)
    assert home["assigned"] == [mine]
    content = _inbox(advisor_client)
    assert "Aan mij toegewezen" in content and "Voor Marie" in content


def test_new_since_the_last_visit_counts_from_the_visit_before_this_one(advisor, network):
    start = timezone.now() - datetime.timedelta(days=3)
    old = SignalFactory(network=network, sent_at=start - datetime.timedelta(days=1))
    # The first visit ever: every signal that is still new is new to them.
    first = advisory_visit_record(user=advisor, now=start)
    assert advisory_home(advisor, visit=first, now=start)["new"] == [old]

    later = SignalFactory(network=network, sent_at=start + datetime.timedelta(days=1))
    now = timezone.now()
    visit = advisory_visit_record(user=advisor, now=now)
    assert visit.new_since == start
    assert advisory_home(advisor, visit=visit, now=now)["new"] == [later]
    # Paging on during the same visit does not empty the list.
    again = advisory_visit_record(user=advisor, now=now + datetime.timedelta(minutes=10))
    assert advisory_home(advisor, visit=again, now=now + datetime.timedelta(minutes=10))["new"] == [later]
    # The dashboard reads the same without recording a visit.
    assert advisory_home(advisor)["new"] == [later]


def test_opening_the_inbox_records_the_visit_and_the_dashboard_shows_the_home(advisor, advisor_client, network):
    AdvisoryVisit.objects.create(user=advisor, last_seen_at=timezone.now() - datetime.timedelta(days=2))
    SignalFactory(network=network, question="Nieuw sinds gisteren", sent_at=timezone.now() - datetime.timedelta(days=1))
    SignalFactory(network=network, question="Al eerder gezien", sent_at=timezone.now() - datetime.timedelta(days=5))
    dashboard = advisor_client.get(reverse("dashboard")).content.decode()
    assert "Nieuw sinds je laatste bezoek" in dashboard
    assert "Nieuw sinds gisteren" in dashboard and "Al eerder gezien" not in dashboard
    content = _inbox(advisor_client)
    assert AdvisoryVisit.objects.get(user=advisor).last_seen_at > timezone.now() - datetime.timedelta(minutes=1)
    home = content.split("Nieuw sinds je laatste bezoek")[1].split("</section>")[0]
    assert "Nieuw sinds gisteren" in home and "Al eerder gezien" not in home


def test_network_users_have_no_advisory_home(coach_client, coach, network):
    SignalFactory(network=network, kind=SignalKind.STUCK, theme=Theme.COORDINATION)
    assert coach_client.get(reverse("adviesgroep:inbox")).status_code == 404
    assert not AdvisoryVisit.objects.exists()
    assert advisory_home(coach)["new"] == [] and Signal.objects.exists()
