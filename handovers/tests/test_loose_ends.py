"""Step 5's loose ends: withdraw a waiting handover, the leaver's page after handing over, and the
turning-18 checklist made of explicit confirmations."""

import pytest
from django.core import mail
from django.urls import reverse

from actionplans.models import BarrierStatus
from adviesgroep.tests.factories import BarrierCategoryFactory, BarrierFactory
from handovers.models import Handover, HandoverStatus, TransitionConfirmation, TransitionDomain
from handovers.services import handover_accept, handover_withdraw
from handovers.turning18 import transition_checklist
from networks.choices import MemberRole, TimelineKind
from networks.models import TimelineEntry
from networks.services import network_add_member
from networks.tests.factories import OrganisationFactory, SupporterFactory

pytestmark = pytest.mark.django_db


def _withdraw_url(handover):
    return reverse("handovers:handover_withdraw", args=[handover.pk])


# --- withdraw a waiting handover ------------------------------------------------------------------


def test_the_lead_withdraws_a_waiting_handover_the_successor_is_mailed_and_the_timeline_says_so(
    coach_client, pending_handover, successor, django_capture_on_commit_callbacks
):
    detail = coach_client.get(reverse("handovers:handover_detail", args=[pending_handover.pk])).content.decode()
    assert _withdraw_url(pending_handover) in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(_withdraw_url(pending_handover))
    assert response.status_code == 302
    assert response.url == reverse("networks:network_detail", args=[pending_handover.network_id])
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.WITHDRAWN
    entry = TimelineEntry.objects.filter(network=pending_handover.network, kind=TimelineKind.HANDOVER).latest("pk")
    assert "ingetrokken" in entry.summary
    (message,) = [m for m in mail.outbox if successor.email in m.to]
    assert "ingetrokken" in message.subject
    assert "Rahimi" not in message.body  # initials only


def test_a_withdrawn_handover_is_closed_to_the_successor_and_the_leaver_may_propose_again(
    client, pending_handover, successor, coach
):
    handover_withdraw(handover=pending_handover, by=coach)
    client.force_login(successor)
    assert client.get(reverse("handovers:handover_detail", args=[pending_handover.pk])).status_code == 404
    # The one waiting handover per leaver is free again.
    assert not Handover.objects.pending().filter(leaver=pending_handover.leaver).exists()


def test_withdrawing_needs_post_and_the_successor_or_an_outsider_cannot(
    client, coach_client, outsider, pending_handover, successor
):
    assert coach_client.get(_withdraw_url(pending_handover)).status_code == 405
    client.force_login(successor)
    assert client.post(_withdraw_url(pending_handover)).status_code == 404
    client.force_login(outsider)
    assert client.post(_withdraw_url(pending_handover)).status_code == 404
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.PROPOSED


def test_a_member_who_did_not_propose_cannot_withdraw(client, guardian, pending_handover):
    client.force_login(guardian)
    detail = client.get(reverse("handovers:handover_detail", args=[pending_handover.pk])).content.decode()
    assert _withdraw_url(pending_handover) not in detail
    client.post(_withdraw_url(pending_handover))
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.PROPOSED


def test_an_answered_handover_cannot_be_withdrawn(coach_client, pending_handover, successor):
    handover_accept(handover=pending_handover, by=successor)
    coach_client.post(_withdraw_url(pending_handover))
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.ACCEPTED


# --- the leaver after handing over ---------------------------------------------------------------


def test_the_leaver_reads_whom_they_handed_over_to_and_an_outsider_still_gets_the_plain_404(
    client, pending_handover, successor, vdab, outsider
):
    handover_accept(handover=pending_handover, by=successor)
    url = reverse("handovers:handover_detail", args=[pending_handover.pk])
    client.force_login(vdab)
    content = client.get(url).content.decode()
    assert "Je hebt A. R. overgedragen aan Nina Jacobs" in content
    client.force_login(outsider)
    not_found = client.get(url)
    missing = client.get(reverse("handovers:handover_detail", args=[pending_handover.pk + 1000]))
    assert not_found.status_code == missing.status_code == 404
    # Nothing tells an existing handover from none.
    for response in (not_found, missing):
        text = response.content.decode()
        assert "overgedragen" not in text and "Nina" not in text and "A. R." not in text


