"""The warm handover (playbook step 5), the shared dossier, and closing and reopening a network.

Playbook, step 4: "Er zijn heel vaak wissels bij begeleiders. Dit is één van de redenen om een
zorgnetwerkje op te zetten: een warme overdracht verzekeren." A leaving member proposes a
successor with a note; nothing changes for access until the successor accepts.

The receivers at the end listen to networks.events (connected by importing this module in
HandoversConfig.ready()).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplans.models import Action, ActionStatus, BarrierStatus, MeetingStatus, ReferralStatus
from audit.trail import audited_update
from handovers.models import Handover, HandoverReason, HandoverStatus, TransitionConfirmation, TransitionDomain
from networks.access import network_sync_access
from networks.choices import NetworkStatus, TimelineKind
from networks.events import consent_revoked, membership_ended
from networks.models import CareNetwork, Membership, SharingConsent, Supporter
from networks.services import (
    consent_may_change,
    consent_missing_message,
    consent_refusal_message,
    joins_without_consent,
    membership_end,
    network_add_member,
    sharing_consent_record,
    timeline_record,
)
from zorgnetwerk.mail import plain_mail_after_commit

PLAN_REVIEW_DAYS = 30
AT_18_REASONS = (HandoverReason.TURNS_18, HandoverReason.SERVICE_ENDS)


# --- who may do what ----------------------------------------------------------------------


def user_is_lead_side(user, network: CareNetwork) -> bool:
    """The lead, or a colleague of the lead's organisation (who keeps the network going)."""
    lead = network.lead
    if lead is None or lead.left_on is not None:
        return False
    supporter = lead.supporter
    return supporter.user_id == user.pk or (
        user.organisation_id is not None and supporter.organisation_id == user.organisation_id
    )


def handover_leavers_for(user, network: CareNetwork):
    """The active members for whom this user may start a handover.

    A member for themselves, a colleague of the same organisation (the leaver may already be
    gone to a new job), and the lead on behalf of anyone.
    """
    members = network.memberships.active().select_related("supporter__organisation").order_by("joined_on", "pk")
    if user_is_lead_side(user, network):
        return members
    condition = Q(supporter__user=user)
    if user.organisation_id:
        condition |= Q(supporter__organisation_id=user.organisation_id)
    return members.filter(condition)


def handover_may_decide(user, handover: Handover) -> bool:
    """The successor decides; when the successor has no login, the lead records their answer."""
    if handover.status != HandoverStatus.PROPOSED:
        return False
    if handover.successor.user_id:
        return handover.successor.user_id == user.pk
    return user_is_lead_side(user, handover.network)


def handover_may_withdraw(user, handover: Handover) -> bool:
    """A proposal still waiting is withdrawn by whoever proposed it, the leaver, or the lead's side."""
    if handover.status != HandoverStatus.PROPOSED or handover.network.is_closed:
        return False
    return (
        (handover.proposed_by_id is not None and handover.proposed_by_id == user.pk)
        or handover.leaver.supporter.user_id == user.pk
        or user_is_lead_side(user, handover.network)
    )


# --- e-mails (sent after commit) ----------------------------------------------------------


def _absolute(url: str) -> str:
    return f"{settings.SITE_URL}{url}"


def _send_after_commit(*, subject: str, body: str, recipients: list[str]) -> None:
    plain_mail_after_commit(subject=subject, body=body, recipients=recipients, about="a handover")


def _lead_addresses(network: CareNetwork) -> list[str]:
    lead = network.lead
    if lead is None:
        return []
    supporter = lead.supporter
    return [supporter.mail_address]


# --- services -----------------------------------------------------------------------------


