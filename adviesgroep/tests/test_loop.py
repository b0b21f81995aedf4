"""Step 6 closes the loop: a barrier is signalled once, and the advice comes back as an action or on the barrier."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from actionplans.models import MAX_OPEN_ACTIONS, Action, ActionStatus, Barrier, BarrierStatus, Domain
from actionplans.services.plans import plan_add_action, plan_get_or_create
from adviesgroep.models import Advice, Signal, SignalKind, SignalStatus, Theme
from adviesgroep.services import advice_to_action, signal_assign_reviewer, signal_send
from adviesgroep.tests.factories import AdviceFactory, BarrierFactory, SignalFactory
from networks.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _network_page(client, network) -> str:
    return client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk})).content.decode()


def _send(network, by, category, barrier=None):
    return signal_send(
        network=network,
        by=by,
        kind=SignalKind.STRUCTURAL,
        theme=Theme.CHOICES,
        question="Er is geen plaats in de gekozen richting.",
        case_summary="Jongere: A.",
        categories=[category],
        source_barrier=barrier,
    )


# --- a barrier is signalled once -------------------------------------------------------------


def test_a_signalled_barrier_shows_its_signal_and_status_and_no_second_send_button(
    coach_client, coach, network, category
):
    barrier = BarrierFactory(plan__network=network, category=category, description="Geen stageplaats gevonden.")
    send_url = reverse("adviesgroep:signal_from_barrier", kwargs={"barrier_pk": barrier.pk})
    assert send_url in _network_page(coach_client, network)

    signal = _send(network, coach, category, barrier)
    signal.status = SignalStatus.ANSWERED
    signal.save(update_fields=["status"])
    page = _network_page(coach_client, network)
    assert send_url not in page
    assert f"gesignaleerd (signaal {signal.pk}, beantwoord)" in page


def test_the_service_refuses_a_second_signal_for_the_same_barrier(coach, network, category):
    barrier = BarrierFactory(plan__network=network, category=category)
    first = _send(network, coach, category, barrier)
    with pytest.raises(ValidationError) as error:
        _send(network, coach, category, barrier)
    assert f"signaal {first.pk} (nieuw)" in " ".join(error.value.messages)
    assert Signal.objects.count() == 1


def test_opening_the_form_for_a_signalled_barrier_leads_to_the_existing_signal(coach_client, coach, network, category):
    barrier = BarrierFactory(plan__network=network, category=category)
    first = _send(network, coach, category, barrier)
    response = coach_client.post(reverse("adviesgroep:signal_from_barrier", kwargs={"barrier_pk": barrier.pk}))
    assert response.status_code == 302
    assert response.url == reverse("adviesgroep:signal_detail", kwargs={"signal_pk": first.pk})


def test_posting_the_form_again_for_a_signalled_barrier_is_refused_with_a_message(
    coach_client, coach, network, category
):
    barrier = BarrierFactory(plan__network=network, category=category)
    _send(network, coach, category, barrier)
    data = {
        "kind": SignalKind.STRUCTURAL,
        "theme": Theme.CHOICES,
        "categories": [category.pk],
        "question": "Nog eens?",
        "case_summary": "Jongere: A.",
        "source_barrier": barrier.pk,
    }
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert response.status_code == 200
    assert "al naar de adviesgroep gestuurd" in response.content.decode()
    assert Signal.objects.count() == 1


# --- advice becomes an action, or is noted on the barrier --------------------------------------


@pytest.fixture
def answered(network, coach, category):
    barrier = BarrierFactory(plan__network=network, category=category, description="Geen plaats in de richting.")
    signal = SignalFactory(network=network, sent_by=coach, categories=[category], source_barrier=barrier)
    advice = AdviceFactory(signal=signal, text="Vraag het LOP om bemiddeling bij de inschrijving.")
    return advice


def _action_data(advice, **overrides):
    prefix = f"advice-{advice.pk}"
    data = {
        f"{prefix}-domain": Domain.SCHOOL,
        f"{prefix}-description": advice.text,
        f"{prefix}-who": "youth",
        f"{prefix}-deadline": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
    }
    data.update({f"{prefix}-{key}": value for key, value in overrides.items()})
    return data


def test_the_signal_page_offers_the_advice_as_an_action_prefilled(coach_client, answered):
    response = coach_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": answered.signal_id}))
    content = response.content.decode()
    assert reverse("adviesgroep:advice_to_action", kwargs={"advice_pk": answered.pk}) in content
    assert "Vraag het LOP om bemiddeling bij de inschrijving." in content


def test_a_member_turns_the_advice_into_an_action_in_one_step(coach_client, network, answered):
    url = reverse("adviesgroep:advice_to_action", kwargs={"advice_pk": answered.pk})
    response = coach_client.post(url, _action_data(answered))
    assert response.status_code == 302
    assert response.url.startswith(reverse("actionplans:plan_detail", args=[network.pk]))
    action = Action.objects.get(plan__network=network)
    assert action.description == "Vraag het LOP om bemiddeling bij de inschrijving."
    assert action.owner_is_youth and action.status == ActionStatus.OPEN
    answered.refresh_from_db()
    assert answered.action == action
    page = coach_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": answered.signal_id}))
    assert "Werd de actie:" in page.content.decode()
    assert url not in page.content.decode()


def test_the_advice_does_not_become_a_fourth_open_action(coach_client, coach, network, answered):
    plan = plan_get_or_create(network=network)
    for index in range(MAX_OPEN_ACTIONS):
        plan_add_action(
            plan=plan,
            domain=Domain.SCHOOL,
            description=f"Actie {index}",
            deadline=timezone.localdate() + datetime.timedelta(days=7),
            owner_is_youth=True,
            by=coach,
        )
    response = coach_client.post(
        reverse("adviesgroep:advice_to_action", kwargs={"advice_pk": answered.pk}), _action_data(answered)
    )
    assert response.status_code == 400
    assert "al drie open acties" in response.content.decode()
    assert Action.objects.filter(plan=plan).count() == MAX_OPEN_ACTIONS
    answered.refresh_from_db()
    assert answered.action is None


def test_a_member_notes_the_advice_on_the_barrier(coach_client, answered):
    url = reverse("adviesgroep:advice_to_barrier", kwargs={"advice_pk": answered.pk})
    response = coach_client.post(url, {f"advice-{answered.pk}-barrier-status": BarrierStatus.IN_PROGRESS})
    assert response.status_code == 302
    barrier = Barrier.objects.get(pk=answered.signal.source_barrier_id)
    assert barrier.status == BarrierStatus.IN_PROGRESS
    assert "Vraag het LOP om bemiddeling bij de inschrijving." in barrier.description
    assert barrier.description.startswith("Geen plaats in de richting.")
    answered.refresh_from_db()
    assert answered.barrier_updated_at is not None
    # Once taken up, not again.
    coach_client.post(url, {f"advice-{answered.pk}-barrier-status": BarrierStatus.REMOVED})
    assert Barrier.objects.get(pk=barrier.pk).status == BarrierStatus.IN_PROGRESS


def test_taking_up_advice_needs_post_and_membership(client, coach, outsider, advisor, answered):
    for name in ("adviesgroep:advice_to_action", "adviesgroep:advice_to_barrier"):
        url = reverse(name, kwargs={"advice_pk": answered.pk})
        client.force_login(coach)
        assert client.get(url).status_code == 405
        for stranger in (outsider, advisor):
            client.force_login(stranger)
            assert client.post(url, _action_data(answered)).status_code == 404
    assert not Action.objects.exists()
    assert Advice.objects.get(pk=answered.pk).barrier_updated_at is None


# --- mails to the advisory group ---------------------------------------------------------------


def test_the_advisory_group_is_mailed_when_a_signal_arrives_with_only_the_category_and_a_link(
    advisor, coach, network, category, django_capture_on_commit_callbacks
):
    UserFactory(email="slapend@adviesgroep.example", is_advisory=True, is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        signal = _send(network, coach, category)
    new_signal_mails = [m for m in mail.outbox if advisor.email in m.to]
    assert len(new_signal_mails) == 1
    message = new_signal_mails[0]
    assert "slapend@adviesgroep.example" not in message.to
    assert reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}) in message.body
    assert category.name in message.body
    text = message.subject + message.body
    for private in ("Ahmad", "Rahimi", "Sara", "geen plaats in de gekozen richting", signal.network_code):
        assert private.lower() not in text.lower()


def test_a_reviewer_is_mailed_when_a_signal_is_assigned_to_them(advisor, signal, django_capture_on_commit_callbacks):
    other = UserFactory(email="ines@adviesgroep.example", is_advisory=True)
    with django_capture_on_commit_callbacks(execute=True):
        signal_assign_reviewer(signal=signal, reviewer=other, by=advisor)
    assert [m.to for m in mail.outbox] == [[other.email]]
    assert reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}) in mail.outbox[0].body
    assert "Ahmad" not in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signal_assign_reviewer(signal=signal, reviewer=advisor, by=advisor)  # taking it yourself: no mail
    assert mail.outbox == []


def test_the_advisory_group_reads_that_the_advice_became_an_action_but_not_the_actions_text(
    coach, advisor_client, network, answered
):
    advice_to_action(
        advice=answered,
        domain=Domain.SCHOOL,
        description="Ahmad schrijft zich in bij het LOP.",
        deadline=timezone.localdate() + datetime.timedelta(days=7),
        owner_is_youth=True,
        by=coach,
    )
    content = advisor_client.get(
        reverse("adviesgroep:signal_detail", kwargs={"signal_pk": answered.signal_id})
    ).content.decode()
    assert "Het netwerk maakte van dit advies een actie in zijn plan." in content
    assert "Ahmad" not in content
    assert reverse("actionplans:plan_detail", args=[network.pk]) not in content
