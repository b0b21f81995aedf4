from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import ActionPlan, PlanVersion, QuestionRoute
from actionplans.selectors import plan_for_network, plan_with_parts
from actionplans.services.plans import PlanChanged, plan_get_or_create, plan_record_version, plan_update
from actionplans.tests.factories import ActionFactory

TODAY = timezone.localdate()


def test_a_new_plan_starts_from_the_first_conversation(network):
    plan = plan_get_or_create(network=network)
    assert plan.question_for_help == "Wil graag Nederlands leren en later een opleiding volgen."
    assert plan.strengths == "Doorzetter, goed in wiskunde"


def test_opening_the_plan_page_creates_nothing(coach_client, network):
    response = coach_client.get(reverse("actionplans:plan_detail", args=[network.pk]))
    assert response.status_code == 200
    assert "Doorzetter, goed in wiskunde" in response.content.decode()
    assert not ActionPlan.objects.filter(network=network).exists()


def test_saving_the_plan_raises_its_revision(plan, coach):
    saved = plan_update(network=plan.network, revision=plan.revision, by=coach, goal_short_term="Slagen voor A2")
    assert saved.revision == plan.revision + 1
    assert saved.updated_by == coach


def test_a_stale_save_is_refused(plan, coach, guardian):
    opened_at = plan.revision
    plan_update(network=plan.network, revision=opened_at, by=coach, goal_short_term="Sara's doel")
    with pytest.raises(PlanChanged) as refused:
        plan_update(network=plan.network, revision=opened_at, by=guardian, goal_short_term="Jan's doel")
    assert refused.value.plan.updated_by == coach
    plan.refresh_from_db()
    assert plan.goal_short_term == "Sara's doel"


def test_the_second_editor_sees_who_changed_the_plan_and_keeps_their_input(plan, coach, client, guardian):
    url = reverse("actionplans:plan_update", args=[plan.network_id])
    client.force_login(guardian)
    form_page = client.get(url)
    opened_revision = form_page.context["form"].initial["revision"]

    plan_update(network=plan.network, revision=opened_revision, by=coach, goal_short_term="Sara's doel")

    data = dict.fromkeys(form_page.context["form"].fields, "")
    data.update(revision=opened_revision, goal_short_term="Jan's doel: een stage bij een garage")
    response = client.post(url, data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Het plan werd gewijzigd door Sara Vermeulen" in content
    assert "Jan&#x27;s doel: een stage bij een garage" in content  # the input is kept
    assert "Sara&#x27;s doel" in content  # and the current plan is shown beside it
    plan.refresh_from_db()
    assert plan.goal_short_term == "Sara's doel"

    # Saving again, now knowing the other change, goes through.
    data["revision"] = response.context["form"].data["revision"]
    again = client.post(url, data)
    assert again.status_code == 302
    plan.refresh_from_db()
    assert plan.goal_short_term == "Jan's doel: een stage bij een garage"


def test_a_version_freezes_the_plan_and_can_be_read_back(plan, coach, coach_client, outsider):
    ActionFactory(plan=plan, description="Inschrijven voor de zomerschool")
    version = plan_record_version(plan=plan, meeting=None, by=coach)
    plan_update(network=plan.network, revision=plan.revision, by=coach, question_for_help="Nieuwe hulpvraag")
    assert version.number == 1
    assert version.snapshot["actions"][0]["description"] == "Inschrijven voor de zomerschool"
    url = reverse("actionplans:plan_version_detail", args=[version.pk])
    response = coach_client.get(url)
    assert response.status_code == 200
    assert "Wil graag Nederlands leren" in response.content.decode()
    coach_client.force_login(outsider)
    assert coach_client.get(url).status_code == 404
    assert plan_record_version(plan=plan, meeting=None, by=coach).number == 2
    assert PlanVersion.objects.filter(plan=plan).count() == 2


def test_changes_by_others_are_flagged_for_the_lead_until_the_lead_opens_the_plan(plan, coach, guardian, client):
    from actionplans.selectors import plans_changed_for_lead

    plan_update(network=plan.network, revision=plan.revision, by=guardian, situation_wellbeing="Slaapt slecht")
    assert list(plans_changed_for_lead(coach)) == [plan]
    assert list(plans_changed_for_lead(guardian)) == []  # not the lead
    client.force_login(coach)
    client.get(reverse("actionplans:plan_detail", args=[plan.network_id]))
    assert list(plans_changed_for_lead(coach)) == []


def test_the_lead_s_own_change_is_not_flagged(plan, coach):
    from actionplans.selectors import plans_changed_for_lead

    plan_update(network=plan.network, revision=plan.revision, by=coach, situation_school="Goed bezig")
    assert list(plans_changed_for_lead(coach)) == []


def test_plan_for_network_is_unsaved_without_a_plan(network):
    assert plan_for_network(network).pk is None


def test_a_plan_with_its_parts_is_loaded_in_one_query_per_part(plan, members, django_assert_num_queries):
    later = ActionFactory(plan=plan, owner=members["Karim"], owner_is_youth=False, deadline=TODAY + timedelta(days=20))
    sooner = ActionFactory(plan=plan, deadline=TODAY + timedelta(days=5))
    QuestionRoute.objects.create(plan=plan, question="Geld", member=members["Jan"])
    plan = ActionPlan.objects.get(pk=plan.pk)
    with django_assert_num_queries(4):
        plan = plan_with_parts(plan)
        assert list(plan.actions.all()) == [sooner, later]
        assert [action.owner.supporter.first_name for action in plan.actions.all() if action.owner] == ["Karim"]
        assert [route.member.supporter.first_name for route in plan.question_routes.all()] == ["Jan"]
        assert list(plan.barriers.all()) == list(plan.referrals.all()) == []