@transaction.atomic
def handover_start(
    *,
    network: CareNetwork,
    leaver: Membership,
    successor: Supporter | None = None,
    new_successor: dict | None = None,
    successor_role: str,
    reason: str,
    note: str,
    introduced_to_youth: bool = False,
    actions_reassigned: bool = False,
    next_meeting_known: bool = False,
    documents_shared: bool = False,
    handover_on: datetime.date | None = None,
    share_consent: bool = False,
    by=None,
) -> Handover:
    """Propose a successor with a note: "een warme overdracht verzekeren" (playbook, step 4)."""
    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    leaver = Membership.objects.select_for_update().select_related("supporter").get(pk=leaver.pk)
    if network.is_closed:
        raise ValidationError(_("This network is closed and can no longer be changed. Reopen it first."))
    if leaver.network_id != network.pk or not leaver.is_active:
        raise ValidationError(_("Only an active member of this network can hand over."))
    if (successor is None) == (new_successor is None):
        raise ValueError("Give either an existing successor or the fields of a new one.")
    if new_successor is not None:
        # A successor who is not yet known is created in the same step, in the same transaction.
        successor = Supporter.objects.create(**new_successor)
    if successor.pk == leaver.supporter_id:
        raise ValidationError(_("The successor must be someone else than the member who leaves."))
    if Handover.objects.pending().filter(leaver=leaver).exists():
        raise ValidationError(_("This member already has a handover waiting for acceptance."))
    organisation = successor.organisation
    consent = None
    if joins_without_consent(network=network, organisation=organisation):
        # The same rule as for any new member: an organisation joins only with the youth's consent.
        if not share_consent:
            raise ValidationError(consent_missing_message(organisation))
        # Consent is recorded by the lead, the guardian or that organisation (DESIGN.md); `by=None`
        # is the system itself (the demo data).
        if by is not None and not consent_may_change(youth=network.youth, organisation=organisation, user=by):
            raise ValidationError(consent_refusal_message(organisation))
        consent = sharing_consent_record(youth=network.youth, organisation=organisation, by=by)
    handover = Handover.objects.create(
        network=network,
        leaver=leaver,
        successor=successor,
        successor_role=successor_role,
        reason=reason,
        note=note,
        introduced_to_youth=introduced_to_youth,
        actions_reassigned=actions_reassigned,
        next_meeting_known=next_meeting_known,
        documents_shared=documents_shared,
        handover_on=handover_on or timezone.localdate(),
        proposed_by=by if getattr(by, "is_authenticated", False) else None,
        consent_recorded=consent,
    )
    timeline_record(
        network=network,
        kind=TimelineKind.HANDOVER,
        summary=_("%(leaver)s proposed a handover to %(successor)s (%(reason)s)")
        % {
            "leaver": leaver.supporter.full_name,
            "successor": successor.full_name,
            "reason": handover.get_reason_display(),
        },
        actor=by,
    )
    _send_after_commit(
        subject=_("A warm handover is waiting for you"),
        body=_(
            "%(leaver)s asks you to take over their place in the care network of %(initials)s.\n"
            "Read the handover note and accept or decline it here:\n%(url)s\n"
        )
        % {
            "leaver": leaver.supporter.full_name,
            "initials": network.youth.initials,
            "url": _absolute(reverse("handovers:handover_detail", args=[handover.pk])),
        },
        recipients=[successor.mail_address],
    )
    return handover


def handover_consent_end(*, handover: Handover, by) -> SharingConsent | None:
    """The consent recorded for a proposal ends with it: the organisation never joined.

    Consent is given per organisation (DESIGN.md, "Who may see what"); one given only so that a
    proposed successor could join says nothing once the handover is declined, cancelled or
    withdrawn. It stays when the organisation had it before the proposal (then the proposal
    recorded none), when the organisation has an active member in one of the youth's networks,
    or when another handover to that organisation still waits (which then carries it). Call
    inside the transaction that ends the handover; returns the consent that ended, if any.
    """
    if handover.consent_recorded_id is None:
        return None
    consent = (
        SharingConsent.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=handover.consent_recorded_id)
    )
    if consent.revoked_on is not None:
        return None
    youth_id = consent.youth_id
    if (
        Membership.objects.active()
        .filter(network__youth_id=youth_id, supporter__organisation_id=consent.organisation_id)
        .exists()
    ):
        return None
    still_waiting = (
        Handover.objects.pending()
        .filter(network__youth_id=youth_id, successor__organisation_id=consent.organisation_id)
        .exclude(pk=handover.pk)
        .order_by("created_at", "pk")
        .first()
    )
    if still_waiting is not None:
        still_waiting.consent_recorded = consent
        still_waiting.save(update_fields=["consent_recorded"])
        return None
    consent.revoked_on = max(timezone.localdate(), consent.given_on)
    consent.save(update_fields=["revoked_on"])
    timeline_record(
        network=handover.network,
        kind=TimelineKind.CONSENT,
        summary=_(
            "The consent to share information with %(organisation)s, given for the handover to %(successor)s, "
            "ended with that handover"
        )
        % {"organisation": consent.organisation.name, "successor": handover.successor.full_name},
        actor=by,
    )
    return consent


