"""A handover waiting for an answer ends when its reason to exist ends.

When the leaver leaves another way, or the youth revokes the consent for the successor's
organisation, the proposal can no longer be accepted: it is cancelled (on the timeline, and the
consent given for it ends with it), so the lead's dashboard no longer shows it as waiting.

How these tests were checked to fail: without the receivers in handovers.services
(`handovers_end_with_their_leaver`, `handovers_end_with_their_consent`) the first three fail
(the handover stays "proposed"); sending `membership_ended` before the handover's status is
saved in handover_accept makes the acceptance test fail.
"""

import pytest
from django.utils.translation import gettext as _

from handovers.models import HandoverStatus
from handovers.services import handover_accept
from networks.choices import TimelineKind
from networks.models import SharingConsent, TimelineEntry
from networks.services import membership_remove, sharing_consent_revoke

pytestmark = pytest.mark.django_db


def _cancelled_line(handover):
    return _("The handover of %(leaver)s to %(successor)s was cancelled") % {
        "leaver": handover.leaver.supporter.full_name,
        "successor": handover.successor.full_name,
    }


def test_when_the_leaver_leaves_another_way_the_waiting_handover_is_cancelled(pending_handover, coach):
    membership_remove(membership=pending_handover.leaver, by=coach, reason="Karim werkt hier niet meer")
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.CANCELLED
    assert TimelineEntry.objects.filter(kind=TimelineKind.HANDOVER, summary=_cancelled_line(pending_handover)).exists()


def test_the_consent_given_for_it_ends_with_it(pending_handover, vdab):
    consent = pending_handover.consent_recorded
    assert consent is not None and consent.revoked_on is None
    membership_remove(membership=pending_handover.leaver, by=vdab)
    consent.refresh_from_db()
    assert consent.revoked_on is not None


def test_when_the_consent_for_the_successors_organisation_is_revoked_the_handover_is_cancelled(pending_handover, coach):
    consent = SharingConsent.objects.active().get(
        youth=pending_handover.network.youth, organisation=pending_handover.successor.organisation
    )
    sharing_consent_revoke(consent=consent, by=coach)
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.CANCELLED


def test_revoking_another_organisations_consent_leaves_the_handover_waiting(pending_handover, coach, guardian):
    consent = SharingConsent.objects.create(youth=pending_handover.network.youth, organisation=guardian.organisation)
    network = pending_handover.network
    network.continuity_figure = None
    network.save(update_fields=["continuity_figure"])
    sharing_consent_revoke(consent=consent, by=coach)
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.PROPOSED


def test_an_accepted_handover_is_not_cancelled_by_the_end_of_the_leavers_membership(pending_handover, successor):
    handover_accept(handover=pending_handover, by=successor)
    pending_handover.refresh_from_db()
    assert pending_handover.status == HandoverStatus.ACCEPTED
    assert pending_handover.leaver.left_on is not None
    assert not TimelineEntry.objects.filter(summary=_cancelled_line(pending_handover)).exists()
    assert pending_handover.consent_recorded.revoked_on is None
