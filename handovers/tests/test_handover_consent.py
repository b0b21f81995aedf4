"""The consent recorded for a proposed handover ends with it.

Proposing a successor from an organisation new to the network records the youth's consent to
share with that organisation. When the handover is declined or cancelled (or withdrawn) the
organisation never joined, so that consent ends too, with a line in the timeline, unless the
organisation had consent before the proposal, has an active member, or another handover to it
still waits.

How these tests were checked to fail: without the call to `handover_consent_end` in
`handover_decline` (and in `network_close`) the decline and close tests fail (the consent stays
active); without its active-member and still-waiting checks, those two tests fail (the consent
ends although it is still needed).
"""

import pytest
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.trail import Action
from handovers.models import HandoverReason, HandoverStatus
from handovers.services import handover_accept, handover_decline, handover_start, network_close
from networks.choices import ClosureReason, MemberRole, TimelineKind
from networks.models import SharingConsent
from networks.services import network_add_member, sharing_consent_record
from networks.tests.factories import SupporterFactory

pytestmark = pytest.mark.django_db


def _propose(network, leaver_user, successor, *, share_consent=True):
    return handover_start(
        network=network,
        leaver=network.memberships.active().get(supporter__user=leaver_user),
        successor=successor,
        successor_role=MemberRole.JOB_COACH,
        reason=HandoverReason.TURNS_18,
        note="Overdracht",
        share_consent=share_consent,
        # The lead records the consent: the lead, the guardian or that organisation (DESIGN.md).
        by=network.lead.supporter.user,
    )


def _consents(youth, organisation):
    return SharingConsent.objects.filter(youth=youth, organisation=organisation)


def _ended_line(jobteam, lore):
    return _(
        "The consent to share information with %(organisation)s, given for the handover to %(successor)s, "
        "ended with that handover"
    ) % {"organisation": jobteam.name, "successor": lore.supporter.full_name}


def test_the_proposal_remembers_the_consent_it_recorded(network, vdab, lore, jobteam):
    handover = _propose(network, vdab, lore.supporter)
    assert handover.consent_recorded == _consents(network.youth, jobteam).get()


def test_a_declined_handover_ends_the_consent_recorded_for_it_with_a_timeline_line(network, vdab, lore, jobteam):
    handover = _propose(network, vdab, lore.supporter)
    handover_decline(handover=handover, reason="Volzet", by=lore)

    consent = _consents(network.youth, jobteam).get()
    assert consent.revoked_on == timezone.localdate()
    line = network.timeline.get(kind=TimelineKind.CONSENT, summary=_ended_line(jobteam, lore))
    assert line.actor == lore
    assert AuditEvent.objects.filter(
        action=Action.UPDATE, object_type="sharingconsent", object_id=str(consent.pk), fields=["revoked_on"]
    ).exists()


def test_a_handover_cancelled_by_closing_the_network_ends_its_consent(network, vdab, coach, lore, jobteam):
    handover = _propose(network, vdab, lore.supporter)
    network_close(network=network, reason=ClosureReason.OTHER, note="Verhuisd", by=coach)

    handover.refresh_from_db()
    assert handover.status == HandoverStatus.CANCELLED
    assert not _consents(network.youth, jobteam).active().exists()
    assert network.timeline.filter(summary=_ended_line(jobteam, lore)).exists()


def test_a_consent_given_before_the_proposal_stays_after_a_decline(network, vdab, coach, lore, jobteam):
    sharing_consent_record(youth=network.youth, organisation=jobteam, by=coach)
    handover = _propose(network, vdab, lore.supporter, share_consent=False)
    assert handover.consent_recorded is None

    handover_decline(handover=handover, reason="Volzet", by=lore)
    assert _consents(network.youth, jobteam).active().exists()


def test_the_consent_stays_when_the_organisation_has_joined_meanwhile(network, vdab, lore, jobteam):
    handover = _propose(network, vdab, lore.supporter)
    network_add_member(network=network, supporter=SupporterFactory(organisation=jobteam), role=MemberRole.JOB_COACH)

    handover_decline(handover=handover, reason="Mijn collega neemt het op", by=lore)
    assert _consents(network.youth, jobteam).active().exists()


def test_the_consent_stays_while_another_handover_to_that_organisation_waits(network, vdab, coach, lore, jobteam):
    first = _propose(network, vdab, lore.supporter)
    colleague = SupporterFactory(organisation=jobteam, first_name="Pieter")
    second = _propose(network, coach, colleague, share_consent=False)

    handover_decline(handover=first, reason="Volzet", by=lore)
    assert _consents(network.youth, jobteam).active().exists()
    second.refresh_from_db()
    assert second.consent_recorded == first.consent_recorded  # the waiting handover carries it now

    handover_decline(handover=second, reason="Ook volzet", by=coach)
    assert not _consents(network.youth, jobteam).active().exists()


def test_an_accepted_handover_keeps_its_consent(network, vdab, lore, jobteam):
    handover_accept(handover=_propose(network, vdab, lore.supporter), by=lore)
    assert _consents(network.youth, jobteam).active().exists()


def test_a_handover_to_someone_without_organisation_records_and_ends_no_consent(network, coach):
    buddy = SupporterFactory(organisation=None, first_name="Buddy")
    handover = _propose(network, coach, buddy)
    assert handover.consent_recorded is None
    handover_decline(handover=handover, reason="Geen tijd", by=coach)
    assert not network.timeline.filter(kind=TimelineKind.CONSENT).exists()


def test_a_leaver_who_is_not_the_lead_or_guardian_cannot_record_consent_for_the_successors_organisation(
    network, vdab, lore, jobteam
):
    """Consent is recorded by the lead, the guardian or that organisation (DESIGN.md), not by whoever leaves.

    Checked to fail: without the consent_may_change check in handover_start, Karim records it.
    """
    from django.core.exceptions import ValidationError

    from handovers.models import Handover
    from networks.services import consent_refusal_message

    with pytest.raises(ValidationError) as refused:
        handover_start(
            network=network,
            leaver=network.memberships.active().get(supporter__user=vdab),
            successor=lore.supporter,
            successor_role=MemberRole.JOB_COACH,
            reason=HandoverReason.TURNS_18,
            note="Overdracht",
            share_consent=True,
            by=vdab,
        )
    assert refused.value.messages == [consent_refusal_message(jobteam)]
    assert not Handover.objects.exists()
    assert not _consents(network.youth, jobteam).exists()


def test_once_the_lead_recorded_the_consent_the_leaver_proposes_the_successor(network, vdab, coach, lore, jobteam):
    from networks.services import sharing_consent_give

    sharing_consent_give(youth=network.youth, organisation=jobteam, by=coach)
    handover = handover_start(
        network=network,
        leaver=network.memberships.active().get(supporter__user=vdab),
        successor=lore.supporter,
        successor_role=MemberRole.JOB_COACH,
        reason=HandoverReason.TURNS_18,
        note="Overdracht",
        by=vdab,
    )
    assert handover.status == HandoverStatus.PROPOSED
    assert handover.consent_recorded is None