def _lock_pending(handover: Handover) -> Handover:
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    if handover.status != HandoverStatus.PROPOSED:
        raise ValidationError(_("This handover has already been decided."))
    return handover


@transaction.atomic
def handover_accept(*, handover: Handover, by) -> Handover:
    """The successor takes over: "access follows the handover" (DESIGN.md, step 5)."""
    handover = _lock_pending(handover)
    network = CareNetwork.objects.select_for_update().get(pk=handover.network_id)
    leaver = Membership.objects.select_for_update().select_related("supporter").get(pk=handover.leaver_id)
    successor = Supporter.objects.get(pk=handover.successor_id)
    if network.is_closed:
        raise ValidationError(_("This network is closed and can no longer be changed. Reopen it first."))
    if not leaver.is_active:
        raise ValidationError(_("The leaving member has already left the network."))
    if joins_without_consent(network=network, organisation=successor.organisation):
        raise ValidationError(consent_missing_message(successor.organisation))

    new_membership = network.memberships.active().filter(supporter=successor).first()
    if new_membership is None:
        new_membership = network_add_member(
            network=network,
            supporter=successor,
            role=handover.successor_role,
            by=by,
            # Handing over because of 18 means handing over to someone who stays after 18.
            continues_after_18=leaver.continues_after_18 or handover.reason in AT_18_REASONS,
        )

    # Nothing is lost: the leaver's open work moves to the successor, each moved row audited.
    audited_update(leaver.actions.filter(status=ActionStatus.OPEN), owner=new_membership)
    audited_update(leaver.barriers_helping.exclude(status=BarrierStatus.REMOVED), helper=new_membership)
    audited_update(leaver.question_routes.all(), member=new_membership)

    changed = []
    for field in ("lead", "continuity_figure", "next_contact_by"):
        if getattr(network, f"{field}_id") == leaver.pk:
            setattr(network, field, new_membership)
            changed.append(field)
    if "lead" in changed:
        network.plan_review_due_on = timezone.localdate() + datetime.timedelta(days=PLAN_REVIEW_DAYS)
        changed.append("plan_review_due_on")
    if changed:
        network.save(update_fields=[*changed, "updated_at"])

    # Accepted before the leaver's membership ends: a handover still waiting then is cancelled
    # (handovers_end_with_their_leaver).
    handover.status = HandoverStatus.ACCEPTED
    handover.decided_by = by
    handover.decided_at = timezone.now()
    handover.save(update_fields=["status", "decided_by", "decided_at"])
    # membership_end reads the roles from this instance: give it the one we just changed.
    leaver.network = network
    membership_end(membership=leaver, by=by, left_on=max(timezone.localdate(), leaver.joined_on))
    network_sync_access(network=network)
    timeline_record(
        network=network,
        kind=TimelineKind.HANDOVER,
        summary=_("%(successor)s took over from %(leaver)s")
        % {"successor": successor.full_name, "leaver": leaver.supporter.full_name},
        actor=by,
    )
    return handover


