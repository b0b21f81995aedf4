"""The youth's rights: export (access), retention, erasure on request."""

import datetime
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone

from actionplans.models import ActionPlan, Barrier, BarrierCategory, PlanVersion
from networks.audit import Action
from networks.choices import NetworkStatus
from networks.gdpr import youth_anonymise, youths_due_for_retention
from networks.models import AuditEvent, Meeting, Note
from networks.services import timeline_record
from networks.tests.factories import CareNetworkFactory
from youths.models import Youth
from youths.tests.factories import IntakeFactory, YouthFactory

FIRST, LAST = "Zarghuna", "Qaderyar"  # a name that appears nowhere else


@pytest.fixture
def rich_network(network, coach):
    """Ahmad's network, renamed to a unique name, with texts about the youth everywhere."""
    youth = network.youth
    Youth.objects.filter(pk=youth.pk).update(
        first_name=FIRST, last_name=LAST, school_name="Atheneum", languages="Dari", country_of_origin="Afghanistan"
    )
    youth.refresh_from_db()
    IntakeFactory(youth=youth, needs=f"{FIRST} wil Nederlands leren", strengths=f"{LAST} is sterk in wiskunde")
    plan, _ = ActionPlan.objects.get_or_create(network=network)
    ActionPlan.objects.filter(pk=plan.pk).update(question_for_help=f"{FIRST} zoekt een school")
    category = BarrierCategory.objects.first() or BarrierCategory.objects.create(name="Taal", slug="taal")
    Barrier.objects.create(plan=plan, category=category, description=f"{FIRST} {LAST} heeft geen plaats")
    PlanVersion.objects.create(plan=plan, number=1, snapshot={"question_for_help": f"{FIRST} {LAST}"})
    Note.objects.create(network=network, author=coach, organisation=coach.organisation, text=f"Gesprek met {FIRST}")
    now = timezone.now()
    Meeting.objects.create(
        network=network, starts_at=now, ends_at=now + datetime.timedelta(hours=1), notes=f"{LAST} was er"
    )
    timeline_record(network=network, kind="note", summary=f"{FIRST} {LAST} kreeg een netwerk")
    return network


