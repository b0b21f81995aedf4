import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from actionplans.models import BarrierCategory, BarrierStatus, Offer, ReferralFailureReason, ReferralStatus
from actionplans.services.followup import evaluation_add, network_set_follow_up
from actionplans.services.plans import (
    barrier_add,
    barrier_update,
    question_route_add,
    referral_add,
    referral_set_status,
)
from networks.models import TimelineEntry
from networks.services import network_rotate_lead

TODAY = timezone.localdate()


def test_the_barrier_categories_and_offers_are_seeded(db):
    slugs = set(BarrierCategory.objects.values_list("slug", flat=True))
    assert {
        "language",
        "documents-residence",
        "money-groeipakket",
        "age-limit-18",
        "prejudice-school",
        "other",
    } <= slugs
    assert BarrierCategory.objects.count() == 11
    names = set(Offer.objects.values_list("name", flat=True))
    assert {"Jobteam", "NAFT", "POWER", "MindSpring"} <= names
    assert Offer.objects.get(name="Jobteam").min_age == 18


def test_a_barrier_is_kept_ready_to_be_signalled(plan, coach, members):
    category = BarrierCategory.objects.get(slug="access-training")
    barrier = barrier_add(
        plan=plan, category=category, description="OKAN-leerlingen mogen niet in NAFT", helper=members["Jan"], by=coach
    )
    barrier_update(
        barrier=barrier,
        category=category,
        description=barrier.description,
        helper=members["Jan"],
        status=BarrierStatus.STUCK,
        by=coach,
    )
    barrier.refresh_from_db()
    assert (barrier.category.slug, barrier.status, barrier.plan.network) == ("access-training", "stuck", plan.network)
    assert TimelineEntry.objects.filter(kind="barrier", network=plan.network).count() == 2


def test_a_referral_moves_from_sent_to_accepted_to_done(plan, coach, members):
    referral = referral_add(
        plan=plan, offer=Offer.objects.get(name="NAFT"), reason="Schoolmoe", referred_by=members["Sara"], by=coach
    )
    referral_set_status(referral=referral, status=ReferralStatus.ACCEPTED, by=coach)
    referral_set_status(referral=referral, status=ReferralStatus.DONE, succeeded=True, by=coach)
    referral.refresh_from_db()
    assert (referral.status, referral.succeeded, referral.answered_on) == ("done", True, TODAY)
    assert TimelineEntry.objects.filter(kind="referral", summary__contains="succeeded").exists()


def test_a_refused_or_unsuccessful_referral_needs_a_reason(plan, coach):
    referral = referral_add(plan=plan, partner="Lokale sportclub", reason="Vrije tijd", referred_by=None, by=coach)
    with pytest.raises(ValidationError):
        referral_set_status(referral=referral, status=ReferralStatus.REFUSED, by=coach)
    with pytest.raises(ValidationError):
        referral_set_status(referral=referral, status=ReferralStatus.DONE, succeeded=True, by=coach)  # skips a step
    referral_set_status(referral=referral, status=ReferralStatus.ACCEPTED, by=coach)
    with pytest.raises(ValidationError):
        referral_set_status(referral=referral, status=ReferralStatus.DONE, succeeded=False, by=coach)
    referral_set_status(
        referral=referral,
        status=ReferralStatus.DONE,
        succeeded=False,
        failure_reason=ReferralFailureReason.NO_CAPACITY,
        failure_note="Wachtlijst tot september",
        by=coach,
    )
    referral.refresh_from_db()
    assert referral.failure_reason == "no_capacity"


def test_a_referral_without_answer_for_fourteen_days_waits_too_long(plan, coach, settings):
    from actionplans.models import Referral

    old = referral_add(plan=plan, partner="MindSpring", reason="Psycho-educatie", referred_by=None, by=coach)
    Referral.objects.filter(pk=old.pk).update(sent_on=TODAY - datetime.timedelta(days=14))
    recent = referral_add(plan=plan, partner="CAW", reason="Geld", referred_by=None, by=coach)
    Referral.objects.filter(pk=recent.pk).update(sent_on=TODAY - datetime.timedelta(days=13))
    assert list(Referral.objects.waiting_too_long(TODAY)) == [old]
    settings.FOLLOW_UP_REFERRAL_WAIT_DAYS = 10
    assert set(Referral.objects.waiting_too_long(TODAY)) == {old, recent}


def test_the_plan_page_marks_a_referral_waiting_too_long(plan, coach, coach_client):
    from actionplans.models import Referral

    referral = referral_add(plan=plan, partner="MindSpring", reason="Slaap", referred_by=None, by=coach)
    Referral.objects.filter(pk=referral.pk).update(sent_on=TODAY - datetime.timedelta(days=20))
    response = coach_client.get(reverse("actionplans:plan_detail", args=[plan.network_id]))
    assert "wacht te lang" in response.content.decode()


def test_the_question_route_list_only_takes_members(plan, coach, members):
    from networks.tests.factories import MembershipFactory

    route = question_route_add(plan=plan, question="Problemen met geld", member=members["Jan"], by=coach)
    assert route.order == 1
    with pytest.raises(ValidationError):
        question_route_add(plan=plan, question="Werk", member=MembershipFactory(), by=coach)


def test_the_follow_up_date_and_responsible_member_are_saved(network, coach_client, members):
    response = coach_client.post(
        reverse("actionplans:follow_up_update", args=[network.pk]),
        {"next_contact_on": (TODAY + datetime.timedelta(days=14)).isoformat(), "next_contact_by": members["Jan"].pk},
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.next_contact_by == members["Jan"]


def test_a_follow_up_date_without_responsible_is_refused(network, coach_client):
    response = coach_client.post(
        reverse("actionplans:follow_up_update", args=[network.pk]),
        {"next_contact_on": (TODAY + datetime.timedelta(days=14)).isoformat()},
    )
    assert response.status_code == 200
    network.refresh_from_db()
    assert network.next_contact_on is None


def test_follow_up_with_a_member_of_another_network_is_refused(network, coach):
    from networks.tests.factories import MembershipFactory

    with pytest.raises(ValidationError):
        network_set_follow_up(network=network, next_contact_on=TODAY, next_contact_by=MembershipFactory(), by=coach)


def test_an_evaluation_is_recorded_in_the_timeline(network, coach):
    evaluation_add(network=network, held_on=TODAY, went_well="Ahmad gaat graag naar school", changes="", by=coach)
    assert TimelineEntry.objects.filter(network=network, kind="evaluation").exists()


def test_the_lead_hands_the_role_to_another_member(network, coach, members):
    network_rotate_lead(network=network, new_lead=members["Jan"], by=coach)
    network.refresh_from_db()
    assert network.lead == members["Jan"]
    assert network.plan_review_due_on == TODAY + datetime.timedelta(days=30)
    assert TimelineEntry.objects.filter(network=network, summary__contains="handed the lead").exists()


def test_only_the_lead_can_hand_over_the_lead(network, guardian, vdab, members, client):
    with pytest.raises(ValidationError):
        network_rotate_lead(network=network, new_lead=members["Karim"], by=guardian)
    client.force_login(vdab)
    response = client.post(reverse("actionplans:lead_rotate", args=[network.pk]), {"new_lead": members["Karim"].pk})
    assert response.status_code == 200
    network.refresh_from_db()
    assert network.lead == members["Sara"]