@transaction.atomic
def handover_decline(*, handover: Handover, reason: str, by) -> Handover:
    """The successor declines with a reason that goes back to the lead; access stays as it was."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why you decline, so the lead can look for someone else."))
    handover = _lock_pending(handover)
    handover.status = HandoverStatus.DECLINED
    handover.decline_reason = reason
    handover.decided_by = by
    handover.decided_at = timezone.now()
    handover.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    handover_consent_end(handover=handover, by=by)
    network = handover.network
    timeline_record(
        network=network,
        kind=TimelineKind.HANDOVER,
        summary=_("%(successor)s declined the handover from %(leaver)s")
        % {"successor": handover.successor.full_name, "leaver": handover.leaver.supporter.full_name},
        actor=by,
    )
    proposer = handover.proposed_by.email if handover.proposed_by_id else ""
    _send_after_commit(
        subject=_("A handover was declined"),
        body=_(
            "%(successor)s declined the handover from %(leaver)s in the care network of %(initials)s.\n"
            "Their reason: %(reason)s\n\nLook for another successor here:\n%(url)s\n"
        )
        % {
            "successor": handover.successor.full_name,
            "leaver": handover.leaver.supporter.full_name,
            "initials": network.youth.initials,
            "reason": reason,
            "url": _absolute(reverse("handovers:handover_detail", args=[handover.pk])),
        },
        recipients=[*_lead_addresses(network), proposer],
    )
    return handover


@transaction.atomic
def handover_withdraw(*, handover: Handover, by) -> Handover:
    """The proposer takes a waiting proposal back (the leaver stays, or another successor is better).

    Nothing had changed in the network; the consent recorded for the proposal ends with it, the
    timeline says so, and the proposed successor is told that they need not answer.
    """
    handover = _lock_pending(handover)
    handover = Handover.objects.select_related("network__youth", "leaver__supporter", "successor").get(pk=handover.pk)
    if not handover_may_withdraw(by, handover):
        raise ValidationError(_("Only who proposed this handover, the leaving member or the lead can withdraw it."))
    handover.status = HandoverStatus.WITHDRAWN
    handover.decided_by = by
    handover.decided_at = timezone.now()
    handover.save(update_fields=["status", "decided_by", "decided_at"])
    handover_consent_end(handover=handover, by=by)
    network = handover.network
    timeline_record(
        network=network,
        kind=TimelineKind.HANDOVER,
        summary=_("The handover of %(leaver)s to %(successor)s was withdrawn")
        % {"leaver": handover.leaver.supporter.full_name, "successor": handover.successor.full_name},
        actor=by,
    )
    _send_after_commit(
        subject=_("A handover proposed to you was withdrawn"),
        body=_(
            "The warm handover that %(leaver)s proposed to you in the care network of %(initials)s "
            "was withdrawn. You do not need to answer it.\n"
        )
        % {"leaver": handover.leaver.supporter.full_name, "initials": network.youth.initials},
        recipients=[handover.successor.mail_address],
    )
    return handover


def handover_handed_over_by(user, pk: int) -> Handover | None:
    """An accepted handover whose leaver is this user: what they may still read after leaving (else None)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Handover.objects.filter(pk=pk, status=HandoverStatus.ACCEPTED, leaver__supporter__user=user)
        .select_related("network__youth", "successor__organisation", "leaver__supporter")
        .first()
    )


# --- turning 18: explicit confirmations ---------------------------------------------------


@transaction.atomic
def transition_confirm(*, network: CareNetwork, domain: str, note: str, by) -> TransitionConfirmation:
    """A member confirms an item of the turning-18 checklist; confirming again updates who, when and the note."""
    if domain not in TransitionDomain.values:
        raise ValidationError(_("Unknown item of the checklist."))
    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    network.require_open()
    confirmation, _created = TransitionConfirmation.objects.update_or_create(
        network=network,
        domain=domain,
        defaults={"note": (note or "").strip(), "confirmed_by": by, "confirmed_at": timezone.now()},
    )
    timeline_record(
        network=network,
        kind=TimelineKind.NETWORK,
        summary=_("Turning 18, confirmed: %(item)s") % {"item": confirmation.get_domain_display()},
        actor=by,
    )
    return confirmation


