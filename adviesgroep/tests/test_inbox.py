"""The advisory group's inbox: statuses, reviewer, filters, and a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from adviesgroep.models import Signal, SignalKind, SignalStatus, Theme
from adviesgroep.selectors import Quarter
from adviesgroep.tests.factories import SignalFactory
from networks.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_advisor_sees_every_networks_signals_in_the_inbox(advisor_client, signal, other_signal):
    response = advisor_client.get(reverse("adviesgroep:inbox"))
    assert response.status_code == 200
    assert set(response.context["page_obj"]) == {signal, other_signal}


def test_the_inbox_shows_no_youths_name(advisor_client, signal):
    content = advisor_client.get(reverse("adviesgroep:inbox")).content.decode()
    assert "Ahmad" not in content and "Rahimi" not in content
    content = advisor_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})).content.decode()
    assert "Ahmad" not in content and "Rahimi" not in content


@pytest.mark.parametrize("url_name", ["adviesgroep:inbox", "adviesgroep:aggregation", "adviesgroep:stats"])
def test_network_users_get_404_on_the_advisory_pages(coach_client, url_name):
    assert coach_client.get(reverse(url_name)).status_code == 404


@pytest.mark.parametrize(
    "url_name", ["adviesgroep:inbox", "adviesgroep:aggregation", "adviesgroep:stats", "adviesgroep:aggregation_csv"]
)
def test_anonymous_users_go_to_the_login_page_for_the_advisory_pages(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_filters_by_kind_theme_category_and_status(advisor_client, network, category, other_category):
    wanted = SignalFactory(network=network, kind=SignalKind.POLICY, theme=Theme.PREJUDICE, categories=[category])
    SignalFactory(network=network, kind=SignalKind.STUCK, theme=Theme.PREJUDICE, categories=[category])
    SignalFactory(network=network, kind=SignalKind.POLICY, theme=Theme.MOTIVATION, categories=[category])
    SignalFactory(network=network, kind=SignalKind.POLICY, theme=Theme.PREJUDICE, categories=[other_category])
    SignalFactory(
        network=network,
        kind=SignalKind.POLICY,
        theme=Theme.PREJUDICE,
        categories=[category],
        status=SignalStatus.CLOSED,
    )
    params = {"kind": "policy", "theme": "prejudice", "category": category.pk, "status": "new"}
    response = advisor_client.get(reverse("adviesgroep:inbox"), params)
    assert list(response.context["page_obj"]) == [wanted]


def test_filter_by_period_this_and_last_quarter(advisor_client, network):
    this = Quarter.current()
    recent = SignalFactory(network=network, sent_at=this.start_at + datetime.timedelta(hours=1))
    older = SignalFactory(network=network, sent_at=this.previous.start_at + datetime.timedelta(hours=1))
    SignalFactory(network=network, sent_at=this.previous.previous.start_at + datetime.timedelta(hours=1))
    response = advisor_client.get(reverse("adviesgroep:inbox"), {"period": "this"})
    assert list(response.context["page_obj"]) == [recent]
    response = advisor_client.get(reverse("adviesgroep:inbox"), {"period": "last"})
    assert list(response.context["page_obj"]) == [older]


def test_filter_by_dates_and_a_wrong_period_is_explained(advisor_client, network):
    day = timezone.localdate() - datetime.timedelta(days=10)
    inside = SignalFactory(network=network, sent_at=timezone.now() - datetime.timedelta(days=10))
    SignalFactory(network=network, sent_at=timezone.now() - datetime.timedelta(days=40))
    response = advisor_client.get(reverse("adviesgroep:inbox"), {"sent_from": day.isoformat(), "sent_until": day})
    assert list(response.context["page_obj"]) == [inside]
    response = advisor_client.get(
        reverse("adviesgroep:inbox"), {"sent_from": day.isoformat(), "sent_until": day - datetime.timedelta(days=1)}
    )
    assert "sent_until" in response.context["form"].errors


def test_assigning_a_reviewer_puts_a_new_signal_in_review(advisor_client, advisor, signal):
    response = advisor_client.post(
        reverse("adviesgroep:signal_assign", kwargs={"signal_pk": signal.pk}), {"reviewer": advisor.pk}
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.reviewer == advisor
    assert signal.status == SignalStatus.IN_REVIEW


def test_only_advisory_members_can_be_reviewers(advisor_client, coach, signal):
    advisor_client.post(reverse("adviesgroep:signal_assign", kwargs={"signal_pk": signal.pk}), {"reviewer": coach.pk})
    signal.refresh_from_db()
    assert signal.reviewer is None


def test_the_status_moves_through_the_inbox(advisor_client, signal):
    advisor_client.post(reverse("adviesgroep:signal_status", kwargs={"signal_pk": signal.pk}), {"status": "closed"})
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CLOSED


@pytest.mark.parametrize(
    "url_name", ["adviesgroep:signal_assign", "adviesgroep:signal_status", "adviesgroep:signal_answer"]
)
def test_network_members_cannot_review_their_own_signal(coach_client, signal, url_name):
    data = {"status": "closed", "reviewer": "", "text": "Zelf beantwoord"}
    assert coach_client.post(reverse(url_name, kwargs={"signal_pk": signal.pk}), data).status_code == 404
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW
    assert not signal.advice.exists()


@pytest.mark.parametrize(
    "url_name", ["adviesgroep:signal_assign", "adviesgroep:signal_status", "adviesgroep:signal_answer"]
)
def test_changes_to_a_signal_need_post(advisor_client, signal, url_name):
    assert advisor_client.get(reverse(url_name, kwargs={"signal_pk": signal.pk})).status_code == 405


def test_the_inbox_with_5000_signals_stays_within_a_query_ceiling(
    advisor_client, network, other_network, category, other_category, django_assert_max_num_queries
):
    reviewer = UserFactory(is_advisory=True)
    now = timezone.now()
    signals = Signal.objects.bulk_create(
        Signal(
            network=network if index % 2 else other_network,
            kind=SignalKind.values[index % 4],
            theme=Theme.values[index % 4],
            status=SignalStatus.values[index % 5],
            question=f"Vraag {index}",
            case_summary="Jongere: A.",
            reviewer=reviewer if index % 3 else None,
            sent_at=now - datetime.timedelta(hours=index),
        )
        for index in range(5000)
    )
    through = Signal.categories.through
    through.objects.bulk_create(
        through(signal_id=signal.pk, barriercategory_id=(category if i % 2 else other_category).pk)
        for i, signal in enumerate(signals)
    )
    assert Signal.objects.count() == 5000
    url = reverse("adviesgroep:inbox")
    with django_assert_max_num_queries(14):  # + the visit, the home lists ("assigned to me", "new") and the reach
        response = advisor_client.get(url)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 5000
    with django_assert_max_num_queries(14):  # + the visit, the home lists ("assigned to me", "new") and the reach
        response = advisor_client.get(url, {"category": category.pk, "period": "this", "page": 3})
    assert response.status_code == 200
