"""Step 3 of the playbook: the round table — plan it, hold it, write the action plan, at most three actions."""

import datetime

import pytest
from django.utils import timezone

from actionplans.models import Action, Meeting

from .helpers import choose, field, status_text

pytestmark = pytest.mark.browser


def test_coach_plans_and_holds_a_round_table_writes_the_plan_and_a_fourth_action_is_refused(
    page, url, log_in, follow, visit, coach, network
):
    log_in(coach)
    visit(url("networks:network_detail", network.pk))
    follow(page.get_by_role("region", name="Actieplan en rondetafels").get_by_role("link", name="Rondetafel plannen"))

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    field(page, "datum").fill(tomorrow.isoformat())
    field(page, "van").fill("14:00")
    field(page, "tot").fill("15:30")
    field(page, "plaats").fill("Atheneum Gent-Zuid, lokaal 12")
    field(page, "agenda").fill("Hulpvraag van Ahmad, school, slaap")
    follow(page.get_by_role("button", name="Bewaren"))
    assert "De rondetafel werd gepland" in status_text(page)
    meeting = Meeting.objects.get(network=network)
    assert page.url == url("actionplans:meeting_detail", meeting.pk)

    # The round table takes place; afterwards the coach fills in who was there and what was decided.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - datetime.timedelta(days=2), ends_at=meeting.ends_at - datetime.timedelta(days=2)
    )
    visit(url("actionplans:meeting_detail", meeting.pk))
    follow(page.get_by_role("link", name="Achteraf invullen"))
    page.get_by_label("de jongere was aanwezig").check()
    page.get_by_label("er was een tolk aanwezig").check()
    field(page, "beslissingen").fill("Sara zoekt een psycholoog; Karim plant een intake bij VDAB.")
    follow(page.get_by_role("button", name="Bewaren"))
    assert "De rondetafel werd ingevuld" in status_text(page)

    visit(url("actionplans:plan_detail", network.pk))
    follow(page.get_by_role("link", name="Plan bewerken"))
    field(page, "Hulpvraag").fill("Ik wil beter slapen en Nederlands leren.")
    field(page, "Sterktes om op te bouwen").fill("Doorzetter, goed in wiskunde")
    field(page, "Doel op korte termijn").fill("Elke dag op tijd op school")
    field(page, "Doel op lange termijn").fill("Opleiding elektricien")
    follow(page.get_by_role("button", name="Plan bewaren"))
    assert "Het actieplan werd bewaard." in status_text(page)

    deadline = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    actions = [
        ("Welbevinden", "Afspraak bij de psycholoog maken", "Sara Vermeulen"),
        ("Schoolloopbaan", "Studiekeuze na OKAN bespreken", "Sara Vermeulen"),
        ("Traject naar werk", "Intake bij VDAB plannen", "Karim El Idrissi"),
    ]
    for domain, what, owner in actions:
        follow(page.get_by_role("link", name="Actie toevoegen"))
        field(page, "domein").select_option(label=domain)
        field(page, "wat").fill(what)
        choose(field(page, "wie neemt het op"), owner)
        field(page, "uiterste datum").fill(deadline)
        follow(page.get_by_role("button", name="Bewaren"))
        assert "De actie werd toegevoegd." in status_text(page)

    actions_region = page.locator("#actions-heading")
    assert actions_region.inner_text() == "Acties (3 van 3 open)"
    assert page.get_by_role("link", name="Actie toevoegen").count() == 0
    assert page.get_by_text("Er staan drie acties open").is_visible()

    # A fourth action from a bookmark: the form is not offered; the plan says what to do instead.
    # (A form opened before the third action was saved is still refused on save: actionplans tests.)
    visit(url("actionplans:action_create", network.pk))
    assert page.url.startswith(url("actionplans:plan_detail", network.pk))
    assert "Er staan drie acties open" in status_text(page)
    assert Action.objects.filter(plan__network=network).count() == 3