@transaction.atomic
def transition_unconfirm(*, network: CareNetwork, domain: str, by) -> None:
    """Take a confirmation back (it was too early, or things changed); the timeline keeps both."""
    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    network.require_open()
    deleted, _rows = TransitionConfirmation.objects.filter(network=network, domain=domain).delete()
    if deleted:
        timeline_record(
            network=network,
            kind=TimelineKind.NETWORK,
            summary=_("Turning 18, no longer confirmed: %(item)s") % {"item": TransitionDomain(domain).label},
            actor=by,
        )


@transaction.atomic
def network_plan_review_done(*, network: CareNetwork, by) -> CareNetwork:
    """The new lead has reviewed the plan: the follow-up leaves the dashboard."""
    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    network.plan_review_due_on = None
    network.save(update_fields=["plan_review_due_on", "updated_at"])
    timeline_record(network=network, kind=TimelineKind.PLAN, summary=_("The new lead reviewed the plan"), actor=by)
    return network


@transaction.atomic
def network_close(*, network: CareNetwork, reason: str, note: str, by) -> CareNetwork:
    """Close the network "totdat je aanvoelt dat de jongere dit niet langer nodig heeft" (step 4)."""
    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    if network.is_closed:
        raise ValidationError(_("This network is already closed."))
    if not (note or "").strip():
        raise ValidationError(_("Write a final note."))
    network.status = NetworkStatus.CLOSED
    network.closure_reason = reason
    network.closure_note = note.strip()
    network.ended_on = max(timezone.localdate(), network.started_on)
    network.save(update_fields=["status", "closure_reason", "closure_note", "ended_on", "updated_at"])
    # A proposal cannot be accepted into a closed network.
    handovers_cancel_waiting(Handover.objects.filter(network=network), by=by)
    network_sync_access(network=network)
    timeline_record(
        network=network,
        kind=TimelineKind.NETWORK,
        summary=_("The network was closed: %(reason)s") % {"reason": network.get_closure_reason_display()},
        actor=by,
    )
    return network


def handovers_cancel_waiting(handovers, *, by, note_on_timeline: bool = False) -> list[Handover]:
    """Cancel the handovers of `handovers` that still wait for an answer; each one's consent ends with it.

    Saved one by one, so each change is audited like any other. Call inside the transaction of
    the change that ends them.
    """
    cancelled = []
    waiting = (
        handovers.pending().select_for_update(of=("self",)).select_related("network", "leaver__supporter", "successor")
    )
    for handover in waiting.order_by("pk"):
        handover.status = HandoverStatus.CANCELLED
        handover.decided_at = timezone.now()
        handover.save(update_fields=["status", "decided_at"])
        handover_consent_end(handover=handover, by=by)
        if note_on_timeline:
            timeline_record(
                network=handover.network,
                kind=TimelineKind.HANDOVER,
                summary=_("The handover of %(leaver)s to %(successor)s was cancelled")
                % {"leaver": handover.leaver.supporter.full_name, "successor": handover.successor.full_name},
                actor=by,
            )
        cancelled.append(handover)
    return cancelled


@receiver(membership_ended, dispatch_uid="handovers_end_with_their_leaver")
def handovers_end_with_their_leaver(sender, *, membership, by, **kwargs) -> None:
    """A leaver who left another way hands nothing over: the handover waiting for an answer is cancelled."""
    handovers_cancel_waiting(Handover.objects.filter(leaver=membership), by=by, note_on_timeline=True)


@receiver(consent_revoked, dispatch_uid="handovers_end_with_their_consent")
def handovers_end_with_their_consent(sender, *, consent, by, **kwargs) -> None:
    """Without the youth's consent the successor's organisation cannot join: its waiting handovers end."""
    handovers_cancel_waiting(
        Handover.objects.filter(network__youth_id=consent.youth_id, successor__organisation_id=consent.organisation_id),
        by=by,
        note_on_timeline=True,
    )


