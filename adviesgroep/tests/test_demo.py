"""The demo data of the advisory group: enough to show, idempotent."""

import pytest

from adviesgroep import demo
from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal
from adviesgroep.selectors import Quarter
from networks.choices import MemberRole, NetworkStatus
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory, SupporterFactory
from youths.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_networks(network):
    networks = {"Ahmad": network}
    for name in ("Samira", "Yonas", "Bilal"):
        other = CareNetworkFactory(youth=YouthFactory(first_name=name), status=NetworkStatus.ACTIVE)
        network_add_member(network=other, supporter=SupporterFactory(), role=MemberRole.SCHOOL_COACH)
        networks[name] = other
    return networks


def test_the_demo_has_15_signals_over_two_quarters_from_several_networks_some_answered(demo_networks, advisor):
    demo.seed({"networks": demo_networks})
    signals = Signal.objects.all()
    assert signals.count() >= 15
    assert signals.values("network").distinct().count() >= 3
    this = Quarter.current()
    assert signals.filter(sent_at__gte=this.start_at).exists()
    assert signals.filter(sent_at__gte=this.previous.start_at, sent_at__lt=this.start_at).exists()
    assert Advice.objects.exists()
    assert Lesson.objects.count() >= 3
    assert PolicyFeedback.objects.count() == 1
    assert not signals.filter(case_summary__icontains="Ahmad").exists()


def test_running_the_demo_twice_duplicates_nothing(demo_networks, advisor):
    demo.seed({"networks": demo_networks})
    counts = (Signal.objects.count(), Advice.objects.count(), Lesson.objects.count(), PolicyFeedback.objects.count())
    demo.seed({"networks": demo_networks})
    assert counts == (
        Signal.objects.count(),
        Advice.objects.count(),
        Lesson.objects.count(),
        PolicyFeedback.objects.count(),
    )


def test_without_networks_in_the_context_the_demo_uses_the_existing_ones(demo_networks, advisor):
    demo.seed({})
    assert Signal.objects.values("network").distinct().count() == len(demo_networks)


def test_the_demo_signals_a_barrier_once_and_its_advice_became_an_action(demo_networks, advisor, category):
    from actionplans.models import Action
    from adviesgroep.tests.factories import BarrierFactory

    network = demo_networks["Ahmad"]
    barrier = BarrierFactory(plan__network=network, category=category, description="Ahmad vindt geen school.")
    demo.seed({"networks": demo_networks})
    demo.seed({"networks": demo_networks})
    signal = Signal.objects.get(source_barrier=barrier)
    assert "Ahmad" not in signal.question  # the prefill's placeholders
    advice = Advice.objects.get(action__isnull=False)
    assert advice.signal == signal
    assert Action.objects.get(plan__network=network).description == advice.text[:500]
