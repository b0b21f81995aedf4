"""A network member sends a signal; the network sees its own signals and nobody else's."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from adviesgroep.models import Signal, SignalKind, SignalStatus, Theme
from adviesgroep.tests.factories import AdviceFactory, BarrierFactory, LessonFactory, SignalFactory
from networks.choices import NetworkStatus, TimelineKind
from networks.models import TimelineEntry

pytestmark = pytest.mark.django_db


def _signal_data(category, **overrides):
    data = {
        "kind": SignalKind.STRUCTURAL,
        "theme": Theme.CHOICES,
        "categories": [category.pk],
        "question": "Er is geen plaats in de gekozen richting. Wat kunnen we nog proberen?",
        "case_summary": "Jongere: A.\nLeeftijd: 16",
    }
    data.update(overrides)
    return data


def test_the_signal_form_is_prefilled_with_the_pseudonymised_summary(coach_client, network):
    response = coach_client.get(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}))
    assert response.status_code == 200
    summary = response.context["form"].initial["case_summary"]
    assert summary.startswith(signal_summary_for_prefix())
    assert "Ahmad" not in summary and "Rahimi" not in summary


def signal_summary_for_prefix():
    from django.utils.translation import gettext

    return gettext("Youth: %(initial)s") % {"initial": "A."}


def test_a_member_sends_a_signal_and_it_lands_in_the_timeline(coach_client, network, coach, category):
    response = coach_client.post(
        reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), _signal_data(category)
    )
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})
    assert signal.network == network
    assert signal.sent_by == coach
    assert signal.status == SignalStatus.NEW
    assert list(signal.categories.all()) == [category]
    assert TimelineEntry.objects.filter(network=network, kind=TimelineKind.SIGNAL).exists()


def test_a_summary_with_the_youths_name_is_refused_and_the_input_kept(coach_client, network, category):
    data = _signal_data(category, case_summary="Ahmad (16) wil naar het ASO.")
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert response.status_code == 200
    assert not Signal.objects.exists()
    assert "case_summary" in response.context["form"].errors
    assert "Ahmad (16) wil naar het ASO." in response.content.decode()


def test_a_network_that_chooses_to_share_more_may_name_the_youth(coach_client, network, category):
    data = _signal_data(category, case_summary="Ahmad (16) wil naar het ASO.", share_more="on")
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert response.status_code == 302
    assert Signal.objects.get().share_more is True


def test_a_signal_without_a_question_is_refused(coach_client, network, category):
    data = _signal_data(category, question="")
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert response.status_code == 200
    assert "question" in response.context["form"].errors
    assert not Signal.objects.exists()


def test_an_outsider_cannot_send_a_signal_for_a_network(outsider_client, network, category):
    url = reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk})
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, _signal_data(category)).status_code == 404
    assert not Signal.objects.exists()


def test_anonymous_users_are_sent_to_the_login_page(client, network, signal):
    for url in (
        reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}),
        reverse("adviesgroep:network_signal_list", kwargs={"network_pk": network.pk}),
        reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_a_closed_network_sends_no_signal(coach_client, network, category):
    network.status = NetworkStatus.CLOSED
    network.save(update_fields=["status"])
    url = reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk})
    coach_client.post(url, _signal_data(category))
    assert not Signal.objects.exists()


def test_a_barrier_in_the_plan_becomes_a_prefilled_signal_form_in_one_click(coach_client, network, category):
    barrier = BarrierFactory(plan__network=network, category=category)
    response = coach_client.post(reverse("adviesgroep:signal_from_barrier", kwargs={"barrier_pk": barrier.pk}))
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert initial["kind"] == SignalKind.STRUCTURAL
    assert initial["categories"] == [category.pk]
    assert initial["question"] == barrier.description
    assert initial["source_barrier"] == barrier.pk
    assert not Signal.objects.exists()


def test_the_signal_sent_from_a_barrier_remembers_the_barrier(coach_client, network, category):
    barrier = BarrierFactory(plan__network=network, category=category)
    data = _signal_data(category, source_barrier=barrier.pk)
    coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert Signal.objects.get().source_barrier == barrier


def test_a_barrier_of_another_network_cannot_be_attached(coach_client, network, other_network, category):
    foreign = BarrierFactory(plan__network=other_network, category=category)
    data = _signal_data(category, source_barrier=foreign.pk)
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert response.status_code == 200
    assert not Signal.objects.exists()


def test_turning_a_barrier_into_a_signal_needs_post_and_membership(coach_client, outsider_client, network, category):
    barrier = BarrierFactory(plan__network=network, category=category)
    url = reverse("adviesgroep:signal_from_barrier", kwargs={"barrier_pk": barrier.pk})
    assert coach_client.get(url).status_code == 405
    assert outsider_client.post(url).status_code == 404


def test_members_see_their_networks_signals_with_the_advice(coach_client, network, signal, other_signal):
    AdviceFactory(signal=signal, text="Vraag het LOP om bemiddeling.")
    response = coach_client.get(reverse("adviesgroep:network_signal_list", kwargs={"network_pk": network.pk}))
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [signal]
    assert "Vraag het LOP om bemiddeling." in response.content.decode()
    assert coach_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})).status_code == 200


def test_members_get_404_on_another_networks_signal(coach_client, other_network, other_signal):
    assert (
        coach_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": other_signal.pk})).status_code == 404
    )
    url = reverse("adviesgroep:network_signal_list", kwargs={"network_pk": other_network.pk})
    assert coach_client.get(url).status_code == 404


def test_a_published_success_story_reaches_other_networks_as_a_lesson(coach_client, other_signal):
    other_signal.kind = SignalKind.SUCCESS
    other_signal.save(update_fields=["kind"])
    lesson = LessonFactory(
        title="Een buddy die mee naar school gaat", is_success_story=True, source_signal=other_signal
    )
    response = coach_client.get(reverse("adviesgroep:lesson_detail", kwargs={"lesson_pk": lesson.pk}))
    assert response.status_code == 200
    assert (
        coach_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": other_signal.pk})).status_code == 404
    )


def test_the_network_section_offers_the_button_and_lists_the_networks_signals(network, coach, signal, category):
    BarrierFactory(plan__network=network, category=category, description="Wachtlijst psycholoog")
    other = SignalFactory(question="Een vraag van een ander netwerk")
    request = RequestFactory().get("/")
    request.user = coach
    html = render_to_string(
        "adviesgroep/_network_section.html", {"network": network, "user": coach, "request": request}
    )
    assert reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}) in html
    assert "Wachtlijst psycholoog" in html
    assert signal.question in html
    assert other.question not in html


def test_the_network_signal_list_stays_within_a_query_ceiling(
    coach_client, network, category, django_assert_max_num_queries
):
    for _ in range(30):
        AdviceFactory(signal=SignalFactory(network=network, categories=[category]))
    url = reverse("adviesgroep:network_signal_list", kwargs={"network_pk": network.pk})
    with django_assert_max_num_queries(12):
        assert coach_client.get(url).status_code == 200


def test_the_network_page_shows_the_send_a_signal_button_and_the_advice(coach_client, network, signal):
    AdviceFactory(signal=signal, text="Vraag het LOP om bemiddeling.")
    response = coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk}))
    content = response.content.decode()
    assert reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}) in content
    assert "Vraag het LOP om bemiddeling." in content