def text_rows_mentioning(word: str) -> list[str]:
    """Every (model, field) in the whole database whose text contains the word."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                if model._default_manager.filter(**{f"{field.name}__icontains": word}).exists():
                    found.append(f"{model._meta.label}.{field.name}")
            elif isinstance(field, models.JSONField):
                for value in model._default_manager.values_list(field.name, flat=True):
                    if word.lower() in json.dumps(value).lower():
                        found.append(f"{model._meta.label}.{field.name}")
    return found


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def barrier_categories() -> list:
    return sorted(Barrier.objects.values_list("pk", "category_id", "status"))


# --- anonymisation -------------------------------------------------------------------------------


def test_after_anonymisation_the_name_appears_in_no_text_column_and_the_counts_stay(rich_network, admin_user):
    youth = rich_network.youth
    assert text_rows_mentioning(FIRST) and text_rows_mentioning(LAST)
    counts_before = row_counts()
    categories_before = barrier_categories()

    youth_anonymise(youth=youth, by=admin_user, reason="test")

    assert text_rows_mentioning(FIRST) == []
    assert text_rows_mentioning(LAST) == []
    after = row_counts()
    after["networks.AuditEvent"] = counts_before["networks.AuditEvent"]  # the anonymisation itself is logged
    assert after == counts_before
    assert barrier_categories() == categories_before


def test_anonymisation_erases_the_birth_date_but_keeps_an_age_band(rich_network):
    youth = rich_network.youth
    born = youth.effective_birth_date
    youth_anonymise(youth=youth)
    youth.refresh_from_db()
    assert youth.birth_date is None and youth.anonymised_at is not None
    assert youth.birth_year_estimated == born.year - born.year % 5
    assert youth.arrival_date is None and youth.school_name == ""


def test_anonymisation_keeps_the_advisory_groups_counts(rich_network, admin_user):
    from adviesgroep.tests.factories import SignalFactory

    SignalFactory(network=rich_network, case_summary=f"Jongere: {FIRST[0]}.")
    counts = {
        model._meta.label: model._default_manager.count() for model in apps.get_app_config("adviesgroep").get_models()
    }
    youth_anonymise(youth=rich_network.youth, by=admin_user)
    assert counts == {
        model._meta.label: model._default_manager.count() for model in apps.get_app_config("adviesgroep").get_models()
    }


def test_anonymisation_is_logged_without_the_name(rich_network, admin_user):
    youth_anonymise(youth=rich_network.youth, by=admin_user, reason="verzoek van 2 november", action=Action.ERASE)
    (event,) = AuditEvent.objects.filter(action=Action.ERASE)
    assert event.user_id == admin_user.pk and event.youth_id == rich_network.youth_id
    assert event.reason == "verzoek van 2 november"


# --- retention ---------------------------------------------------------------------------------


@pytest.fixture
def closed_long_ago(db):
    youth = YouthFactory(first_name="Oud", last_name="Dossier")
    CareNetworkFactory(
        youth=youth,
        status=NetworkStatus.CLOSED,
        started_on=datetime.date(2015, 1, 1),
        ended_on=datetime.date(2019, 6, 1),
    )
    return youth


@pytest.fixture
def closed_recently(db):
    youth = YouthFactory(first_name="Recent", last_name="Gesloten")
    CareNetworkFactory(
        youth=youth, status=NetworkStatus.CLOSED, started_on=datetime.date(2020, 1, 1), ended_on=timezone.localdate()
    )
    return youth


def test_retention_picks_only_youths_whose_networks_all_closed_long_ago(closed_long_ago, closed_recently, network):
    assert list(youths_due_for_retention()) == [closed_long_ago]


def test_retention_dry_run_prints_and_changes_nothing(closed_long_ago, capsys):
    call_command("apply_retention", "--dry-run")
    assert f"would anonymise youth {closed_long_ago.pk}" in capsys.readouterr().out
    closed_long_ago.refresh_from_db()
    assert closed_long_ago.last_name == "Dossier" and closed_long_ago.anonymised_at is None


def test_retention_anonymises_and_the_setting_decides(closed_long_ago, closed_recently, settings, capsys):
    settings.RETENTION_YEARS = 50
    call_command("apply_retention")
    assert "No youth is due" in capsys.readouterr().out
    settings.RETENTION_YEARS = 5
    call_command("apply_retention")
    closed_long_ago.refresh_from_db()
    closed_recently.refresh_from_db()
    assert closed_long_ago.anonymised_at and "Dossier" not in closed_long_ago.full_name
    assert closed_recently.anonymised_at is None
    call_command("apply_retention")
    assert "No youth is due" in capsys.readouterr().out.splitlines()[-1]


# --- erasure on request ------------------------------------------------------------------------


def test_erase_youth_command_needs_an_admin_and_a_reason(rich_network, admin_user, coach):
    from django.core.management.base import CommandError

    youth = rich_network.youth
    with pytest.raises(CommandError):
        call_command("erase_youth", youth.pk, by=coach.email, reason="x")
    with pytest.raises(CommandError):
        call_command("erase_youth", youth.pk, by=admin_user.email, reason=" ")
    call_command("erase_youth", youth.pk, by=admin_user.email, reason="verzoek")
    youth.refresh_from_db()
    assert youth.anonymised_at is not None
    assert AuditEvent.objects.filter(action=Action.ERASE, youth_id=youth.pk, user_id=admin_user.pk).exists()


def test_the_admin_action_asks_for_a_reason_then_erases(admin_client, rich_network):
    youth = rich_network.youth
    url = reverse("admin:youths_youth_changelist")
    ask = admin_client.post(url, {"action": "erase_on_request", "_selected_action": [youth.pk]})
    assert ask.status_code == 200 and b"reason" in ask.content
    youth.refresh_from_db()
    assert youth.anonymised_at is None
    admin_client.post(
        url, {"action": "erase_on_request", "_selected_action": [youth.pk], "confirm": "1", "reason": "verzoek"}
    )
    youth.refresh_from_db()
    assert youth.anonymised_at is not None
    assert text_rows_mentioning(LAST) == []


# --- export --------------------------------------------------------------------------------------


def test_the_lead_exports_everything_about_the_youth_as_a_zip(coach_client, rich_network, coach):
    youth = rich_network.youth
    assert coach_client.get(reverse("networks:youth_export_page", kwargs={"youth_id": youth.pk})).status_code == 200
    response = coach_client.post(reverse("networks:youth_export", kwargs={"youth_id": youth.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("youth.json"))
    assert data["youth"]["last_name"] == LAST
    assert any(FIRST in row["text"] for row in data["records"]["networks.Note"])
    assert "youths.Intake" in data["records"] and "actionplans.Barrier" in data["records"]
    pdfs = [name for name in archive.namelist() if name.startswith("pdf/")]
    assert f"pdf/network-map-{rich_network.pk}.pdf" in pdfs and f"pdf/action-plan-{rich_network.pk}.pdf" in pdfs
    assert len([name for name in pdfs if "first-conversation" in name]) == 2
    assert all(archive.read(name).startswith(b"%PDF") for name in pdfs)
    assert AuditEvent.objects.filter(action=Action.EXPORT, youth_id=youth.pk, user_id=coach.pk).exists()


def test_the_export_is_post_only(coach_client, network):
    assert coach_client.get(reverse("networks:youth_export", kwargs={"youth_id": network.youth_id})).status_code == 405


def test_only_the_lead_or_an_admin_may_export(client, network, guardian, outsider, advisor, admin_user):
    url = reverse("networks:youth_export", kwargs={"youth_id": network.youth_id})
    for user in (guardian, outsider, advisor):
        client.force_login(user)
        assert client.post(url).status_code == 404
        assert (
            client.get(reverse("networks:youth_export_page", kwargs={"youth_id": network.youth_id})).status_code == 404
        )
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()
    client.force_login(admin_user)
    assert client.post(url).status_code == 200


def test_the_privacy_page_says_how_long_and_whom_to_contact(client, settings):
    settings.RETENTION_YEARS = 7
    settings.PRIVACY_CONTACT_EMAIL = "dpo@gent.example"
    html = client.get(reverse("privacy")).content.decode()
    assert "7" in html and "dpo@gent.example" in html
