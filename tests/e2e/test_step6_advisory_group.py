"""Step 6 of the playbook: a barrier the network cannot remove goes to the advisory group, which answers."""

import pytest

from actionplans.models import BarrierCategory
from adviesgroep.models import Signal

from .helpers import choose, field, status_text

pytestmark = pytest.mark.browser


def test_coach_sends_a_barrier_as_a_signal_and_the_advisory_group_answers_it(
    page, url, log_in, follow, visit, audit, coach, advisor, network
):
    BarrierCategory.objects.get_or_create(name="Instaptesten", defaults={"slug": "instaptesten-e2e", "order": 5})
    log_in(coach)
    visit(url("actionplans:plan_detail", network.pk))
    follow(page.get_by_role("link", name="Drempel toevoegen"))
    field(page, "categorie").select_option(label="Instaptesten")
    field(page, "beschrijving").fill("Ahmad slaagt niet voor de instaptest van de opleiding elektricien door de taal.")
    choose(field(page, "wie helpt ze wegwerken"), "Karim El Idrissi")
    follow(page.get_by_role("button", name="Bewaren"))
    assert "De drempel werd toegevoegd." in status_text(page)

    visit(url("networks:network_detail", network.pk))
    advisory = page.get_by_role("region", name="Adviesgroep")
    follow(advisory.get_by_role("button", name="Als signaal versturen"))
    summary = field(page, "Samenvatting van de casus (gepseudonimiseerd)").input_value()
    assert "Jongere: A." in summary and "Rahimi" not in summary, "the signal is pseudonymised by default"
    assert field(page, "Soort signaal").locator("option:checked").inner_text() == "Structurele drempel"
    field(page, "Thema").select_option(index=1)
    field(page, "Vraag aan de adviesgroep").fill(
        "Hoe krijgen jongeren uit OKAN een instaptest in eenvoudig Nederlands? We vroegen het al aan de school."
    )
    follow(page.get_by_role("button", name="Signaal versturen"))
    assert "Je signaal werd naar de adviesgroep verstuurd." in status_text(page)
    signal = Signal.objects.get()

    follow(page.get_by_role("button", name="Afmelden"))
    log_in(advisor)
    follow(
        page.get_by_role("region", name="Binnengekomen signalen bij de adviesgroep").get_by_role(
            "link", name="Binnengekomen signalen openen"
        )
    )
    follow(page.get_by_role("table", name="Signalen").get_by_role("link", name=str(signal.pk), exact=True))
    assert page.url == url("adviesgroep:signal_detail", signal.pk)
    assert "Ahmad" not in page.get_by_role("main").inner_text(), "the advisory group never sees the youth's name"
    field(page, "Advies aan het netwerk").fill(
        "Vraag een instaptest met tolk aan; Jobteam Gent kent twee opleidingen die dat al doen."
    )
    follow(page.get_by_role("button", name="Advies naar het netwerk sturen"))
    assert "Je advies werd naar het netwerk verstuurd." in status_text(page)
    page.expected_404.add(url("networks:network_detail", network.pk))
    response = page.goto(url("networks:network_detail", network.pk))
    audit()
    assert response.status == 404, "the advisory group never opens the dossier"
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"

    visit(url("dashboard"))
    follow(page.get_by_role("button", name="Afmelden"))
    log_in(coach)
    assert "Nieuw advies van de adviesgroep" in page.get_by_role("main").inner_text()
    visit(url("networks:network_detail", network.pk))
    assert "Jobteam Gent kent twee opleidingen" in page.get_by_role("region", name="Adviesgroep").inner_text()
