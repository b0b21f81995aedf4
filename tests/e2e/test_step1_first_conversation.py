"""Step 1 of the playbook: start with the youth — register, first conversation, consent."""

import pytest

from youths.models import Youth

pytestmark = pytest.mark.browser


def test_coach_registers_a_youth_and_records_the_first_conversation_with_consent(
    page, url, log_in, follow, coach, guardian
):
    log_in(coach)
    follow(page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Jongeren"))
    follow(page.get_by_role("link", name="Jongere inschrijven"))

    page.get_by_label("Voornaam").fill("Yonas")
    page.get_by_label("Achternaam").fill("Tesfay")
    page.get_by_label("Geboortedatum").fill("2010-03-14")
    page.get_by_label("Land van herkomst").fill("Eritrea")
    page.get_by_label("Gesproken talen").fill("Tigrinya, een beetje Nederlands")
    page.get_by_label("Taal voor een tolk").fill("Tigrinya")
    page.get_by_label("Schoolsituatie").select_option(label="OKAN (onthaalklas)")
    page.get_by_label("Woonsituatie").select_option(label="Minor Ndako")
    follow(page.get_by_role("button", name="Bewaren"))

    youth = Youth.objects.get(first_name="Yonas", last_name="Tesfay")
    assert page.url == url("youths:youth_detail", youth.pk)
    assert "Yonas Tesfay werd ingeschreven" in page.get_by_role("status").inner_text()
    assert page.get_by_role("heading", level=1).inner_text() == "Yonas Tesfay"

    follow(page.get_by_role("link", name="Eerste gesprek noteren"))
    page.get_by_label("Noden en reden voor een netwerk").fill("Wil Nederlands leren en slaapt slecht.")
    page.get_by_label("Wat gaat goed").fill("Gaat elke dag naar school.")
    page.get_by_label("Sterktes en talenten").fill("Doorzetter, goed in wiskunde")
    page.get_by_label("Dromen").fill("Elektricien worden")
    page.get_by_label("Er was een tolk aanwezig").check()
    page.get_by_label("De jongere gaat akkoord om een netwerk te starten").check()
    page.get_by_label("Datum van toestemming").fill(page.get_by_label("Datum van het gesprek").input_value())
    page.get_by_label("Uitgelegd door").fill("Sara (OKAN-coach) met tolk")
    page.get_by_label("Taal van de uitleg").fill("Tigrinya")
    follow(page.get_by_role("button", name="Bewaren"))

    assert "Het eerste gesprek werd bewaard." in page.get_by_role("status").inner_text()
    intake = youth.intakes.get()
    assert intake.consent_given and intake.interpreter_present
    assert intake.consent_explained_by == "Sara (OKAN-coach) met tolk"

    follow(page.get_by_role("link", name="Yonas Tesfay"))
    assert page.get_by_text("Toestemming om een netwerk te starten").first.is_visible()
    follow(page.get_by_role("link", name="Open de netwerkpagina"))
    follow(page.get_by_role("button", name="Netwerk activeren"))
    assert "Het netwerk is actief." in page.get_by_role("status").inner_text()
    network = youth.care_networks.get()
    assert network.status == "active"


def test_first_conversation_without_the_explainer_is_refused_and_keeps_the_input(page, url, log_in, follow, coach):
    log_in(coach)
    follow(page.get_by_role("link", name="Jongeren").first)
    follow(page.get_by_role("link", name="Jongere inschrijven"))
    page.get_by_label("Voornaam").fill("Amina")
    page.get_by_label("Achternaam").fill("Yusuf")
    page.get_by_label("Geschat geboortejaar").fill("2010")
    follow(page.get_by_role("button", name="Bewaren"))
    follow(page.get_by_role("link", name="Eerste gesprek noteren"))

    page.get_by_label("Noden en reden voor een netwerk").fill("Zoekt een woonplek na 18.")
    page.get_by_label("De jongere gaat akkoord om een netwerk te starten").check()
    follow(page.get_by_role("button", name="Bewaren"))

    # Reported at the top (the error summary, linking to the field) and at the field.
    assert (
        page.locator("[data-error-summary]")
        .get_by_text("Zeg wie het netwerk aan de jongere heeft uitgelegd.")
        .is_visible()
    )
    assert page.get_by_label("Noden en reden voor een netwerk").input_value() == "Zoekt een woonplek na 18."
    assert not Youth.objects.get(first_name="Amina").intakes.exists()
