"""The front door: logging in, the dashboard, switching language, the privacy page."""

import pytest

from networks.tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_coach_logs_in_with_email_and_password_and_sees_the_dashboard(page, url, audit, log_in, network, coach):
    page.goto(url("dashboard"))
    page.wait_for_url(url("login") + "**")
    audit()
    log_in(coach)

    assert page.url == url("dashboard")
    assert page.get_by_role("heading", level=1).inner_text() == "Overzicht"
    panel = page.get_by_role("region", name="Mijn netwerken")
    assert "Ahmad Rahimi" in panel.inner_text()
    assert "Sara Vermeulen" in page.get_by_test_id("current-user").inner_text()


def test_wrong_password_is_refused_with_a_message_and_the_email_kept(page, url, audit, coach):
    page.goto(url("login"))
    page.get_by_label("E-mailadres").fill(coach.email)
    page.get_by_label("Wachtwoord").fill("not the password")
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()
    audit()

    assert page.url.startswith(url("login"))
    assert "Voer een juiste e-mailadres en wachtwoord in" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("E-mailadres").input_value() == coach.email


def test_language_switcher_changes_the_interface_and_remembers_it(page, url, audit, log_in):
    user = UserFactory(email="nina@minorndako.example", password="a long demo password")
    log_in(user, "a long demo password")

    with page.expect_navigation():
        page.get_by_role("button", name="FR").click()
    audit()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Tableau de bord"
    assert page.get_by_role("button", name="FR").get_attribute("aria-current") == "true"

    page.goto(url("privacy:privacy_page"))
    audit()
    assert page.get_by_role("heading", level=1).inner_text() == "Vie privée"

    with page.expect_navigation():
        page.get_by_role("button", name="EN").click()
    audit()
    assert page.get_by_role("heading", level=1).inner_text() == "Privacy"

    with page.expect_navigation():
        page.get_by_role("button", name="NL").click()
    audit()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("contentinfo").get_by_role("link", name="Privacy").is_visible()


def test_privacy_page_is_readable_without_logging_in(page, url, audit):
    page.goto(url("privacy:privacy_page"))
    audit()

    assert page.get_by_role("heading", level=1).inner_text() == "Privacy"
    assert "adviesgroep" in page.get_by_role("main").inner_text()


def test_logging_out_returns_to_the_login_page(page, url, audit, log_in, coach):
    log_in(coach)
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").click()
    audit()

    assert page.url.startswith(url("login"))
    page.goto(url("dashboard"))
    audit()
    assert page.url.startswith(url("login"))
