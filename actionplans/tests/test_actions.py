import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from actionplans.models import Action, ActionStatus, Domain
from actionplans.services.plans import action_complete, action_drop, action_reopen, plan_add_action
from actionplans.tests.factories import ActionFactory
from networks.models import TimelineEntry

NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def _add(plan, by, **kwargs):
    defaults = {
        "domain": Domain.WORK,
        "description": "CV maken met VDAB",
        "deadline": NEXT_MONTH,
        "owner_is_youth": True,
    }
    return plan_add_action(plan=plan, by=by, **{**defaults, **kwargs})


def test_an_action_is_added_with_a_member_as_owner_and_appears_in_the_timeline(plan, coach, members):
    action = _add(plan, coach, owner=members["Karim"], owner_is_youth=False)
    assert action.status == ActionStatus.OPEN
    assert action.owner == members["Karim"]
    assert TimelineEntry.objects.filter(network=plan.network, summary__contains="CV maken").exists()


def test_fourth_open_action_is_refused_and_nothing_is_saved(plan, coach):
    for _ in range(3):
        _add(plan, coach)
    timeline_before = TimelineEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        _add(plan, coach, description="Een vierde actie")
    assert "at most three open actions" in str(refused.value)
    assert "better one action done well than five without effect" in str(refused.value)
    assert plan.actions.count() == 3
    assert not Action.objects.filter(description="Een vierde actie").exists()
    assert TimelineEntry.objects.count() == timeline_before


def test_fourth_open_action_through_the_page_shows_why_and_keeps_the_input(plan, coach_client):
    ActionFactory.create_batch(3, plan=plan)
    url = reverse("actionplans:action_create", args=[plan.network_id])
    response = coach_client.post(
        url,
        {"domain": Domain.WORK, "description": "Stage zoeken bij een garage", "who": "youth", "deadline": NEXT_MONTH},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "beter één actie goed gedaan dan vijf zonder effect" in content  # Dutch, the default UI
    assert "Stage zoeken bij een garage" in content
    assert plan.actions.count() == 3


def test_a_done_or_dropped_action_frees_a_place(plan, coach):
    first, second, _third = (_add(plan, coach, description=f"Actie {n}") for n in range(3))
    action_complete(action=first, result="Ingeschreven bij de Nederlandse les", by=coach)
    _add(plan, coach, description="Nieuwe actie")
    action_drop(action=second, reason="Niet meer nodig: de jongere verhuist", by=coach)
    _add(plan, coach, description="Nog een nieuwe actie")
    assert plan.actions.open().count() == 3


def test_reopening_an_action_is_refused_when_three_are_open(plan, coach):
    done = _add(plan, coach)
    action_complete(action=done, result="Gelukt", by=coach)
    for _ in range(3):
        _add(plan, coach)
    with pytest.raises(ValidationError, match="at most three open actions"):
        action_reopen(action=done, by=coach)
    done.refresh_from_db()
    assert done.status == ActionStatus.DONE


def test_a_dropped_action_needs_a_reason(plan, coach):
    action = _add(plan, coach)
    with pytest.raises(ValidationError):
        action_drop(action=action, reason="  ", by=coach)


def test_an_owner_from_another_network_is_refused(plan, coach):
    from networks.tests.factories import MembershipFactory

    stranger = MembershipFactory()
    with pytest.raises(ValidationError):
        _add(plan, coach, owner=stranger, owner_is_youth=False)
    assert plan.actions.count() == 0


def test_completing_an_action_writes_the_timeline(plan, coach):
    action = _add(plan, coach, description="Inschrijven bij NAFT")
    action_complete(action=action, result="Ingeschreven", by=coach)
    assert TimelineEntry.objects.filter(summary__contains="Action done: Inschrijven bij NAFT").exists()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_adds_cannot_make_four_open_actions(plan, coach):
    ActionFactory.create_batch(2, plan=plan)
    barrier = threading.Barrier(2)
    outcomes = []

    def add(n):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            _add(plan, coach, description=f"Gelijktijdig {n}")
            outcomes.append("added")
        except ValidationError:
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=add, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["added", "refused"]
    assert plan.actions.open().count() == 3
