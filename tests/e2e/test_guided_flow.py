"""The stappenplan as the coach's path: from "register a youth" to a plan with one action and a
next contact date, following the page's primary button (the next step) where it leads, counting
every page the browser loads. The README states the number (target: at most 12)."""

import datetime

import pytest
from django.utils import timezone

from accounts.choices import Sector
from networks.choices import MemberRole
from networks.services import network_add_member
from networks.tests.factories import OrganisationFactory, SupporterFactory
from youths.models import Youth

from .helpers import choose, field, status_text

pytestmark = pytest.mark.browser

# The number the README states ("Guided flow"); the target is at most 12.
PAGE_LOADS = 10


@pytest.fixture
def known_people(network):
    """Sara knows welfare and housing people from Ahmad's network: step 2 can be done in one sitting."""
    caw = OrganisationFactory(name="CAW Oost-Vlaanderen", sector=Sector.WELFARE)
    ndako = OrganisationFactory(name="Minor Ndako", sector=Sector.HOUSING)
    pieter = SupporterFactory(
        first_name="Pieter", last_name="Desmet", organisation=caw, function="Maatschappelijk assistent"
    )
    youssef = SupporterFactory(first_name="Youssef", last_name="Amrani", organisation=ndako, function="Woonbegeleider")
    network_add_member(network=network, supporter=pieter, role=MemberRole.SOCIAL_WORKER)
    network_add_member(network=network, supporter=youssef, role=MemberRole.HOUSING_COUNSELLOR)
    return [pieter, youssef]


def test_from_registering_a_youth_to_a_plan_with_an_action_and_a_next_contact(
    page, url, log_in, visit, follow, coach, guardian, vdab, network, known_people
):
    log_in(coach)
    visit(url("youths:youth_list"))
    loads = []
    page.on("load", lambda: loads.append(page.url))
    next_step = page.get_by_test_id("next-step")

    # Step 1: register the youth, then the first conversation (the dossier's main button).
    follow(page.get_by_role("link", name="Jongere inschrijven"))
    field(page, "Voornaam").fill("Yonas")
    field(page, "Achternaam").fill("Tesfay")
    field(page, "Geboortedatum").fill("2010-03-14")
    field(page, "Taal voor een tolk").fill("Tigrinya")
    follow(page.get_by_role("button", name="Bewaren"))
    youth = Youth.objects.get(first_name="Yonas")
    assert page.get_by_test_id("stappenplan").is_visible()
    assert next_step.inner_text() == "Eerste gesprek noteren"

    follow(next_step)
    field(page, "Noden en reden voor een netwerk").fill("Wil Nederlands leren en slaapt slecht.")
    page.get_by_label("De jongere gaat akkoord om een netwerk te starten").check()
    page.get_by_label("Datum van toestemming").fill(page.get_by_label("Datum van het gesprek").input_value())
    page.get_by_label("Uitgelegd door").fill("Sara (OKAN-coach) met tolk")
    follow(page.get_by_role("button", name="Bewaren"))
    network = youth.care_networks.get()
    assert page.url == url("networks:network_detail", network.pk)  # the next step: the network

    # Step 2 in one sitting: several known supporters at once, with the youth's consent to share.
    assert next_step.inner_text() == "Ondersteuners toevoegen"
    follow(next_step)
    assert page.get_by_test_id("interpreter-prompt").is_visible()
    for name in ("Jan De Smet", "Karim El Idrissi", "Pieter Desmet", "Youssef Amrani"):
        page.get_by_label(name, exact=False).check()
    page.get_by_label(
        "De jongere gaat akkoord om informatie te delen met de organisaties van de gekozen personen"
    ).check()
    follow(page.get_by_role("button", name="Gekozen personen toevoegen"))
    assert "kwam(en) bij het netwerk" in status_text(page)
    assert network.memberships.active().count() == 5

    # Step 3: the plan with one action; step 4: the next contact, on the plan page itself.
    follow(page.get_by_role("link", name="Open het actieplan"))
    follow(page.get_by_role("link", name="Actie toevoegen"))
    field(page, "domein").select_option(label="Welbevinden")
    field(page, "wat").fill("Afspraak bij de psycholoog maken")
    choose(field(page, "wie neemt het op"), "Sara Vermeulen")
    field(page, "uiterste datum").fill((timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    follow(page.get_by_role("button", name="Bewaren"))
    assert "De actie werd toegevoegd." in status_text(page)

    field(page, "Volgend contact").fill((timezone.localdate() + datetime.timedelta(days=14)).isoformat())
    field(page, "Verantwoordelijke voor het volgende contact").select_option(index=1)
    follow(page.get_by_role("button", name="Opvolging bewaren"))

    network.refresh_from_db()
    assert network.plan.actions.count() == 1 and network.next_contact_on is not None
    assert len(loads) == PAGE_LOADS, loads
    assert len(loads) <= 12
