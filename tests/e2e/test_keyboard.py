"""The flow with the keyboard alone: Tab, Shift+Tab, Enter and Space; never the mouse."""

import pytest
from django.utils import timezone

from youths.models import Intake

pytestmark = pytest.mark.browser

FOCUSED_NAME = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText)
    || el.innerText || el.value || '';
  return label.replace(/\*\s*$/, '').trim();
}"""


def tab_to(page, name: str, *, limit: int = 40, backwards: bool = False) -> None:
    """Press Tab until the element whose accessible text is `name` has the focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = page.evaluate(FOCUSED_NAME)
        if focused == name:
            return
        seen.append(focused)
    raise AssertionError(f"{name!r} never got the keyboard focus; Tab went through {seen}")


def test_coach_logs_in_switches_language_and_logs_out_with_the_keyboard_only(page, url, audit, network, coach):
    page.goto(url("login"))
    audit()

    assert page.evaluate(FOCUSED_NAME) == "E-mailadres", "the login form puts the focus in the e-mail field"
    page.keyboard.type(coach.email)
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery staple")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    assert page.url == url("dashboard")

    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_NAME) == "Naar de inhoud", "the skip link comes first"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", "the skip link moves the focus to the content"

    tab_to(page, "Privacy")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    assert page.url == url("privacy:privacy_page")

    tab_to(page, "FR")
    with page.expect_navigation():
        page.keyboard.press("Space")
    audit()
    assert page.locator("html").get_attribute("lang") == "fr"

    tab_to(page, "NL")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    assert page.locator("html").get_attribute("lang") == "nl"

    tab_to(page, "Afmelden")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    assert page.url.startswith(url("login"))


def test_coach_registers_a_youth_and_the_first_conversation_with_the_keyboard_only(page, url, audit, log_in, coach):
    log_in(coach)

    tab_to(page, "Jongeren")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    tab_to(page, "Jongere inschrijven")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()

    tab_to(page, "Voornaam")
    page.keyboard.type("Hamid")
    tab_to(page, "Achternaam")
    page.keyboard.type("Sultani")
    tab_to(page, "Geschat geboortejaar")
    page.keyboard.type("2010")
    tab_to(page, "Schoolsituatie")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Bewaren")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    assert page.get_by_role("heading", level=1).inner_text() == "Hamid Sultani"
    assert "OKAN (onthaalklas)" in page.get_by_role("main").inner_text()

    tab_to(page, "Eerste gesprek noteren")  # the dossier's primary button: the next step
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    tab_to(page, "Noden en reden voor een netwerk")
    page.keyboard.type("Zoekt rust en een opleiding.")
    tab_to(page, "De jongere gaat akkoord om een netwerk te starten")
    page.keyboard.press("Space")
    tab_to(page, "Datum van toestemming")
    for key in ("ArrowUp", "ArrowRight", "ArrowUp", "ArrowRight", "ArrowUp"):
        page.keyboard.press(key)  # arrow up on the empty day, month and year: 1 January of this year
    tab_to(page, "Uitgelegd door")
    page.keyboard.type("Sara, OKAN-coach")
    tab_to(page, "Bewaren")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    assert "Het eerste gesprek werd bewaard." in page.get_by_role("status").inner_text()
    intake = Intake.objects.get(youth__first_name="Hamid")
    assert intake.consent_given and intake.consent_date == timezone.localdate().replace(month=1, day=1)


def test_on_a_phone_the_menu_opens_and_works_with_the_keyboard(page, url, audit, log_in, coach):
    log_in(coach)
    page.set_viewport_size({"width": 320, "height": 700})
    menu_link = page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Jongeren")
    assert not menu_link.is_visible(), "on a phone the menu starts folded"

    tab_to(page, "Toon het menu")
    page.keyboard.press("Enter")
    menu_link.wait_for(state="visible")
    assert page.get_by_role("button", name="Toon het menu").get_attribute("aria-expanded") == "true"
    tab_to(page, "Jongeren")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit()
    assert page.url == url("youths:youth_list")
