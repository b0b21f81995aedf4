"""The handover demo is idempotent: running seed_demo twice duplicates nothing."""

import pytest
from django.core.management import call_command

from networks.choices import HandoverStatus, NetworkStatus
from networks.models import CareNetwork, Handover, Membership

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Handover.objects.filter(status=HandoverStatus.PROPOSED).count(),
        Handover.objects.filter(status=HandoverStatus.ACCEPTED).count(),
        CareNetwork.objects.filter(status=NetworkStatus.CLOSED).count(),
        Membership.objects.count(),
    )


def test_the_demo_has_a_waiting_an_accepted_handover_and_a_closed_network_and_runs_twice(capsys):
    call_command("seed_demo")
    first = _counts()
    call_command("seed_demo")
    assert _counts() == first
    assert first[:3] == (1, 1, 1)
    waiting = Handover.objects.get(status=HandoverStatus.PROPOSED)
    assert waiting.successor.email == "tom@sintlieven.demo"
    assert waiting.leaver.supporter.email == "sara@okan.demo"
