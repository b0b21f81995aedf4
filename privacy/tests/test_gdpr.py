"""The youth's rights: export (access), retention, erasure on request."""

import datetime
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from actionplans.models import ActionPlan, Barrier, BarrierCategory, Meeting, PlanVersion
from actionplans.reminders import reminders_collect, reminders_send
from actionplans.tests.factories import ActionFactory, MeetingFactory
from adviesgroep.tests.factories import AdviceFactory, LessonFactory, PolicyFeedbackFactory, SignalFactory
from audit.models import AuditEvent
from audit.trail import Action
from networks.access import user_may_see_network
from networks.choices import ClosureReason, MemberRole, NetworkStatus, TimelineKind
from networks.models import CareNetwork, Note, Supporter
from networks.services import network_add_member, timeline_record
from networks.tests.factories import CareNetworkFactory, SupporterFactory, UserFactory
from privacy.erasure import ERASED, youth_anonymise
from privacy.export import PRIVACY_OFFICERS_GROUP
from privacy.selectors import youths_due_for_retention
from youths.models import ResidenceStatus, Youth
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
    assert after["networks.TimelineEntry"] == counts_before["networks.TimelineEntry"] + 1  # "the network was closed"
    # The anonymisation itself is logged; closing the network revokes access.
    for label in ("audit.AuditEvent", "networks.TimelineEntry", "networks.NetworkGroupObjectPermission"):
        del after[label], counts_before[label]
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


# --- erasure is complete ------------------------------------------------------------------------


@pytest.fixture
def erasable(rich_network, coach, advisor, school_b):
    """The rich network, with what lies outside the deletion collector's reach: a signal (network
    SET_NULL) with advice, a lesson and feedback to policy drawn from it, and family abroad."""
    signal = SignalFactory(
        network=rich_network, question=f"Hoe helpen we {FIRST}?", case_summary=f"{FIRST} {LAST}, 16 jaar", sent_by=coach
    )
    AdviceFactory(signal=signal, text=f"Laat {FIRST} een tolk kiezen", by=advisor)
    LessonFactory(title=f"Wat werkte bij {FIRST}", body=f"Met {LAST} werkte een tolk.", source_signal=signal)
    feedback = PolicyFeedbackFactory(summary=f"Casus {LAST}: geen plaats")
    feedback.signals.set([signal])
    mother = SupporterFactory(
        first_name="Gulalai", last_name=LAST, organisation=None, email="gulalai@example.af", phone="+93 700 000"
    )
    network_add_member(network=rich_network, supporter=mother, role=MemberRole.FAMILY_MEMBER)
    # A buddy without an organisation who also supports another youth: known through that youth too.
    buddy = SupporterFactory(first_name="Bram", last_name="Buddyman", organisation=None)
    network_add_member(network=rich_network, supporter=buddy, role=MemberRole.BUDDY)
    other_network = CareNetworkFactory(youth=YouthFactory(first_name="Ander", last_name="Kind"))
    network_add_member(network=other_network, supporter=buddy, role=MemberRole.BUDDY)
    return rich_network


def test_after_erasure_no_text_field_of_any_row_holds_the_youths_names(erasable, admin_user):
    assert {"adviesgroep.Signal.question", "adviesgroep.Advice.text", "networks.Supporter.last_name"} <= set(
        text_rows_mentioning(FIRST) + text_rows_mentioning(LAST)
    )
    call_command("erase_youth", erasable.youth_id, by=admin_user.email, reason="verzoek van de jongere")
    assert text_rows_mentioning(FIRST) == []
    assert text_rows_mentioning(LAST) == []
    assert text_rows_mentioning("Gulalai") == []  # the family member known only through this youth
    assert text_rows_mentioning("gulalai@example.af") == [] and text_rows_mentioning("+93 700") == []


def test_erasure_keeps_the_signal_its_categories_and_the_shared_lessons(erasable, admin_user):
    from adviesgroep.models import Lesson, Signal

    signal = Signal.objects.get(network=erasable)
    youth_anonymise(youth=erasable.youth, by=admin_user)
    signal.refresh_from_db()
    assert signal.network_id == erasable.pk and signal.kind and signal.theme
    assert signal.question == ERASED and signal.case_summary == ERASED
    lesson = Lesson.objects.get(source_signal=signal)
    assert lesson.body == f"Met {ERASED} werkte een tolk."  # shared knowledge: only the name goes


def test_erasure_leaves_a_supporter_known_through_another_youth(erasable, admin_user):
    youth_anonymise(youth=erasable.youth, by=admin_user)
    assert Supporter.objects.filter(first_name="Bram", last_name="Buddyman").exists()


