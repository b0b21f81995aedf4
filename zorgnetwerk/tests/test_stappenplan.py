"""The stappenplan tracker: each of the six steps in each of its states, the next step, the hub."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.choices import Sector
from actionplans.models import ActionStatus, BarrierStatus, MeetingStatus
from actionplans.services.plans import plan_get_or_create, plan_record_version
from actionplans.tests.factories import ActionFactory, MeetingFactory
from adviesgroep.models import SignalStatus
from adviesgroep.tests.factories import BarrierFactory, SignalFactory
from networks.choices import MemberRole, NetworkStatus
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory
from youths.tests.factories import IntakeFactory, YouthFactory, years_ago
from youths.tests.helpers import add_members, client_for
from zorgnetwerk.stappenplan import ATTENTION, DONE, IN_PROGRESS, NOT_STARTED, youth_stappenplan

TODAY = datetime.date(2026, 12, 2)


def steps_of(network, today=None):
    network.refresh_from_db()
    with translation.override("en"):
        plan = youth_stappenplan(youth=network.youth, network=network, today=today)
        for each in plan.steps:  # the texts are lazy: read them in English
            each.name, each.reason, each.action = str(each.name), str(each.reason), str(each.action)
    return {step.number: step for step in plan.steps}


def step(network, number, today=None):
    return steps_of(network, today)[number]


def complete_the_sectors(network):
    for sector, role in ((Sector.WELFARE, MemberRole.SOCIAL_WORKER), (Sector.HOUSING, MemberRole.HOUSING_COUNSELLOR)):
        organisation = OrganisationFactory(sector=sector)
        network_add_member(network=network, supporter=SupporterFactory(organisation=organisation), role=role)


def held_meeting(network, days_ago=2, finished=True):
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    meeting = MeetingFactory(network=network, starts_at=starts, status=MeetingStatus.HELD)
    if finished:
        plan_record_version(plan=plan_get_or_create(network=network), meeting=meeting, by=None)
    return meeting


# Step 1: start with the youth


def test_step_1_is_not_started_without_a_first_conversation(db):
    youth = YouthFactory()
    network = CareNetworkFactory(youth=youth, status=NetworkStatus.PREPARING)
    first = steps_of(network)[1]
    assert first.status == NOT_STARTED
    assert first.url == reverse("youths:intake_create", args=[youth.pk])


def test_step_1_is_in_progress_while_the_youth_has_not_agreed(db):
    youth = YouthFactory()
    intake = IntakeFactory(youth=youth, consent_given=False, consent_date=None)
    network = CareNetworkFactory(youth=youth)
    first = steps_of(network)[1]
    assert first.status == IN_PROGRESS
    assert first.url == reverse("youths:intake_update", args=[intake.pk])


def test_step_1_is_done_with_a_consented_first_conversation(network):
    assert step(network, 1).status == DONE


# Step 2: map the network


def test_step_2_is_not_started_with_only_the_person_who_registered_the_youth(db, coach):
    youth = YouthFactory()
    network = CareNetworkFactory(youth=youth)
    network_add_member(network=network, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    second = step(network, 2)
    assert second.status == NOT_STARTED
    assert second.url == reverse("networks:membership_create", args=[network.pk])


def test_step_2_is_in_progress_and_names_the_missing_sectors(network):
    second = step(network, 2)
    assert second.status == IN_PROGRESS
    assert "welfare and housing" in second.reason


def test_step_2_needs_attention_when_sectors_are_still_missing_after_a_round_table(network):
    held_meeting(network)
    second = step(network, 2)
    assert second.status == ATTENTION
    assert second.reason == "Welfare and housing missing"


def test_step_2_is_done_when_every_essential_sector_is_there(network):
    complete_the_sectors(network)
    assert step(network, 2).status == DONE


# Step 3: round table and action plan


def test_step_3_is_not_started_without_round_table_or_action(network):
    third = step(network, 3)
    assert third.status == NOT_STARTED
    assert third.url == reverse("actionplans:meeting_create", args=[network.pk])


def test_step_3_is_in_progress_with_a_round_table_ahead(network):
    MeetingFactory(network=network)
    assert step(network, 3).status == IN_PROGRESS


def test_step_3_is_in_progress_while_a_held_round_table_is_not_finished(network):
    held_meeting(network, finished=False)
    assert step(network, 3).status == IN_PROGRESS


def test_step_3_needs_attention_when_a_past_round_table_was_not_filled_in(network):
    meeting = MeetingFactory(network=network, starts_at=timezone.now() - datetime.timedelta(days=3))
    third = step(network, 3)
    assert third.status == ATTENTION
    assert "has not been filled in" in third.reason
    assert third.url == reverse("actionplans:meeting_record", args=[meeting.pk])


def test_step_3_needs_attention_when_the_finished_plan_has_no_action(network):
    held_meeting(network)
    third = step(network, 3)
    assert third.status == ATTENTION
    assert third.reason == "The plan has no action"


def test_step_3_is_done_with_a_finished_round_table_and_an_action(network):
    held_meeting(network)
    ActionFactory(plan=plan_get_or_create(network=network))
    assert step(network, 3).status == DONE


def test_step_3_does_not_offer_a_fourth_open_action(network):
    held_meeting(network)
    plan = plan_get_or_create(network=network)
    MeetingFactory(network=network)
    ActionFactory.create_batch(3, plan=plan)
    assert step(network, 3).url != reverse("actionplans:action_create", args=[network.pk])


# Step 4: follow up


def test_step_4_is_not_started_before_there_is_a_plan(network):
    assert step(network, 4).status == NOT_STARTED


def test_step_4_says_how_many_days_the_follow_up_is_late(network):
    network.next_contact_on = TODAY - datetime.timedelta(days=3)
    network.save()
    fourth = step(network, 4, today=TODAY)
    assert fourth.status == ATTENTION
    assert fourth.reason == "Follow-up 3 days late"


def test_step_4_needs_attention_for_actions_past_their_deadline(network):
    ActionFactory(plan=plan_get_or_create(network=network), deadline=TODAY - datetime.timedelta(days=1))
    network.next_contact_on = TODAY + datetime.timedelta(days=5)
    network.save()
    assert step(network, 4, today=TODAY).reason == "1 action past its deadline"


def test_step_4_needs_attention_when_a_plan_has_no_next_contact(network):
    ActionFactory(plan=plan_get_or_create(network=network), deadline=TODAY + datetime.timedelta(days=9))
    fourth = step(network, 4, today=TODAY)
    assert (fourth.status, fourth.reason) == (ATTENTION, "No next contact date")


def test_step_4_is_in_progress_with_a_next_contact_ahead(network):
    network.next_contact_on = TODAY + datetime.timedelta(days=10)
    network.save()
    assert step(network, 4, today=TODAY).status == IN_PROGRESS


def test_step_4_is_done_when_the_network_is_closed(network):
    network.status = NetworkStatus.CLOSED
    network.save()
    fourth = step(network, 4)
    assert fourth.status == DONE
    assert fourth.url == ""


# Step 5: warm handover


def test_step_5_is_not_started_without_a_handover(network):
    assert step(network, 5).status == NOT_STARTED


def test_step_5_is_in_progress_while_a_handover_waits(pending_handover):
    assert step(pending_handover.network, 5).status == IN_PROGRESS


def test_step_5_is_done_after_an_accepted_handover(successor_after_handover, network):
    assert step(network, 5).status == DONE


def test_step_5_needs_attention_at_17(network):
    network.youth.birth_date = years_ago(17, days=10)
    network.youth.save()
    fifth = step(network, 5)
    assert fifth.status == ATTENTION
    assert fifth.url == reverse("handovers:transition_checklist", args=[network.pk])


# Step 6: advisory group


def test_step_6_is_not_started_without_signals(network):
    assert step(network, 6).status == NOT_STARTED


def test_step_6_is_in_progress_while_a_signal_waits_for_advice(network):
    SignalFactory(network=network)
    assert step(network, 6).status == IN_PROGRESS


def test_step_6_is_done_when_the_signals_are_answered(network):
    SignalFactory(network=network, status=SignalStatus.ANSWERED)
    assert step(network, 6).status == DONE


def test_step_6_needs_attention_for_a_stuck_barrier_not_yet_signalled(network):
    barrier = BarrierFactory(plan=plan_get_or_create(network=network), status=BarrierStatus.STUCK)
    assert step(network, 6).status == ATTENTION
    SignalFactory(network=network, source_barrier=barrier)
    assert step(network, 6).status == IN_PROGRESS


# The next step and the hub


def test_the_next_step_is_the_first_unfinished_step_and_attention_goes_first(network):
    plan = youth_stappenplan(youth=network.youth, network=network)
    assert plan.next_step.number == 2
    network.next_contact_on = timezone.localdate() - datetime.timedelta(days=1)
    network.save()
    assert youth_stappenplan(youth=network.youth, network=network).next_step.number == 4


def test_the_dossier_shows_the_tracker_and_its_main_button_moves_on_after_the_first_conversation(db, coach):
    youth = YouthFactory()
    network = CareNetworkFactory(youth=youth)
    network_add_member(network=network, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    client = client_for(coach)
    url = reverse("youths:youth_detail", args=[youth.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="stappenplan"' in page
    assert f'href="{reverse("youths:intake_create", args=[youth.pk])}" data-testid="next-step"' in page
    IntakeFactory(youth=youth)
    page = client.get(url).content.decode()
    assert f'href="{reverse("networks:membership_create", args=[network.pk])}" data-testid="next-step"' in page


def test_the_dossier_with_a_lot_of_data_keeps_its_query_count(network, coach, django_assert_max_num_queries):
    client = client_for(coach)
    url = reverse("youths:youth_detail", args=[network.youth.pk])
    client.get(url)
    from youths.tests.helpers import queries_for

    few = queries_for(client, url)
    add_members(network, 20)
    plan = plan_get_or_create(network=network)
    for days in range(5):
        held_meeting(network, days_ago=days + 2)
        MeetingFactory(network=network)
    ActionFactory.create_batch(10, plan=plan, status=ActionStatus.DONE)
    ActionFactory.create_batch(3, plan=plan, deadline=timezone.localdate() - datetime.timedelta(days=1))
    BarrierFactory.create_batch(5, plan=plan, status=BarrierStatus.STUCK)
    SignalFactory.create_batch(5, network=network)
    IntakeFactory.create_batch(3, youth=network.youth)
    assert queries_for(client, url) <= few
    with django_assert_max_num_queries(few):
        client.get(url)


def test_an_outsider_gets_404_for_the_hub(network, outsider):
    assert client_for(outsider).get(reverse("youths:youth_detail", args=[network.youth.pk])).status_code == 404


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5, 6])
def test_a_closed_network_shows_every_step_without_forms_to_change_it(network, number):
    network.status = NetworkStatus.CLOSED
    network.save()
    current = step(network, number)
    assert "nieuw" not in current.url and "wijzigen" not in current.url


def test_the_first_conversation_page_offers_the_next_step(network, coach):
    intake = network.youth.intakes.get()
    page = client_for(coach).get(reverse("youths:intake_detail", args=[intake.pk])).content.decode()
    assert 'data-testid="next-step-bar"' in page
    assert f'href="{reverse("networks:membership_create", args=[network.pk])}"' in page
