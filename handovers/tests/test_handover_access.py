"""Handovers end cleanly: who reads a handover, in each of its states.

The rule lives in one place, `Handover.objects.visible_to`: the network's members read every
handover of it; the proposed successor reads it only while it waits for their answer (and the
youth's consent to share with their organisation holds); nobody else. The personas below walk
it: the successor before and after their answer, the leaver after acceptance, an outsider.

How these tests were checked to fail: with the successor's clause in `visible_to` reduced to
`Q(successor__user=user)` (no status, no leaver, no consent), the decline, cancel,
every-other-status, leaver-left and consent-revoked tests fail with 200 instead of 404 (each
condition was also removed on its own: its own test fails); with `_after_decline_url` returning the
handover page, the decline-by-page test fails (the redirect leads to a 404).
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.registry import url_objects
from handovers.models import Handover, HandoverReason, HandoverStatus
from handovers.services import handover_accept, handover_decline, handover_start, network_close
from networks.choices import ClosureReason, MemberRole
from networks.services import sharing_consent_revoke
from networks.tests.factories import SupporterFactory, UserFactory
from zorgnetwerk.tests.test_permission_matrix import iter_routes

pytestmark = pytest.mark.django_db

NOTE = "Werkt goed met korte afspraken. Let op: examens in juni."

# Pages about the network a member reads after acceptance (the main ones of every step).
MEMBER_PAGES = [
    ("youths:youth_detail", "youth"),
    ("networks:network_detail", "network"),
    ("handovers:shared_dossier", "network"),
    ("handovers:transition_checklist", "network"),
    ("actionplans:plan_detail", "network"),
]


@pytest.fixture
def handover(network, vdab, lore):
    """Karim (VDAB) hands over to Lore (Jobteam); the youth agrees to share with Jobteam."""
    return handover_start(
        network=network,
        leaver=network.memberships.active().get(supporter__user=vdab),
        successor=lore.supporter,
        successor_role=MemberRole.JOB_COACH,
        reason=HandoverReason.TURNS_18,
        note=NOTE,
        share_consent=True,
        by=network.lead.supporter.user,
    )


def network_page_urls(network) -> list[str]:
    """Every URL of the project that names only this network or its youth (from the resolver)."""
    ids = {"carenetwork": network.pk, "youth": network.youth_id}
    urls = []
    for name, route, kwarg_names, _callback in iter_routes():
        if not kwarg_names or name.startswith("admin:"):
            continue
        kwargs = {}
        for kwarg in kwarg_names:
            (model_name,) = url_objects(route, name.split(":")[-1], {kwarg: "1"}) or {"?": ""}
            if model_name not in ids:
                break
            kwargs[kwarg] = ids[model_name]
        else:
            urls.append(reverse(name, kwargs=kwargs))
    return urls


def assert_every_network_page_is_404(client, network):
    """GET each page; a POST-only page (405 on GET) must answer the POST with 404 and change nothing."""
    urls = network_page_urls(network)
    assert len(urls) > 20  # the resolver was read
    statuses = {}
    for url in urls:
        status = client.get(url).status_code
        if status == 405:
            status = client.post(url, {}).status_code
        statuses[url] = status
    assert {url: status for url, status in statuses.items() if status != 404} == {}


def _page(client, handover):
    return client.get(reverse("handovers:handover_detail", args=[handover.pk]))


# --- the successor before answering -----------------------------------------------------------


def test_the_successor_reads_the_pending_handover_with_the_youths_name_and_the_note(handover, lore, client):
    client.force_login(lore)
    response = _page(client, handover)
    assert response.status_code == 200
    page = response.content.decode()
    assert NOTE in page
    assert handover.network.youth.last_name in page


def test_before_answering_the_successor_reads_no_network_page(handover, lore, client):
    client.force_login(lore)
    assert_every_network_page_is_404(client, handover.network)


# --- after the handover ends without them -------------------------------------------------------


def test_after_declining_the_successor_gets_404_on_the_handover_and_every_network_page(handover, lore, client):
    handover_decline(handover=handover, reason="Geen plaats in mijn caseload.", by=lore)
    client.force_login(lore)
    assert _page(client, handover).status_code == 404
    assert_every_network_page_is_404(client, handover.network)


def test_declining_on_the_page_leads_the_successor_to_their_dashboard_not_to_a_404(handover, lore, client):
    client.force_login(lore)
    response = client.post(reverse("handovers:handover_decline", args=[handover.pk]), {"reason": "Volzet"})
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.DECLINED


def test_when_the_network_closes_the_cancelled_handover_is_404_for_the_successor(handover, lore, coach, client):
    network_close(network=handover.network, reason=ClosureReason.SUSTAINABLE_PLAN, note="Alles loopt.", by=coach)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.CANCELLED
    client.force_login(lore)
    assert _page(client, handover).status_code == 404
    assert_every_network_page_is_404(client, handover.network)


@pytest.mark.parametrize("status", [s for s in HandoverStatus.values if s != HandoverStatus.PROPOSED])
def test_in_every_other_state_the_successor_reads_the_handover_only_as_a_member(handover, lore, client, status):
    """Cancelled, declined, withdrawn or accepted without a membership: 404."""
    handover.status = status
    handover.save(update_fields=["status"])
    client.force_login(lore)
    assert _page(client, handover).status_code == 404
    assert not Handover.objects.visible_to(lore).exists()


def test_once_the_consent_for_the_successors_organisation_is_revoked_the_handover_is_404(
    handover, lore, guardian, client
):
    consent = handover.network.youth.sharing_consents.active().get(organisation=lore.organisation)
    sharing_consent_revoke(consent=consent, by=guardian)
    client.force_login(lore)
    assert _page(client, handover).status_code == 404
    assert client.post(reverse("handovers:handover_accept", args=[handover.pk])).status_code == 404
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.CANCELLED  # handovers.services.handovers_end_with_their_consent


def test_once_the_leaver_has_left_another_way_the_handover_is_404_for_the_successor(handover, lore, client):
    """It can no longer be accepted ("The leaving member has already left"), so it waits for nobody."""
    leaver = handover.leaver
    leaver.left_on = timezone.localdate()  # as membership_end does; its rules are another change's
    leaver.save(update_fields=["left_on"])
    client.force_login(lore)
    assert _page(client, handover).status_code == 404


def test_a_successor_without_organisation_needs_no_organisation_consent(network, coach, client):
    """Family and volunteers join with user-level access; consent is per organisation."""
    uncle_user = UserFactory(email="oom@example.org")
    uncle = SupporterFactory(organisation=None, user=uncle_user, first_name="Oom")
    handover = handover_start(
        network=network,
        leaver=network.memberships.active().get(supporter__user=coach),
        successor=uncle,
        successor_role=MemberRole.FAMILY_MEMBER,
        reason=HandoverReason.OTHER,
        note=NOTE,
        by=coach,
    )
    client.force_login(uncle_user)
    assert _page(client, handover).status_code == 200


# --- after acceptance -------------------------------------------------------------------------


def test_after_accepting_the_successor_reads_the_network_pages_and_the_handover(handover, lore, client):
    handover_accept(handover=handover, by=lore)
    client.force_login(lore)
    network = handover.network
    ids = {"youth": network.youth_id, "network": network.pk}
    statuses = {name: client.get(reverse(name, args=[ids[kind]])).status_code for name, kind in MEMBER_PAGES}
    assert statuses == {name: 200 for name, _kind in MEMBER_PAGES}
    assert _page(client, handover).status_code == 200


def test_after_acceptance_the_leaver_without_access_reads_only_that_they_handed_over(handover, lore, vdab, client):
    handover_accept(handover=handover, by=lore)
    client.force_login(vdab)
    page = _page(client, handover)
    assert page.status_code == 200
    content = page.content.decode()
    # "Je hebt A. R. overgedragen aan Lore Van Damme": initials and the successor, not the dossier.
    assert "Je hebt A. R. overgedragen aan Lore Van Damme" in content
    assert "Rahimi" not in content and handover.note not in content
    assert_every_network_page_is_404(client, handover.network)


def test_after_acceptance_a_leaver_whose_organisation_stays_reads_it_as_a_member(
    handover, lore, vdab, vdab_org, network, client
):
    from networks.services import network_add_member

    network_add_member(network=network, supporter=SupporterFactory(organisation=vdab_org), role=MemberRole.JOB_COACH)
    handover_accept(handover=handover, by=lore)
    client.force_login(vdab)
    assert _page(client, handover).status_code == 200


# --- everyone else --------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["proposed", "declined", "accepted"])
def test_an_outsider_gets_404_on_the_handover_in_every_state(handover, lore, outsider, client, state):
    if state == "declined":
        handover_decline(handover=handover, reason="Volzet", by=lore)
    elif state == "accepted":
        handover_accept(handover=handover, by=lore)
    client.force_login(outsider)
    assert _page(client, handover).status_code == 404


def test_the_members_keep_reading_a_declined_handover_as_history(handover, lore, guardian, client):
    handover_decline(handover=handover, reason="Volzet", by=lore)
    client.force_login(guardian)
    assert _page(client, handover).status_code == 200
