"""Confidential notes: the rest of the network sees that a note exists, by whom and when, not its text."""

import pytest
from django.urls import reverse

from networks.models import Note


@pytest.fixture
def confidential_note(network, coach):
    return Note.objects.create(
        network=network, author=coach, organisation=coach.organisation, text="Ahmad slaapt slecht", confidential=True
    )


def network_page(client, network):
    return client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk})).content.decode()


def test_a_member_adds_a_note_on_the_network(coach_client, network, coach):
    url = reverse("networks:note_create", kwargs={"network_pk": network.pk})
    assert coach_client.get(url).status_code == 200
    response = coach_client.post(url, {"text": "Ahmad wil naar de voetbalclub", "confidential": "on"})
    assert response.status_code == 302
    note = Note.objects.get()
    assert note.author == coach and note.organisation == coach.organisation and note.confidential


def test_an_empty_note_is_refused_with_a_message(coach_client, network):
    response = coach_client.post(reverse("networks:note_create", kwargs={"network_pk": network.pk}), {"text": "  "})
    assert response.status_code == 200 and response.context["form"].errors
    assert not Note.objects.exists()


def test_other_members_see_that_a_confidential_note_exists_but_not_its_text(
    client, network, confidential_note, guardian
):
    client.force_login(guardian)
    html = network_page(client, network)
    section = html.split('data-testid="notes-section"', 1)[1]
    assert 'data-testid="note-text-hidden"' in section
    assert "Sara Vermeulen" in section and "Atheneum Gent-Zuid" in section  # by whom, from which organisation
    assert "Ahmad slaapt slecht" not in html


def test_the_authors_organisation_reads_the_confidential_note(coach_client, network, confidential_note):
    assert "Ahmad slaapt slecht" in network_page(coach_client, network)


def test_a_normal_note_is_read_by_the_whole_network(client, network, coach, guardian):
    Note.objects.create(network=network, author=coach, organisation=coach.organisation, text="Stage gevonden")
    client.force_login(guardian)
    assert "Stage gevonden" in network_page(client, network)


def test_outsiders_get_404_and_anonymous_users_the_login_page(client, outsider, network):
    url = reverse("networks:note_create", kwargs={"network_pk": network.pk})
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "x"}).status_code == 404
    assert not Note.objects.exists()


def test_the_notes_on_the_network_page_do_not_grow_the_queries(
    coach_client, network, coach, guardian, django_assert_max_num_queries
):
    for i in range(3):
        Note.objects.create(network=network, author=guardian, organisation=guardian.organisation, text=f"n{i}")
    coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk}))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk}))
    for i in range(20):
        Note.objects.create(
            network=network, author=coach, organisation=coach.organisation, text=f"m{i}", confidential=True
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk}))