@transaction.atomic
def network_reopen(*, network: CareNetwork, by) -> CareNetwork:
    """Reopen a closed network; every active member's organisation gets its access back."""
    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    if not network.is_closed:
        raise ValidationError(_("This network is not closed."))
    other = CareNetwork.objects.open().filter(youth_id=network.youth_id).exclude(pk=network.pk).first()
    if other is not None:
        raise ValidationError(
            _(
                "This youth already has another network that is open (started on %(date)s). "
                "Continue in that network, or close it before reopening this one."
            )
            % {"date": other.started_on}
        )
    network.status = NetworkStatus.ACTIVE
    network.ended_on = None
    try:
        with transaction.atomic():
            network.save(update_fields=["status", "ended_on", "updated_at"])
    except IntegrityError:
        # Someone opened another network for this youth at the same moment.
        raise ValidationError(_("This youth already has a network that is not closed."))
    network_sync_access(network=network)
    timeline_record(network=network, kind=TimelineKind.NETWORK, summary=_("The network was reopened"), actor=by)
    return network


def may_steer(user, network: CareNetwork) -> bool:
    """Closing, reopening and the plan review belong to the lead's side (any member while there is no lead)."""
    if network.lead_id is None:
        return network.memberships.active().filter(supporter__user=user).exists()
    return user_is_lead_side(user, network)


def require_lead_side(user, network: CareNetwork) -> None:
    """Other members see the network but may not steer it: 403, as they know it exists."""
    if not may_steer(user, network):
        raise PermissionDenied


# --- selectors ----------------------------------------------------------------------------


def open_actions_of(memberships) -> list:
    """The open actions these members own, shown in the handover so nothing is forgotten (one query)."""
    ids = [membership.pk for membership in memberships]
    if not ids:
        return []
    return list(
        Action.objects.filter(owner_id__in=ids, status=ActionStatus.OPEN)
        .select_related("owner__supporter")
        .order_by("deadline", "pk")
    )


OPEN_REFERRAL_STATUSES = (ReferralStatus.SENT, ReferralStatus.ACCEPTED)


def shared_dossier(network: CareNetwork) -> dict:
    """Everything a successor reads to be up to speed in minutes, in the playbook's order.

    "Overweeg een online gedeeld dossier dat door alle partners in het zorgnetwerkje
    geraadpleegd kan worden, om deze overdracht te ondersteunen." A fixed number of queries:
    pass a network fetched with select_related("youth", "plan").
    """
    memberships = list(network.memberships.select_related("supporter__organisation").order_by("joined_on", "pk"))
    try:
        plan = network.plan
    except ObjectDoesNotExist:
        plan = None
    if plan is not None:
        actions = list(plan.actions.filter(status=ActionStatus.OPEN).select_related("owner__supporter"))
        barriers = list(
            plan.barriers.exclude(status=BarrierStatus.REMOVED).select_related("category", "helper__supporter")
        )
        referrals = list(
            plan.referrals.filter(status__in=OPEN_REFERRAL_STATUSES).select_related("offer", "referred_by__supporter")
        )
    else:
        actions, barriers, referrals = [], [], []
    last_meeting = network.meetings.filter(status=MeetingStatus.HELD).order_by("-starts_at").first()
    handovers = list(
        network.handovers.exclude(status__in=[HandoverStatus.CANCELLED, HandoverStatus.WITHDRAWN]).select_related(
            "leaver__supporter", "successor__organisation", "proposed_by", "decided_by"
        )
    )
    return {
        "network": network,
        "youth": network.youth,
        "current_members": [m for m in memberships if m.left_on is None],
        "former_members": sorted(
            (m for m in memberships if m.left_on is not None), key=lambda m: m.left_on, reverse=True
        ),
        "plan": plan,
        "open_actions": actions,
        "open_barriers": barriers,
        "open_referrals": referrals,
        "last_meeting": last_meeting,
        "handovers": handovers,
    }
