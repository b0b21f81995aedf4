"""The youth's own page on a 320 px phone, in every language: the code, then the page; axe in each.

Screenshots (one per language, full page) land in artifacts/screenshots/ via the `page` fixture.
"""

import datetime

import pytest
from django.utils import timezone

from actionplans.models import Action, ActionPlan, QuestionRoute
from actionplans.tests.factories import MeetingFactory
from youthpage.services import youthlink_create
from youths.youth_texts import LANGUAGES

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 720}


@pytest.fixture
def youth_link(network, coach):
    plan, _ = ActionPlan.objects.get_or_create(network=network)
    plan.goal_short_term = "Mijn diploma OKAN halen"
    plan.save()
    Action.objects.create(
        plan=plan,
        domain="school",
        description="Extra schrijfoefeningen Nederlands met de buddy",
        owner_is_youth=True,
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    QuestionRoute.objects.create(plan=plan, question="Vragen over school", member=network.lead)
    MeetingFactory(
        network=network,
        starts_at=timezone.now() + datetime.timedelta(days=5),
        ends_at=timezone.now() + datetime.timedelta(days=5, hours=1),
        online_link="https://meet.example.org/rondetafel",
    )
    _link, token, code = youthlink_create(network=network, by=coach, code="246810")
    return token, code


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_youth_opens_their_page_with_the_code_at_320_px(page, live_server, audit, youth_link, language):
    token, code = youth_link
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/j/{token}/?lang={language}")
    audit()
    assert "Ahmad" not in page.content()
    page.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        page.locator("form.yp-form button[type=submit]").click()
    audit()  # axe, and no sideways scrolling at 320 px
    html = page.locator("html")
    assert html.get_attribute("lang") == LANGUAGES[language].html_lang
    assert html.get_attribute("dir") == ("rtl" if LANGUAGES[language].rtl else "ltr")
    assert "Ahmad" in page.get_by_role("heading", level=1).inner_text()
    assert page.locator("script").count() == 0
    page.set_viewport_size(PHONE)  # the screenshot at the end shows the phone


def test_the_youth_asks_a_question_and_marks_an_action_done(page, live_server, audit, youth_link):
    token, code = youth_link
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/j/{token}/")
    audit()
    page.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        page.locator("form.yp-form button[type=submit]").click()
    audit()
    page.get_by_label("Ik heb een vraag").check()
    page.get_by_label("Je bericht (kort)").fill("Mag ik de bib-pas zelf aanvragen?")
    with page.expect_navigation():
        page.get_by_role("button", name="Versturen").click()
    audit()
    assert "Je bericht is naar je contactpersoon gestuurd" in page.get_by_role("status").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Ik heb het gedaan").click()
    audit()
    assert "Goed gedaan" in page.get_by_role("status").inner_text()


def test_the_lead_makes_the_link_on_the_network_page_and_the_youth_opens_it(
    page, live_server, url, audit, log_in, coach, network
):
    log_in(coach)
    page.goto(url("networks:network_detail", network.pk))
    audit()
    section = page.get_by_role("region", name="De eigen pagina van de jongere")
    section.get_by_label("Code die de jongere koos (optioneel)").fill("8642")
    with page.expect_navigation():
        section.get_by_role("button", name="Link en code maken").click()
    audit()
    link = page.locator("code").first.inner_text()
    assert "/j/" in link and "8642" in page.content()
    page.goto(link)
    audit()
    page.locator("input[name=code]").fill("8642")
    with page.expect_navigation():
        page.locator("form.yp-form button[type=submit]").click()
    audit()
    assert "Ahmad" in page.get_by_role("heading", level=1).inner_text()
