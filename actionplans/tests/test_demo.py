from actionplans import demo
from actionplans.models import Action, ActionPlan, Barrier, Meeting, PlanVersion, Referral
from networks.models import TimelineEntry


def _counts():
    return [
        model.objects.count() for model in (ActionPlan, Action, Barrier, Referral, Meeting, PlanVersion, TimelineEntry)
    ]


def test_the_demo_adds_plans_meetings_barriers_and_referrals_once(network):
    demo.seed({"networks": {"Ahmad": network}})
    first = _counts()
    demo.seed({"networks": {"Ahmad": network}})
    assert _counts() == first
    plan = ActionPlan.objects.get(network=network)
    assert plan.actions.overdue().exists()
    assert plan.barriers.values("category").distinct().count() >= 2
    assert plan.referrals.waiting_too_long().exists()
    assert network.meetings.filter(status="held").exists() and network.meetings.filter(status="planned").exists()
    assert plan.versions.count() == 1


def test_the_demo_does_nothing_without_networks(db):
    demo.seed({})
    assert not ActionPlan.objects.exists()
