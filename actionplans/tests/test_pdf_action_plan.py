"""The printable template p.12: the action plan of a network."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans.models import ActionPlan
from audit.models import AuditEvent
from zorgnetwerk.tests.pdf_helpers import PLAN_VALUES, fill_plan, pdf_response_bytes, pdf_text

pytestmark = pytest.mark.django_db

PLAN = "actionplans:plan_pdf"


def test_member_downloads_the_filled_plan(coach_client, network):
    fill_plan(network)
    response = coach_client.get(reverse(PLAN, args=[network.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(pdf_response_bytes(response))
    for value in PLAN_VALUES:
        assert value in text, value
    for owner in ("Sara Vermeulen", "Karim El Idrissi", "Jan De Smet"):
        assert owner in text
    assert "Actie-Al-Afgerond" not in text  # done actions are not on the plan to print
    disposition = response["Content-Disposition"]
    assert "actieplan-AR-" in disposition and disposition.endswith('.pdf"')
    assert "Ahmad" not in disposition


def test_blank_plan_has_none_of_the_values(coach_client, network):
    fill_plan(network)
    response = coach_client.get(reverse("actionplans:plan_blank_pdf"))
    assert response.status_code == 200
    text = pdf_text(pdf_response_bytes(response))
    for value in [*PLAN_VALUES, "Sara", "Karim", "Jan De Smet", "Ahmad", "Rahimi"]:
        assert value not in text, value
    assert response["Content-Disposition"].endswith('"actieplan-blanco.pdf"')


def test_network_without_a_plan_prints_empty_fields(coach_client, network):
    assert not ActionPlan.objects.filter(network=network).exists()
    response = coach_client.get(reverse(PLAN, args=[network.pk]))
    assert response.status_code == 200
    assert "Ahmad Rahimi" in pdf_text(pdf_response_bytes(response))
    assert not ActionPlan.objects.filter(network=network).exists()  # GET changes nothing


def test_outsider_gets_404(outsider_client, network):
    fill_plan(network)
    assert outsider_client.get(reverse(PLAN, args=[network.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, network):
    for url in (reverse(PLAN, args=[network.pk]), reverse("actionplans:plan_blank_pdf")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_download_is_written_to_the_audit_trail(coach_client, coach, network):
    plan = fill_plan(network)
    coach_client.get(reverse(PLAN, args=[network.pk]))
    event = AuditEvent.objects.filter(action="pdf").latest("pk")
    assert (event.user_id, event.object_type, event.object_id) == (coach.pk, "actionplan", str(plan.pk))


def test_queries_do_not_grow_with_the_plan(coach_client, network):
    url = reverse(PLAN, args=[network.pk])
    ActionPlan.objects.create(network=network)
    coach_client.get(url)
    with CaptureQueriesContext(connection) as empty:
        coach_client.get(url)
    fill_plan(network)
    with CaptureQueriesContext(connection) as full:
        coach_client.get(url)
    assert len(full) <= len(empty)


def test_long_texts_render_over_several_pages(coach_client, network):
    plan = fill_plan(network)
    plan.question_for_help = "Een heel lange hulpvraag die maar doorgaat. " * 300
    plan.situation_school = "X" * 3000  # one word without spaces must wrap, not overflow
    plan.save()
    response = coach_client.get(reverse(PLAN, args=[network.pk]))
    assert response.status_code == 200
    assert "Actie-CV-Maken" in pdf_text(pdf_response_bytes(response))


def test_the_plan_names_the_trekker_who_attended_the_results_and_what_went_to_the_advisory_group(coach_client, network):
    from actionplans.models import Barrier
    from adviesgroep.tests.factories import SignalFactory
    from zorgnetwerk.tests.pdf_helpers import build_stress_network

    build_stress_network(network)
    barrier = Barrier.objects.filter(plan__network=network).first()
    SignalFactory(network=network, source_barrier=barrier)
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(PLAN, args=[network.pk]))))
    assert "Trekker Sara Vermeulen" in text
    assert "Aanwezig op het rondetafeloverleg" in text and "Guðrún Þórðardóttir 5" in text
    assert "Resultaat en evaluatie" in text and "wachtlijst bij het volwassenenonderwijs" in text
    assert "Gesignaleerd aan de adviesgroep" in text and text.count("✓ gesignaleerd") == 1
    assert "MindSpring (MindSpring)" not in text


def test_a_plan_before_its_first_round_table_prints_lines_not_placeholders(coach_client, network):
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(PLAN, args=[network.pk]))))
    assert "(niet ingevuld)" not in text
    assert "Geen open acties" not in text