# --- turning 18: explicit confirmations ----------------------------------------------------------


def _confirm(client, network, domain, note="", undo=False):
    data = {"domain": domain, "note": note}
    if undo:
        data["undo"] = "1"
    return client.post(reverse("handovers:transition_confirm", args=[network.pk]), data)


def test_staying_after_18_confirms_nothing_until_a_member_confirms_with_a_note(coach_client, coach, network):
    caw = OrganisationFactory(name="CAW Oost-Vlaanderen")
    eva = SupporterFactory(first_name="Eva", last_name="Goossens", organisation=caw)
    network_add_member(network=network, supporter=eva, role=MemberRole.OTHER, continues_after_18=True)
    money = {item.domain: item for item in transition_checklist(network).items}[TransitionDomain.MONEY]
    assert not money.done and not money.confirmed

    response = _confirm(
        coach_client, network, TransitionDomain.MONEY, note="Bankrekening geopend, leefloon aangevraagd."
    )
    assert response.status_code == 302
    money = {item.domain: item for item in transition_checklist(network).items}[TransitionDomain.MONEY]
    assert money.done
    assert money.confirmation.confirmed_by == coach
    assert money.confirmation.note == "Bankrekening geopend, leefloon aangevraagd."
    page = coach_client.get(reverse("handovers:transition_checklist", args=[network.pk])).content.decode()
    assert "Bevestigd door Sara Vermeulen op" in page and "leefloon aangevraagd" in page
    assert TimelineEntry.objects.filter(network=network, summary__contains="Groeipakket").exists()


def test_an_open_barrier_in_the_domain_keeps_the_item_on_attention_even_when_confirmed(coach_client, network):
    _confirm(coach_client, network, TransitionDomain.MONEY, note="Groeipakket loopt door.")
    money_category = BarrierCategoryFactory(slug="money-groeipakket", name="Geld en Groeipakket")
    barrier = BarrierFactory(plan__network=network, category=money_category, description="Groeipakket stopgezet")
    item = {i.domain: i for i in transition_checklist(network).items}[TransitionDomain.MONEY]
    assert item.confirmed and item.needs_attention and not item.done
    page = coach_client.get(reverse("handovers:transition_checklist", args=[network.pk])).content.decode()
    assert "Vraagt aandacht" in page and "Groeipakket stopgezet" in page
    barrier.status = BarrierStatus.REMOVED
    barrier.save(update_fields=["status"])
    assert {i.domain: i for i in transition_checklist(network).items}[TransitionDomain.MONEY].done


def test_a_confirmation_can_be_taken_back(coach_client, network):
    _confirm(coach_client, network, TransitionDomain.HOUSING, note="Studio vanaf maart.")
    _confirm(coach_client, network, TransitionDomain.HOUSING, undo=True)
    assert not TransitionConfirmation.objects.exists()


def test_confirming_needs_post_and_membership(client, coach, outsider, network):
    url = reverse("handovers:transition_confirm", args=[network.pk])
    client.force_login(coach)
    assert client.get(url).status_code == 405
    client.force_login(outsider)
    assert _confirm(client, network, TransitionDomain.MONEY, note="x").status_code == 404
    assert not TransitionConfirmation.objects.exists()


def test_the_checklist_stays_within_a_fixed_number_of_queries(network, django_assert_num_queries):
    for domain in (TransitionDomain.MONEY, TransitionDomain.HOUSING):
        TransitionConfirmation.objects.create(network=network, domain=domain)
    for _index in range(3):
        BarrierFactory(plan__network=network)
    network = type(network).objects.select_related("youth").get(pk=network.pk)
    with django_assert_num_queries(3):
        checklist = transition_checklist(network)
        [item.done for item in checklist.items]