def test_the_erased_youths_network_is_closed_and_access_follows(erasable, admin_user, guardian, coach):
    assert user_may_see_network(guardian, erasable)
    youth_anonymise(youth=erasable.youth, by=admin_user, action=Action.ERASE)
    erasable.refresh_from_db()
    assert erasable.status == NetworkStatus.CLOSED and erasable.ended_on == timezone.localdate()
    assert erasable.closure_reason == ClosureReason.OTHER
    assert not user_may_see_network(guardian, erasable)  # a closed network keeps only the lead's organisation
    assert user_may_see_network(coach, erasable)
    assert erasable.timeline.filter(kind=TimelineKind.NETWORK).exists()


def test_an_erased_youths_network_sends_no_reminders(erasable, admin_user, coach, mailoutbox):
    today = timezone.localdate()
    lead = erasable.lead
    CareNetwork.objects.filter(pk=erasable.pk).update(
        next_contact_on=today - datetime.timedelta(days=2), next_contact_by=lead
    )
    ActionFactory(plan=erasable.plan, owner=lead, owner_is_youth=False, deadline=today)
    MeetingFactory(network=erasable, starts_at=timezone.now() + datetime.timedelta(days=2)).invited.set([lead])
    assert reminders_collect(today)[coach.pk]  # without the erasure, Sara would get a digest

    call_command("erase_youth", erasable.youth_id, by=admin_user.email, reason="verzoek")

    assert reminders_collect(today) == {}
    assert reminders_send(today=today) == 0
    assert mailoutbox == []


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


# --- export: a privacy officer's task ----------------------------------------------------------

SECRET = "Vertrouwelijk-Kx7q: schulden bij de opvang"  # a confidential note's text, found nowhere else


@pytest.fixture
def privacy_officer(db):
    """Fatima, the city's privacy officer: in the "Privacy officers" group, no network, no staff status."""
    user = UserFactory(email="fatima@gent.example", first_name="Fatima", last_name="Privacy")
    user.groups.add(Group.objects.get(name=PRIVACY_OFFICERS_GROUP))
    return user


@pytest.fixture
def sensitive_network(rich_network, guardian):
    """The rich network, with a note the guardianship service keeps to itself and a residence status."""
    Note.objects.create(
        network=rich_network, author=guardian, organisation=guardian.organisation, text=SECRET, confidential=True
    )
    Youth.objects.filter(pk=rich_network.youth_id).update(residence_status=ResidenceStatus.ASYLUM_PROCEDURE)
    return rich_network


def export_urls(youth_id) -> tuple[str, str]:
    return (
        reverse("privacy:youth_export_page", kwargs={"youth_pk": youth_id}),
        reverse("privacy:youth_export", kwargs={"youth_pk": youth_id}),
    )


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def residence_labels() -> set[str]:
    labels = set()
    for language in ("nl", "en", "fr"):
        with translation.override(language):
            labels.add(str(ResidenceStatus.ASYLUM_PROCEDURE.label))
    return labels


def test_the_privacy_officers_group_holds_the_export_permission(db):
    group = Group.objects.get(name=PRIVACY_OFFICERS_GROUP)
    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("youths", "export_youth_data")
    ]


def test_a_privacy_officer_exports_everything_about_the_youth_as_a_zip(client, sensitive_network, privacy_officer):
    youth = sensitive_network.youth
    SignalFactory(network=sensitive_network)
    page_url, zip_url = export_urls(youth.pk)
    client.force_login(privacy_officer)
    assert client.get(page_url).status_code == 200
    response = client.post(zip_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("youth.json"))
    assert data["youth"]["last_name"] == LAST
    assert any(FIRST in row["text"] for row in data["records"]["networks.Note"])
    assert "youths.Intake" in data["records"] and "actionplans.Barrier" in data["records"]
    assert "adviesgroep.Signal" in data["records"]  # the signals of the youth's network are about the youth
    pdfs = [name for name in archive.namelist() if name.startswith("pdf/")]
    assert f"pdf/network-map-{sensitive_network.pk}.pdf" in pdfs
    assert f"pdf/action-plan-{sensitive_network.pk}.pdf" in pdfs
    assert len([name for name in pdfs if "first-conversation" in name]) == 2
    assert all(archive.read(name).startswith(b"%PDF") for name in pdfs)


