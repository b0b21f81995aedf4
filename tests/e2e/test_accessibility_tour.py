"""Every other page of the application, audited in the browser with data on it.

axe-core runs at 1280 px and at 390 px (a phone); at 390 and 320 px no page may scroll sideways and
no button or link may sit in a box that scrolls sideways. The scenarios walk the flow; this tour
reaches the pages they do not: forms, lists and the advisory group's pages, in Dutch for a coach and
in French for the advisory group (French runs longer, so it tests the narrow layout hardest), and
every state a page can show: a youth of 17 within three months of 18, an overdue action, a
pending handover and a signal with advice.
"""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from actionplans.tests.factories import ActionFactory, ActionPlanFactory, MeetingFactory, ReferralFactory
from adviesgroep.tests.factories import AdviceFactory, LessonFactory, PolicyFeedbackFactory, SignalFactory
from youths.tests.factories import years_ago

pytestmark = pytest.mark.browser

# The README shows these: made by the tour, so they stay current (committed, unlike artifacts/).
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE_SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots" / "phone"


README_SCREENSHOTS = {"dashboard", "youth-hub", "advisory-overview"}


def screenshot(page, name: str) -> None:
    """The page at 1280 px (docs/screenshots/ for the README's three, else artifacts/) and at 390 px (artifacts/)."""
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    PHONE_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    desk = DOCS_SCREENSHOTS if name in README_SCREENSHOTS else PHONE_SCREENSHOTS.parent
    page.screenshot(path=str(desk / f"{name}.png"))
    size = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.screenshot(path=str(PHONE_SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        page.set_viewport_size(size)


@pytest.fixture(autouse=True)
def _axe_on_phone(page):
    page.auditor.axe_on_phone = True


@pytest.fixture
def plan(network):
    plan = ActionPlanFactory(network=network, question_for_help="Ahmad wil Nederlands leren.")
    ActionFactory(plan=plan, description="Intake bij VDAB plannen")
    ReferralFactory(plan=plan)
    return plan


def test_coach_pages_pass_axe_and_fit_a_phone(page, url, log_in, visit, coach, network, plan):
    meeting = MeetingFactory(network=network, starts_at=timezone.now() + datetime.timedelta(days=3))
    action = plan.actions.get()
    intake = network.youth.intakes.get()
    # Sara is also her city's privacy officer here, so the tour reaches the export pages too.
    coach.groups.add(Group.objects.get(name="Privacy officers"))
    log_in(coach)
    pages = [
        url("youths:youth_list"),
        url("youths:youth_update", network.youth.pk),
        url("youths:intake_detail", intake.pk),
        url("youths:intake_update", intake.pk),
        url("networks:network_update", network.pk),
        url("networks:membership_create", network.pk),
        url("networks:consent_list", network.youth.pk),
        url("networks:consent_create", network.youth.pk),
        url("handovers:transition_checklist", network.pk),
        url("handovers:shared_dossier", network.pk),
        url("handovers:network_close", network.pk),
        url("networks:note_create", network.pk),
        url("networks:network_audit", network.pk),
        url("privacy:youth_export_search"),
        url("privacy:youth_export_page", network.youth.pk),
        url("actionplans:plan_detail", network.pk),
        url("actionplans:plan_update", network.pk),
        url("actionplans:action_update", action.pk),
        url("actionplans:action_evaluate", action.pk),
        url("actionplans:barrier_create", network.pk),
        url("actionplans:referral_create", network.pk),
        url("actionplans:question_route_create", network.pk),
        url("actionplans:evaluation_create", network.pk),
        url("actionplans:lead_rotate", network.pk),
        url("actionplans:meeting_detail", meeting.pk),
        url("actionplans:meeting_update", meeting.pk),
        url("actionplans:meeting_cancel", meeting.pk),
        url("adviesgroep:signal_create", network.pk),
        url("adviesgroep:network_signal_list", network.pk),
        url("adviesgroep:lesson_list"),
        url("youths:templates_index"),
        url("accounts:account_security"),
        url("password_change"),
    ]
    for address in pages:
        visit(address)
        assert page.url.split("?")[0] == address, f"{address} redirected to {page.url}"


def test_advisory_group_pages_pass_axe_and_fit_a_phone_in_french(page, url, log_in, visit, follow, advisor, network):
    signal = SignalFactory(network=network)
    AdviceFactory(signal=signal)
    lesson = LessonFactory(title="Instaptesten met tolk")
    PolicyFeedbackFactory()
    log_in(advisor)
    with page.expect_navigation():
        page.get_by_role("button", name="FR").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    pages = [
        url("dashboard"),
        url("adviesgroep:inbox"),
        url("adviesgroep:signal_detail", signal.pk),
        url("adviesgroep:stats"),
        url("adviesgroep:lesson_list"),
        url("adviesgroep:lesson_detail", lesson.pk),
        url("adviesgroep:lesson_create"),
        url("adviesgroep:policy_list"),
        url("adviesgroep:policy_create"),
    ]
    for address in pages:
        visit(address)
        assert page.url.split("?")[0] == address, f"{address} redirected to {page.url}"
    assert page.get_by_role("heading", level=1).count() == 1


def test_advisory_group_aggregation_chart_passes_axe(page, url, log_in, visit, advisor, network):
    SignalFactory(network=network)
    log_in(advisor)
    visit(url("adviesgroep:aggregation"))
    screenshot(page, "advisory-overview")
    visit(url("adviesgroep:inbox"))
    screenshot(page, "advisory-inbox")


def test_a_youth_of_17_with_every_state_passes_axe_and_fits_a_phone(
    page, url, log_in, visit, follow, coach, network, plan, pending_handover
):
    """Ahmad turns 18 in seven weeks; one action is overdue, Karim's handover waits, a signal has advice."""
    youth = network.youth
    youth.birth_date = years_ago(18) + datetime.timedelta(days=50)
    youth.save(update_fields=["birth_date"])
    ActionFactory(
        plan=plan, description="Studietoelage aanvragen", deadline=timezone.localdate() - datetime.timedelta(days=5)
    )
    signal = SignalFactory(network=network)
    AdviceFactory(signal=signal)
    log_in(coach)
    pages = [
        url("dashboard"),
        url("youths:youth_list"),
        url("youths:youth_detail", youth.pk),
        url("networks:network_detail", network.pk),
        url("actionplans:plan_detail", network.pk),
        url("handovers:handover_detail", pending_handover.pk),
        url("handovers:transition_checklist", network.pk),
        url("adviesgroep:network_signal_list", network.pk),
    ]
    shots = {
        url("dashboard"): "dashboard",
        url("youths:youth_detail", youth.pk): "youth-hub",
        url("networks:network_detail", network.pk): "network",
        url("actionplans:plan_detail", network.pk): "action-plan",
        url("youths:youth_list"): "youth-list",
    }
    for address in pages:
        visit(address)
        assert page.url.split("?")[0] == address, f"{address} redirected to {page.url}"
        if address in shots:
            screenshot(page, shots[address])

    # A form sent with a missed field starts with the error summary, focused, linking to the field.
    visit(url("networks:note_create", network.pk))
    follow(page.get_by_role("main").get_by_role("button", name="Bewaren"))
    summary = page.locator("[data-error-summary]")
    assert summary.get_by_role("heading", name="Er is een probleem").is_visible()
    assert summary.evaluate("(box) => box === document.activeElement")
    link = summary.get_by_role("link").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("() => '#' + document.activeElement.id") == target
