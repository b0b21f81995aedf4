"""Advisory-group users see signals, never the dossier: every youth, network and plan page is a 404.

The list of pages is read from the URL resolver, so a page added later is covered without
touching this test.
"""

import datetime

import pytest
from django.urls import get_resolver, reverse
from django.urls.converters import IntConverter
from django.utils import timezone

from actionplans.models import Action, ActionPlan, Evaluation, Meeting, PlanVersion, QuestionRoute, Referral
from adviesgroep.tests.factories import BarrierFactory
from handovers.models import Handover, HandoverReason
from networks.choices import MemberRole
from networks.models import Note, SharingConsent

pytestmark = pytest.mark.django_db

DOSSIER_NAMESPACES = ("youths", "networks", "actionplans", "handovers")


def id_patterns(namespaces=DOSSIER_NAMESPACES) -> list[tuple[str, list[str]]]:
    """Every URL name in these namespaces that takes an integer argument, with its argument names."""
    resolver = get_resolver()
    found = []
    for namespace in namespaces:
        _prefix, sub_resolver = resolver.namespace_dict[namespace]
        for name in sub_resolver.reverse_dict:
            if not isinstance(name, str):
                continue
            for possibility in sub_resolver.reverse_dict.getlist(name):
                converters = possibility[3]
                params = list(possibility[0][0][1])
                if params and any(isinstance(converters.get(p), IntConverter) for p in params):
                    found.append((f"{namespace}:{name}", params))
    return sorted({(name, tuple(params)) for name, params in found})


@pytest.fixture
def dossier(network, youth, coach, guardian):
    """One of each record a dossier URL can point at, so every id refers to something that exists."""
    plan, _ = ActionPlan.objects.get_or_create(network=network)
    lead = network.lead
    starts = timezone.now() + datetime.timedelta(days=3)
    objects = {
        "youth": youth,
        "network": network,
        "plan": plan,
        "intake": youth.intakes.first(),
        "membership": lead,
        "action": Action.objects.create(
            plan=plan, domain="school", description="Inschrijven", owner=lead, deadline=timezone.localdate()
        ),
        "barrier": BarrierFactory(plan=plan),
        "referral": Referral.objects.create(plan=plan, partner="JES Gent", reason="Buddy"),
        "meeting": Meeting.objects.create(
            network=network, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
        ),
        "route": QuestionRoute.objects.create(plan=plan, question="Vragen over school", member=lead),
        "evaluation": Evaluation.objects.create(network=network, went_well="Goed overleg", by=coach),
        "version": PlanVersion.objects.create(plan=plan, number=1, snapshot={}),
        "note": Note.objects.create(network=network, author=coach, text="Notitie"),
        "consent": SharingConsent.objects.create(youth=youth, organisation=coach.organisation),
        "handover": Handover.objects.create(
            network=network,
            leaver=network.continuity_figure,
            successor=coach.supporter,
            successor_role=MemberRole.GUARDIAN,
            reason=HandoverReason.NEW_JOB,
            note="Overdracht",
        ),
    }
    return objects


def _candidate_ids(param: str, dossier: dict) -> set[int]:
    if "youth" in param:
        return {dossier["youth"].pk}
    if "network" in param:
        return {dossier["network"].pk}
    return {obj.pk for obj in dossier.values() if obj is not None}


def test_the_walker_finds_the_dossier_pages_of_every_namespace():
    names = [name for name, _params in id_patterns()]
    for namespace in DOSSIER_NAMESPACES:
        assert any(name.startswith(f"{namespace}:") for name in names), namespace


def test_an_advisory_user_gets_404_on_every_youth_network_and_plan_url(advisor_client, dossier):
    patterns = id_patterns()
    assert patterns
    failures = []
    for name, params in patterns:
        candidates = [_candidate_ids(param, dossier) for param in params]
        for value in sorted(set().union(*candidates)):
            kwargs = {
                param: (value if value in ids else sorted(ids)[0])
                for param, ids in zip(params, candidates, strict=True)
            }
            url = reverse(name, kwargs=kwargs)
            status = advisor_client.get(url).status_code
            if status == 405:
                status = advisor_client.post(url).status_code
            if status != 404:
                failures.append(f"{name} {kwargs}: {status}")
    assert failures == []


def test_a_member_does_reach_the_network_page_so_the_404s_above_are_about_access(coach_client, network):
    assert coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk})).status_code == 200


def test_advisory_users_reach_their_own_pages(advisor_client, signal):
    for url in (
        reverse("adviesgroep:inbox"),
        reverse("adviesgroep:aggregation"),
        reverse("adviesgroep:stats"),
        reverse("adviesgroep:lesson_list"),
        reverse("adviesgroep:policy_list"),
        reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}),
    ):
        assert advisor_client.get(url).status_code == 200, url


def test_advisory_users_cannot_send_signals_for_a_network(advisor_client, network):
    assert (
        advisor_client.get(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk})).status_code == 404
    )
    url = reverse("adviesgroep:network_signal_list", kwargs={"network_pk": network.pk})
    assert advisor_client.get(url).status_code == 404
