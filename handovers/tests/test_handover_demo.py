"""The handover demo is idempotent: running it twice (after the youths demo) duplicates nothing."""

import pytest

from handovers import demo as handovers_demo
from handovers.models import Handover, HandoverStatus
from networks import demo
from networks.choices import NetworkStatus
from networks.models import CareNetwork, Membership
from youths import demo as youths_demo

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Handover.objects.filter(status=HandoverStatus.PROPOSED).count(),
        Handover.objects.filter(status=HandoverStatus.ACCEPTED).count(),
        CareNetwork.objects.filter(status=NetworkStatus.CLOSED).count(),
        Membership.objects.count(),
    )


def _seed():
    context = demo.seed_organisations_and_people()
    youths_demo.seed(context)
    handovers_demo.seed(context)


def test_the_demo_has_a_waiting_an_accepted_handover_and_a_closed_network_and_runs_twice():
    _seed()
    first = _counts()
    _seed()
    assert _counts() == first
    assert first[:3] == (1, 1, 1)
    waiting = Handover.objects.get(status=HandoverStatus.PROPOSED)
    assert waiting.successor.email == "tom@sintlieven.demo"
    assert waiting.leaver.supporter.email == "sara@okan.demo"


def test_the_demo_shows_a_withdrawn_handover_and_a_confirmed_turning_18_item():
    from handovers.models import TransitionConfirmation, TransitionDomain

    _seed()
    _seed()
    withdrawn = Handover.objects.get(status=HandoverStatus.WITHDRAWN)
    assert withdrawn.successor.email == "fatima@voogdij.demo"
    confirmation = TransitionConfirmation.objects.get()
    assert confirmation.domain == TransitionDomain.HOUSING and confirmation.network.youth.first_name == "Farida"
    assert confirmation.note and confirmation.confirmed_by is not None
