"""The pages of step 5's loose ends and step 6's loop, audited in the browser (axe-core, 320 px)."""

import pytest

from adviesgroep.tests.factories import AdviceFactory, BarrierFactory, SignalFactory
from handovers.models import TransitionDomain
from handovers.services import handover_accept, transition_confirm

pytestmark = pytest.mark.browser


def test_a_member_takes_advice_up_and_confirms_a_turning_18_item(page, url, log_in, visit, follow, coach, network):
    barrier = BarrierFactory(plan__network=network, description="Geen plaats in de gekozen richting.")
    signal = SignalFactory(network=network, sent_by=coach, categories=[barrier.category], source_barrier=barrier)
    AdviceFactory(signal=signal, text="Vraag het LOP om bemiddeling.")
    transition_confirm(network=network, domain=TransitionDomain.HOUSING, note="Studio vanaf maart.", by=coach)
    log_in(coach)
    visit(url("networks:network_detail", network.pk))
    assert page.get_by_text(f"gesignaleerd (signaal {signal.pk}, nieuw)").count() == 1
    visit(url("adviesgroep:signal_detail", signal.pk))
    page.get_by_text("Maak van dit advies een actie in het plan").click()
    page.get_by_label("wie neemt het op").select_option(index=1)
    page.get_by_label("uiterste datum").fill("2099-01-31")
    page.get_by_label("domein").select_option(index=1)
    follow(page.get_by_role("button", name="Als actie toevoegen"))
    assert "/actieplan" in page.url, page.url
    visit(url("handovers:transition_checklist", network.pk))
    assert page.get_by_text("Bevestigd door Sara Vermeulen").count() == 1


def test_the_advisory_home_and_the_leavers_page(
    page, url, log_in, visit, advisor, network, pending_handover, successor, vdab
):
    SignalFactory(network=network, reviewer=advisor, question="Wie helpt met de inschrijving?")
    log_in(advisor)
    visit(url("adviesgroep:inbox"))
    assert page.get_by_role("heading", name="Aan mij toegewezen").count() == 1
    handover_accept(handover=pending_handover, by=successor)
    page.context.clear_cookies()
    log_in(vdab)
    visit(url("handovers:handover_detail", pending_handover.pk))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Je hebt A. R. overgedragen")
