"""Step 4 of the playbook: follow up — an overdue next contact and an overdue action show on the dashboard."""

import datetime

import pytest
from django.utils import formats, timezone, translation

from actionplans.tests.factories import ActionFactory, ActionPlanFactory
from networks.models import CareNetwork

from .helpers import field, status_text

pytestmark = pytest.mark.browser


def test_coach_sees_an_overdue_follow_up_on_the_dashboard_and_agrees_a_new_contact(
    page, url, log_in, follow, coach, network
):
    today = timezone.localdate()
    overdue = today - datetime.timedelta(days=3)
    CareNetwork.objects.filter(pk=network.pk).update(next_contact_on=overdue, next_contact_by=network.lead)
    plan = ActionPlanFactory(network=network)
    ActionFactory(plan=plan, description="Afspraak bij de tandarts maken", deadline=today - datetime.timedelta(days=1))

    log_in(coach)
    panel = page.get_by_role("region", name="Op te volgen")
    overdue_list = panel.get_by_role("listitem").filter(has_text="Ahmad Rahimi")
    assert overdue_list.first.is_visible()
    panel_text = panel.inner_text()
    with translation.override("nl"):
        assert formats.date_format(overdue) in panel_text, "the date follows the Dutch locale (e.g. 20 november 2026)"
    assert "Afspraak bij de tandarts maken" in panel_text
    assert "Geen achterstallige opvolgingen." not in panel_text

    follow(panel.get_by_role("link", name="Ahmad Rahimi").first)
    assert page.url.startswith(url("actionplans:plan_detail", network.pk))
    follow_up = page.get_by_role("region", name="Opvolging")
    assert "te laat" in follow_up.inner_text()

    field(page, "Volgend contact").fill((today + datetime.timedelta(days=14)).isoformat())
    field(page, "Verantwoordelijke voor het volgende contact").select_option(index=1)
    follow(page.get_by_role("button", name="Opvolging bewaren"))
    assert "De opvolging werd bewaard." in status_text(page)

    follow(page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Overzicht"))
    assert "Geen achterstallige opvolgingen." in page.get_by_role("region", name="Op te volgen").inner_text()
