"""Closing a network with a reason and a final note; read-only; reopening."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from handovers.models import Handover, HandoverReason, HandoverStatus
from handovers.services import handover_start, network_close, network_reopen
from networks.choices import ClosureReason, MemberRole, NetworkStatus
from networks.models import CareNetwork
from networks.tests.factories import CareNetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def _close(network, by):
    return network_close(network=network, reason=ClosureReason.SUSTAINABLE_PLAN, note="Ahmad werkt nu.", by=by)


def _visible(user, network):
    return CareNetwork.objects.visible_to(user).filter(pk=network.pk).exists()


def _close_data(**overrides):
    data = {"closure_reason": ClosureReason.SUSTAINABLE_PLAN, "closure_note": "Duurzaam plan bereikt.", "confirm": "on"}
    data.update(overrides)
    return data


def test_the_lead_closes_the_network_with_a_reason_and_a_final_note(network, coach_client):
    url = reverse("handovers:network_close", args=[network.pk])
    assert coach_client.get(url).status_code == 200
    response = coach_client.post(url, _close_data())
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.status == NetworkStatus.CLOSED
    assert network.closure_reason == ClosureReason.SUSTAINABLE_PLAN
    assert network.closure_note == "Duurzaam plan bereikt."
    assert network.ended_on is not None


def test_closing_needs_a_final_note_and_a_confirmation_and_keeps_the_input(network, coach_client):
    url = reverse("handovers:network_close", args=[network.pk])
    response = coach_client.post(url, _close_data(closure_note="", confirm=""))
    assert response.status_code == 200
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE
    assert ClosureReason.SUSTAINABLE_PLAN in response.content.decode()


def test_access_ends_for_all_organisations_but_the_leads(network, coach, guardian, vdab):
    _close(network, coach)
    assert _visible(coach, network)
    assert not _visible(guardian, network)
    assert not _visible(vdab, network)


def test_a_closed_network_refuses_edits_with_a_clear_message(network, coach, coach_client):
    _close(network, coach)
    response = coach_client.post(
        reverse("handovers:handover_start", args=[network.pk]),
        {"leaver": network.lead_id, "reason": HandoverReason.NEW_JOB, "note": "x"},
    )
    assert response.status_code == 302
    assert response.url == reverse("networks:network_detail", args=[network.pk])
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("closed and can no longer be changed" in message for message in messages)
    assert not Handover.objects.exists()
    assert coach_client.get(reverse("handovers:network_close", args=[network.pk])).status_code == 302


def test_a_closed_network_stays_readable_for_the_leads_organisation(network, coach, coach_client):
    _close(network, coach)
    response = coach_client.get(reverse("handovers:shared_dossier", args=[network.pk]))
    assert response.status_code == 200
    assert "Ahmad werkt nu." in response.content.decode()


def test_closing_cancels_waiting_handovers(network, coach, vdab):
    handover = handover_start(
        network=network,
        leaver=network.memberships.get(supporter__user=vdab),
        successor=network.lead.supporter,
        successor_role=MemberRole.JOB_COACH,
        reason=HandoverReason.TURNS_18,
        note="x",
        by=vdab,
    )
    _close(network, coach)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.CANCELLED


def test_only_the_leads_side_closes_other_members_get_403(network, client, guardian, outsider):
    url = reverse("handovers:network_close", args=[network.pk])
    client.force_login(guardian)
    assert client.get(url).status_code == 403
    assert client.post(url, _close_data()).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE


def test_close_page_needs_a_login(network, client):
    response = client.get(reverse("handovers:network_close", args=[network.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_reopening_restores_access_to_all_active_members(network, coach, coach_client, guardian, vdab):
    _close(network, coach)
    url = reverse("handovers:network_reopen", args=[network.pk])
    assert coach_client.get(url).status_code == 405
    coach_client.post(url)
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE
    assert network.ended_on is None
    assert _visible(guardian, network) and _visible(vdab, network)


def test_reopening_when_the_youth_has_another_open_network_gives_a_clear_message(network, coach, coach_client):
    _close(network, coach)
    CareNetworkFactory(youth=network.youth, status=NetworkStatus.ACTIVE)
    response = coach_client.post(reverse("handovers:network_reopen", args=[network.pk]))
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("already has another network that is open" in message for message in messages)
    network.refresh_from_db()
    assert network.status == NetworkStatus.CLOSED
    with pytest.raises(ValidationError):
        network_reopen(network=network, by=coach)


def test_reopen_is_404_for_outsiders_and_former_organisations(network, coach, client, outsider, vdab):
    _close(network, coach)
    url = reverse("handovers:network_reopen", args=[network.pk])
    response = client.post(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    for user in (outsider, vdab):
        client.force_login(user)
        assert client.post(url).status_code == 404
    network.refresh_from_db()
    assert network.status == NetworkStatus.CLOSED


def test_the_network_page_shows_the_closure_and_the_reopen_button(network, coach, coach_client):
    _close(network, coach)
    page = coach_client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    assert "Ahmad werkt nu." in page
    assert reverse("handovers:network_reopen", args=[network.pk]) in page


def test_closing_and_reopening_are_in_the_timeline(network, coach):
    _close(network, coach)
    network_reopen(network=network, by=coach)
    summaries = list(network.timeline.values_list("summary", flat=True))
    assert any("closed" in summary for summary in summaries)
    assert any("reopened" in summary for summary in summaries)
