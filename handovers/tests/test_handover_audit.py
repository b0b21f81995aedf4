"""Bulk changes of audited models are audited like any other change.

`handover_accept` moves the leaver's open actions, barriers and question routes to the successor
in bulk; `network_close` cancels the pending handovers. Each moved or cancelled row gets the
UPDATE event a save of that row would have written: one per row, with the names of the changed
fields, the network, and the user and IP of the request.

How these tests were checked to fail: with the three moves in `handover_accept` back to plain
`.update()`, the move tests find no events; with `audited_update` writing no events (or only
for rows of another model), `test_audited_update_*` fail; with QuestionRoute taken out of
`audited_models`, the question-route test fails.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import Action, ActionPlan, ActionStatus, Barrier, BarrierCategory, Domain, QuestionRoute
from audit.models import AuditEvent
from audit.trail import Action as AuditAction
from audit.trail import audit_actor, audited_update
from handovers.models import HandoverReason, HandoverStatus
from handovers.services import handover_start, network_close
from networks.choices import ClosureReason, MemberRole
from networks.models import Supporter
from networks.tests.factories import SupporterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def karim(network, vdab):
    return network.memberships.active().get(supporter__user=vdab)


@pytest.fixture
def open_work(network, karim):
    """Karim's work in Ahmad's plan: open and finished actions, barriers and a question route."""
    plan = ActionPlan.objects.create(network=network, question_for_help="Werk na 18")
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    category = BarrierCategory.objects.create(name="Taal (test)", slug="taal-test")
    return {
        "open_action": Action.objects.create(
            plan=plan, domain=Domain.WORK, description="Inschrijven bij VDAB", owner=karim, deadline=deadline
        ),
        "done_action": Action.objects.create(
            plan=plan,
            domain=Domain.WORK,
            description="Cv opstellen",
            owner=karim,
            deadline=deadline,
            status=ActionStatus.DONE,
        ),
        "barrier": Barrier.objects.create(plan=plan, category=category, description="Wachtlijst", helper=karim),
        "route": QuestionRoute.objects.create(plan=plan, question="Vragen over werk", member=karim),
    }


@pytest.fixture
def handover(network, vdab, lore):
    return handover_start(
        network=network,
        leaver=network.memberships.active().get(supporter__user=vdab),
        successor=lore.supporter,
        successor_role=MemberRole.JOB_COACH,
        reason=HandoverReason.TURNS_18,
        note="Overdracht",
        share_consent=True,
        by=network.lead.supporter.user,
    )


def _updates(obj):
    return list(
        AuditEvent.objects.filter(
            action=AuditAction.UPDATE, object_type=obj._meta.model_name, object_id=str(obj.pk)
        ).order_by("pk")
    )


def _accept_by_page(client, lore, handover):
    client.force_login(lore)
    response = client.post(reverse("handovers:handover_accept", args=[handover.pk]), REMOTE_ADDR="10.4.4.4")
    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.ACCEPTED


@pytest.mark.parametrize(("name", "field"), [("open_action", "owner"), ("barrier", "helper"), ("route", "member")])
def test_each_row_moved_on_acceptance_has_its_own_update_event(client, network, lore, handover, open_work, name, field):
    _accept_by_page(client, lore, handover)

    (event,) = _updates(open_work[name])
    assert event.fields == [field]
    assert event.network_id == network.pk
    assert (event.user_id, event.organisation_id, event.ip) == (lore.pk, lore.organisation_id, "10.4.4.4")
    moved = type(open_work[name]).objects.get(pk=open_work[name].pk)
    assert getattr(moved, f"{field}_id") == network.memberships.active().get(supporter__user=lore).pk


def test_a_finished_action_does_not_move_and_gets_no_event(client, lore, handover, open_work):
    _accept_by_page(client, lore, handover)
    assert _updates(open_work["done_action"]) == []


def test_closing_the_network_audits_each_cancelled_handover(network, coach, handover):
    network_close(network=network, reason=ClosureReason.OTHER, note="Verhuisd", by=coach)
    (event,) = _updates(handover)
    assert event.fields == ["decided_at", "status"]
    assert event.network_id == network.pk


def test_audited_update_writes_the_event_a_save_would_write(network, open_work, coach):
    barrier = open_work["barrier"]
    with audit_actor(coach):
        barrier.description = "Wachtlijst bij de VDAB"
        barrier.save(update_fields=["description", "updated_at"])
        saved = _updates(barrier)[-1]
        changed = audited_update(
            Barrier.objects.filter(pk=barrier.pk), description="Wachtlijst", updated_at=timezone.now()
        )
    bulk = _updates(barrier)[-1]
    assert changed == 1
    assert bulk.pk != saved.pk
    compared = ("object_type", "object_id", "network_id", "youth_id", "user_id", "organisation_id", "fields")
    assert [getattr(bulk, name) for name in compared] == [getattr(saved, name) for name in compared]
    assert bulk.fields == ["description"]  # updated_at is left out, as on a save


def test_audited_update_of_a_youths_record_names_the_youth(network, coach):
    consent_youth = network.youth
    consent = consent_youth.sharing_consents.create(organisation=coach.organisation)
    audited_update(consent_youth.sharing_consents.filter(pk=consent.pk), revoked_on=timezone.localdate())
    (event,) = _updates(consent)
    assert (event.youth_id, event.network_id, event.fields) == (consent_youth.pk, None, ["revoked_on"])


def test_audited_update_of_nothing_or_of_a_model_outside_the_audit_writes_nothing(network):
    before = AuditEvent.objects.count()
    assert audited_update(Action.objects.none(), description="x") == 0
    assert audited_update(Supporter.objects.filter(pk=-1), function="x") == 0
    supporter = SupporterFactory()
    after_create = AuditEvent.objects.count()
    assert audited_update(Supporter.objects.filter(pk=supporter.pk), function="Buddy") == 1
    assert AuditEvent.objects.count() == after_create
    assert after_create == before  # supporters are not audited at all
