"""Step 5 of the playbook: the warm handover — the successor logs in, reads the note and accepts."""

import datetime

import pytest
from django.utils import timezone

from handovers.models import Handover
from networks.models import CareNetwork

from .helpers import choose, field, status_text

pytestmark = pytest.mark.browser


def test_coach_hands_over_to_a_successor_who_logs_in_and_accepts(
    page, url, log_in, follow, visit, coach, outsider, network
):
    log_in(coach)
    visit(url("networks:network_detail", network.pk))
    follow(page.get_by_role("link", name="Warme overdracht starten"))

    choose(field(page, "Wie vertrekt"), "Sara Vermeulen")
    field(page, "Reden").select_option(label="Schoolwissel")
    field(page, "Datum van overdracht").fill((timezone.localdate() + datetime.timedelta(days=7)).isoformat())
    choose(field(page, "Kies de opvolger"), "Lotte Claes")
    field(page, "Rol van de opvolger in dit netwerk").select_option(label="Schoolcoach")
    page.get_by_label("De jongere geeft toestemming om informatie te delen met de organisatie van de opvolger").check()
    field(page, "Overdrachtsnota").fill("Ahmad heeft baat bij korte, vaste afspraken. Let op examenstress.")
    page.get_by_label("De opvolger werd voorgesteld aan de jongere").check()
    page.get_by_label("De opvolger kent het volgende overleg").check()
    follow(page.get_by_role("button", name="Overdracht voorstellen"))
    assert "De overdracht is voorgesteld aan Lotte Claes" in status_text(page)
    handover = Handover.objects.get(network=network)

    follow(page.get_by_role("button", name="Afmelden"))
    log_in(outsider)
    handovers = page.get_by_role("region", name="Warme overdrachten")
    follow(
        handovers.get_by_role("link", name="Sara Vermeulen vraagt je om over te nemen in het netwerk van Ahmad Rahimi")
    )
    assert page.url == url("handovers:handover_detail", handover.pk)
    assert (
        "Ahmad heeft baat bij korte, vaste afspraken" in page.get_by_role("region", name="Overdrachtsnota").inner_text()
    )

    follow(page.get_by_role("button", name="Aanvaarden en lid worden van het netwerk"))
    assert "Je bent nu lid van het netwerk. Welkom!" in status_text(page)
    visit(url("networks:network_detail", network.pk))
    members = page.get_by_role("region", name="Leden").get_by_role("table").inner_text()
    assert "Lotte Claes" in members and "Sara Vermeulen" not in members

    assert CareNetwork.objects.visible_to(outsider).filter(pk=network.pk).exists()
    assert not CareNetwork.objects.visible_to(coach).filter(pk=network.pk).exists(), "access moved with the handover"