def test_confidential_notes_and_the_residence_status_are_only_in_the_marked_section(
    client, sensitive_network, privacy_officer
):
    youth = sensitive_network.youth
    client.force_login(privacy_officer)
    archive = zipfile.ZipFile(io.BytesIO(client.post(export_urls(youth.pk)[1]).content))

    general = archive.read("youth.json").decode()
    assert SECRET not in general
    assert ResidenceStatus.ASYLUM_PROCEDURE.value not in general and "residence_status" not in general
    assert all(not row["confidential"] for row in json.loads(general)["records"]["networks.Note"])
    for name in archive.namelist():
        if name.startswith("pdf/"):
            text = pdf_text(archive.read(name))
            assert SECRET[:20] not in text, name
            assert not any(label in text for label in residence_labels()), name

    notes = json.loads(archive.read("confidential/notes.json"))
    assert [row["text"] for row in notes["records"]["networks.Note"]] == [SECRET]
    need_to_know = json.loads(archive.read("confidential/need-to-know.json"))
    assert need_to_know["youth"]["residence_status"] == ResidenceStatus.ASYLUM_PROCEDURE.value
    readme = archive.read("README.txt").decode()
    assert "confidential/" in readme and "notes.json" in readme and "need-to-know.json" in readme


def test_every_export_is_in_the_audit_trail_with_the_officer(client, rich_network, privacy_officer):
    youth = rich_network.youth
    client.force_login(privacy_officer)
    client.post(export_urls(youth.pk)[1])
    client.post(export_urls(youth.pk)[1])
    events = AuditEvent.objects.filter(action=Action.EXPORT, youth_id=youth.pk)
    assert events.count() == 2
    assert set(events.values_list("user_id", "object_type", "object_id")) == {
        (privacy_officer.pk, "youth", str(youth.pk))
    }


def test_the_lead_gets_404_on_the_export_page_and_the_zip(coach_client, rich_network):
    page_url, zip_url = export_urls(rich_network.youth_id)
    assert coach_client.get(page_url).status_code == 404
    assert coach_client.post(zip_url).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_staff_without_the_permission_gets_404(client, rich_network):
    staff = UserFactory(email="beheer@gent.example", is_staff=True)
    client.force_login(staff)
    page_url, zip_url = export_urls(rich_network.youth_id)
    assert client.get(page_url).status_code == 404
    assert client.post(zip_url).status_code == 404
    assert client.get(reverse("privacy:youth_export_search"), {"q": LAST}).status_code == 404


def test_members_outsiders_and_the_advisory_group_get_404(client, network, guardian, outsider, advisor):
    page_url, zip_url = export_urls(network.youth_id)
    for user in (guardian, outsider, advisor):
        client.force_login(user)
        assert client.post(zip_url).status_code == 404
        assert client.get(page_url).status_code == 404
        assert client.get(reverse("privacy:youth_export_search"), {"q": "Rahimi"}).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_a_superuser_holds_every_permission_and_may_export(client, network, admin_user):
    client.force_login(admin_user)
    assert client.post(export_urls(network.youth_id)[1]).status_code == 200


def test_the_export_is_post_only(client, network, privacy_officer):
    client.force_login(privacy_officer)
    assert client.get(export_urls(network.youth_id)[1]).status_code == 405


def test_the_privacy_officer_finds_the_youth_by_name(client, rich_network, privacy_officer, outsider):
    YouthFactory(first_name="Ander", last_name="Kind")
    client.force_login(privacy_officer)
    url = reverse("privacy:youth_export_search")
    assert LAST not in client.get(url).content.decode()  # nothing before a search
    html = client.get(url, {"q": f"{FIRST.lower()} {LAST}"}).content.decode()
    assert export_urls(rich_network.youth_id)[0] in html and "Kind" not in html
    assert reverse("privacy:youth_export_search") in client.get(reverse("accounts:account_security")).content.decode()
    client.force_login(outsider)
    security_page = client.get(reverse("accounts:account_security")).content.decode()
    assert reverse("privacy:youth_export_search") not in security_page


def test_the_export_link_on_the_network_page_is_for_privacy_officers_only(coach_client, coach, network):
    url = reverse("networks:network_detail", kwargs={"network_pk": network.pk})
    export_page = export_urls(network.youth_id)[0]
    assert export_page not in coach_client.get(url).content.decode()  # the lead: no export
    coach.groups.add(Group.objects.get(name=PRIVACY_OFFICERS_GROUP))
    assert export_page in coach_client.get(url).content.decode()


def test_the_privacy_page_says_how_long_and_whom_to_contact(client, settings):
    settings.RETENTION_YEARS = 7
    settings.PRIVACY_CONTACT_EMAIL = "dpo@gent.example"
    html = client.get(reverse("privacy:privacy_page")).content.decode()
    assert "7" in html and "dpo@gent.example" in html
