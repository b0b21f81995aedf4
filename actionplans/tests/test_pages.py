"""Every page of the plan: a member gets 200, an outsider 404, anonymous goes to login; changes are POST."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplans.models import Action, ActionStatus, Barrier, BarrierCategory, PlanVersion, QuestionRoute
from actionplans.services.plans import plan_record_version
from actionplans.tests.factories import ActionFactory, MeetingFactory, ReferralFactory


@pytest.fixture
def objects(plan, coach, members):
    action = ActionFactory(plan=plan)
    done = ActionFactory(plan=plan, status=ActionStatus.DONE, result="Gelukt")
    barrier = Barrier.objects.create(
        plan=plan, category=BarrierCategory.objects.get(slug="language"), description="Begrijpt de brieven niet"
    )
    referral = ReferralFactory(plan=plan)
    route = QuestionRoute.objects.create(plan=plan, question="Geld", member=members["Jan"])
    meeting = MeetingFactory(network=plan.network)
    past = MeetingFactory(network=plan.network, starts_at=timezone.now() - datetime.timedelta(days=2))
    version = plan_record_version(plan=plan, meeting=None, by=coach)
    return {
        "network": plan.network.pk,
        "action": action.pk,
        "done": done.pk,
        "barrier": barrier.pk,
        "referral": referral.pk,
        "route": route.pk,
        "meeting": meeting.pk,
        "past": past.pk,
        "version": version.pk,
    }


# (URL name, key of the object in `objects`)
PAGES = [
    ("actionplans:plan_detail", "network"),
    ("actionplans:plan_update", "network"),
    ("actionplans:action_create", "network"),
    ("actionplans:barrier_create", "network"),
    ("actionplans:referral_create", "network"),
    ("actionplans:question_route_create", "network"),
    ("actionplans:evaluation_create", "network"),
    ("actionplans:follow_up_update", "network"),
    ("actionplans:lead_rotate", "network"),
    ("actionplans:meeting_create", "network"),
    ("actionplans:plan_version_detail", "version"),
    ("actionplans:action_update", "action"),
    ("actionplans:action_complete", "action"),
    ("actionplans:action_drop", "action"),
    ("actionplans:action_evaluate", "done"),
    ("actionplans:barrier_update", "barrier"),
    ("actionplans:referral_status", "referral"),
    ("actionplans:meeting_detail", "meeting"),
    ("actionplans:meeting_update", "meeting"),
    ("actionplans:meeting_cancel", "meeting"),
    ("actionplans:meeting_record", "past"),
    ("actionplans:meeting_ics", "meeting"),
]
POST_ONLY = [
    ("actionplans:action_reopen", "done"),
    ("actionplans:question_route_delete", "route"),
]


@pytest.mark.parametrize(("name", "key"), PAGES)
def test_a_member_sees_the_page(name, key, objects, guardian):
    client = Client()
    client.force_login(guardian)
    assert client.get(reverse(name, args=[objects[key]])).status_code == 200


READ_ONLY = {
    "actionplans:plan_detail",
    "actionplans:plan_version_detail",
    "actionplans:meeting_detail",
    "actionplans:meeting_ics",
}
CHANGES = [(name, key) for name, key in PAGES if name not in READ_ONLY] + POST_ONLY


@pytest.mark.parametrize(("name", "key"), PAGES)
def test_an_outsider_gets_404(name, key, objects, outsider):
    client = Client()
    client.force_login(outsider)
    assert client.get(reverse(name, args=[objects[key]])).status_code == 404


@pytest.mark.parametrize(("name", "key"), CHANGES)
def test_an_outsider_s_change_gets_404_and_changes_nothing(name, key, objects, outsider):
    client = Client()
    client.force_login(outsider)
    before = (Action.objects.filter(status=ActionStatus.OPEN).count(), QuestionRoute.objects.count())
    assert client.post(reverse(name, args=[objects[key]])).status_code == 404
    assert (Action.objects.filter(status=ActionStatus.OPEN).count(), QuestionRoute.objects.count()) == before


@pytest.mark.parametrize(("name", "key"), PAGES)
def test_an_advisory_group_member_gets_404(name, key, objects, advisor):
    client = Client()
    client.force_login(advisor)
    assert client.get(reverse(name, args=[objects[key]])).status_code == 404


@pytest.mark.parametrize(("name", "key"), PAGES + POST_ONLY)
def test_anonymous_is_sent_to_login(name, key, objects):
    response = Client().get(reverse(name, args=[objects[key]]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "key"), POST_ONLY)
def test_changes_need_a_post(name, key, objects, guardian):
    client = Client()
    client.force_login(guardian)
    assert client.get(reverse(name, args=[objects[key]])).status_code == 405


def test_get_on_change_pages_changes_nothing(objects, guardian):
    client = Client()
    client.force_login(guardian)
    before = (Action.objects.filter(status=ActionStatus.OPEN).count(), PlanVersion.objects.count())
    for name, key in PAGES:
        client.get(reverse(name, args=[objects[key]]))
    assert (Action.objects.filter(status=ActionStatus.OPEN).count(), PlanVersion.objects.count()) == before
    assert QuestionRoute.objects.filter(pk=objects["route"]).exists()


def test_the_plan_page_stays_within_a_query_ceiling_with_data(objects, plan, coach, django_assert_max_num_queries):
    client = Client()
    client.force_login(coach)
    url = reverse("actionplans:plan_detail", args=[objects["network"]])
    with django_assert_max_num_queries(30):
        client.get(url)
    ActionFactory.create_batch(2, plan=plan, status=ActionStatus.DONE)
    for _ in range(5):
        ReferralFactory(plan=plan)
        MeetingFactory(network=plan.network)
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_the_plan_page_refuses_a_closed_network_on_post(objects, network, coach_client):
    from networks.choices import NetworkStatus

    network.status = NetworkStatus.CLOSED
    network.save(update_fields=["status"])
    url = reverse("actionplans:evaluation_create", args=[network.pk])
    response = coach_client.post(url, {"held_on": "2026-01-01", "went_well": "x"})
    assert response.status_code == 302
    assert not network.evaluations.exists()
