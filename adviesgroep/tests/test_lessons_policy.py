"""The knowledge base for everybody; lessons and feedback to policy kept by the advisory group."""

import pytest
from django.urls import reverse

from adviesgroep.models import Lesson, PolicyFeedback, SignalKind, SignalStatus
from adviesgroep.tests.factories import LessonFactory, SignalFactory

pytestmark = pytest.mark.django_db


def test_every_logged_in_user_reads_and_searches_the_knowledge_base(coach_client, outsider_client, advisor_client):
    wanted = LessonFactory(title="Studiekeuze met tolk", body="Informeer met een tolk.", tags="studiekeuze")
    LessonFactory(title="Eerst welzijn en slaap", body="Slaap eerst.")
    for client in (coach_client, outsider_client, advisor_client):
        response = client.get(reverse("adviesgroep:lesson_list"), {"q": "tolk"})
        assert response.status_code == 200
        assert list(response.context["page_obj"]) == [wanted]
        assert client.get(reverse("adviesgroep:lesson_detail", kwargs={"lesson_pk": wanted.pk})).status_code == 200


def test_the_knowledge_base_filters_on_theme_category_and_success_stories(coach_client, category):
    story = LessonFactory(theme="motivation", is_success_story=True)
    story.categories.set([category])
    LessonFactory(theme="motivation")
    LessonFactory(theme="choices", is_success_story=True)
    params = {"theme": "motivation", "category": category.pk, "success_stories": "on"}
    response = coach_client.get(reverse("adviesgroep:lesson_list"), params)
    assert list(response.context["page_obj"]) == [story]


def test_anonymous_users_go_to_the_login_page_for_the_knowledge_base(client):
    lesson = LessonFactory()
    for url in (
        reverse("adviesgroep:lesson_list"),
        reverse("adviesgroep:lesson_detail", kwargs={"lesson_pk": lesson.pk}),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_knowledge_base_list_stays_within_a_query_ceiling(coach_client, category, django_assert_max_num_queries):
    for _ in range(40):
        LessonFactory().categories.set([category])
    with django_assert_max_num_queries(10):
        assert coach_client.get(reverse("adviesgroep:lesson_list")).status_code == 200


def test_the_group_keeps_a_lesson_from_a_signal(advisor_client, advisor, signal, category):
    signal.kind = SignalKind.SUCCESS
    signal.save(update_fields=["kind"])
    form_page = advisor_client.get(reverse("adviesgroep:lesson_create"), {"signal": signal.pk})
    assert form_page.context["form"].initial["is_success_story"] is True
    data = {
        "title": "Een buddy die mee naar school gaat",
        "body": "Een vrijwilliger ging de eerste weken mee.",
        "theme": "motivation",
        "categories": [category.pk],
        "tags": "buddy",
        "is_success_story": "on",
        "source_signal": signal.pk,
    }
    response = advisor_client.post(reverse("adviesgroep:lesson_create"), data)
    lesson = Lesson.objects.get()
    assert response.status_code == 302
    assert lesson.created_by == advisor and lesson.source_signal == signal
    assert list(lesson.categories.all()) == [category]


def test_a_signal_that_shares_more_cannot_be_published_as_a_success_story(advisor_client, signal):
    signal.share_more = True
    signal.save(update_fields=["share_more"])
    data = {"title": "Verhaal", "body": "Tekst", "is_success_story": "on", "source_signal": signal.pk}
    response = advisor_client.post(reverse("adviesgroep:lesson_create"), data)
    assert response.status_code == 200
    assert "source_signal" in response.context["form"].errors
    assert not Lesson.objects.exists()


def test_network_users_cannot_write_lessons(coach_client):
    lesson = LessonFactory()
    assert coach_client.get(reverse("adviesgroep:lesson_create")).status_code == 404
    assert coach_client.post(reverse("adviesgroep:lesson_create"), {"title": "x", "body": "y"}).status_code == 404
    assert coach_client.get(reverse("adviesgroep:lesson_update", kwargs={"lesson_pk": lesson.pk})).status_code == 404


def test_feedback_to_policy_is_recorded_and_its_signals_marked(advisor_client, advisor, signal, other_signal):
    data = {
        "given_on": "2026-10-15",
        "recipient": "Kernteam Lokaal Sociaal Beleid Gent",
        "summary": "Groeipakket preventief inhouden.",
        "signal_numbers": f"{signal.pk}, #{other_signal.pk}",
    }
    response = advisor_client.post(reverse("adviesgroep:policy_create"), data)
    assert response.status_code == 302
    feedback = PolicyFeedback.objects.get()
    assert set(feedback.signals.all()) == {signal, other_signal}
    assert feedback.recorded_by == advisor
    signal.refresh_from_db()
    assert signal.status == SignalStatus.FED_BACK
    assert advisor_client.get(reverse("adviesgroep:policy_list")).status_code == 200


def test_unknown_signal_numbers_are_refused_and_the_input_kept(advisor_client, signal):
    data = {"given_on": "2026-10-15", "recipient": "Stad Gent", "summary": "Iets", "signal_numbers": "999999"}
    response = advisor_client.post(reverse("adviesgroep:policy_create"), data)
    assert response.status_code == 200
    assert "signal_numbers" in response.context["form"].errors
    assert "Stad Gent" in response.content.decode()
    assert not PolicyFeedback.objects.exists()


def test_network_users_get_404_on_the_policy_pages(coach_client):
    assert coach_client.get(reverse("adviesgroep:policy_list")).status_code == 404
    assert coach_client.get(reverse("adviesgroep:policy_create")).status_code == 404


def test_the_policy_list_stays_within_a_query_ceiling(advisor_client, network, django_assert_max_num_queries):
    from adviesgroep.tests.factories import PolicyFeedbackFactory

    for _ in range(20):
        PolicyFeedbackFactory().signals.set([SignalFactory(network=network), SignalFactory(network=network)])
    with django_assert_max_num_queries(10):
        assert advisor_client.get(reverse("adviesgroep:policy_list")).status_code == 200
