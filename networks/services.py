"""Changes to networks that touch several models. Each keeps access in step.

Who may change what is written as one small function per rule (`membership_may_end`,
`network_may_set_lead`, `consent_may_change`, ...), each quoting DESIGN.md. The services below
enforce them, so a view, a form or Django admin cannot go round them; views and templates use
the same functions to hide what a user may not do.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.access import network_sync_access
from networks.choices import MemberRole, NetworkStatus, TimelineKind
from networks.events import consent_revoked, membership_ended
from networks.models import CareNetwork, Membership, OrganisationProposal, SharingConsent, Supporter, TimelineEntry
from zorgnetwerk.mail import plain_mail_after_commit


def timeline_record(
    *, kind: str, summary: str, network: CareNetwork | None = None, youth=None, actor=None, occurred_at=None
) -> TimelineEntry:
    """Write one line in the youth's timeline: every line of it is written here.

    Give the network, or only the youth for what belongs to the youth itself (the line then
    names the youth's open network, if there is one).
    """
    if network is None:
        network = CareNetwork.objects.filter(youth=youth).open().first()
    return TimelineEntry.objects.create(
        youth_id=network.youth_id if network is not None else youth.pk,
        network=network,
        kind=kind,
        summary=summary[:300],
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        occurred_at=occurred_at or timezone.now(),
    )


@transaction.atomic
def network_add_member(*, network: CareNetwork, supporter: Supporter, role: str, by=None, **fields) -> Membership:
    """Add a supporter to the network; their organisation gains access with its first member."""
    membership = Membership.objects.create(network=network, supporter=supporter, role=role, **fields)
    network_sync_access(network=network)
    timeline_record(
        network=network,
        kind=TimelineKind.MEMBER,
        summary=_("%(name)s joined the network as %(role)s")
        % {
            "name": supporter.full_name,
            "role": membership.get_role_display(),
        },
        actor=by,
    )
    return membership


# --- who may do what (DESIGN.md, "Who may see what") ----------------------------------------


def user_acts_as_admin(user, permission: str) -> bool:
    """An admin: "Admins work in Django admin" -- staff with the model permission (a superuser has all)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.is_staff
        and user.has_perm(f"networks.{permission}")
    )


def network_may_set_lead(*, network: CareNetwork, user) -> bool:
    """ "The lead role moves only when the lead passes it on, by an accepted handover, or by an admin."

    The accepted handover moves the role in handovers.services.handover_accept. A network without
    a lead (data from before this rule) gets one from an admin only: letting any member take an
    empty lead role is how the role was taken over, so nobody in the app may claim it.
    """
    if user_acts_as_admin(user, "change_carenetwork"):
        return True
    return network.is_led_by(user)


def membership_holds_lead_role(*, membership: Membership, network: CareNetwork | None = None) -> bool:
    """ "The lead's membership cannot be ended before" the role is passed on (DESIGN.md)."""
    network = network or membership.network
    return network.lead_id is not None and network.lead_id == membership.pk


def membership_may_end(*, membership: Membership, user) -> bool:
    """ "A member may end their own membership or one of their own organisation's; the lead may end any membership."

    An admin may too (DESIGN.md: admin changes go through the same services). Whether the
    membership may end at all (it may not while it holds the lead role) is
    membership_holds_lead_role.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if user_acts_as_admin(user, "change_membership"):
        return True
    supporter = membership.supporter
    if supporter.user_id == user.pk:
        return True
    if user.organisation_id is not None and supporter.organisation_id == user.organisation_id:
        return True
    return membership.network.is_led_by(user)


def membership_end_needs_reason(*, membership: Membership, user) -> bool:
    """ "The lead may end any membership, with a reason on the timeline": ending someone else's needs one.

    Someone else's: not your own and not one of your own organisation's.
    """
    supporter = membership.supporter
    own = supporter.user_id is not None and supporter.user_id == getattr(user, "pk", None)
    own_organisation = supporter.organisation_id is not None and supporter.organisation_id == getattr(
        user, "organisation_id", None
    )
    return not (own or own_organisation)


def consent_keeper(*, youth, user) -> bool:
    """The lead or the guardian of the youth's open network, who may record or revoke any organisation's consent."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user_acts_as_admin(user, "change_sharingconsent"):
        return True
    networks = CareNetwork.objects.filter(youth=youth).open()
    as_guardian = networks.filter(
        memberships__role=MemberRole.GUARDIAN, memberships__left_on__isnull=True, memberships__supporter__user=user
    )
    return networks.led_by(user).exists() or as_guardian.exists()


def consent_may_change(*, youth, organisation, user) -> bool:
    """ "Consent is recorded or revoked by the lead, the guardian, or a member of that organisation" (DESIGN.md)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if organisation is not None and user.organisation_id == organisation.pk:
        return True
    return consent_keeper(youth=youth, user=user)


# --- memberships -------------------------------------------------------------------------------


@transaction.atomic
def membership_end(*, membership: Membership, by=None, left_on=None, reason: str = "") -> Membership:
    """End a membership; the organisation loses access when this was its last active member.

    The mechanism, for flows that check their own right first (an accepted handover, a revoked
    consent, membership_remove). It never ends the lead's membership: "the lead's membership
    cannot be ended before" the role is passed on.
    """
    network = CareNetwork.objects.select_for_update().get(pk=membership.network_id)
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    if locked.left_on is not None:
        raise ValidationError(_("This membership has already ended."))
    if membership_holds_lead_role(membership=locked, network=network):
        raise ValidationError(lead_membership_message())
    membership.left_on = left_on or timezone.localdate()
    membership.save(update_fields=["left_on"])
    for field in ("continuity_figure", "next_contact_by"):
        if getattr(network, f"{field}_id") == membership.pk:
            setattr(network, field, None)
            network.save(update_fields=[field])
    membership.network = network
    network_sync_access(network=network)
    name = membership.supporter.full_name
    reason = (reason or "").strip()
    timeline_record(
        network=network,
        kind=TimelineKind.MEMBER,
        summary=(
            _("%(name)s left the network. Reason: %(reason)s") % {"name": name, "reason": reason}
            if reason
            else _("%(name)s left the network") % {"name": name}
        ),
        actor=by,
    )
    membership_ended.send(sender=Membership, membership=membership, by=by)
    return membership


def lead_membership_message() -> str:
    return _(
        "This member is the lead of the network. The lead passes the role on to another member first; "
        "then the membership can end."
    )


def membership_refusal(*, membership: Membership, user) -> str:
    """Why this user cannot end this membership now, in words for the user; empty when they can."""
    if membership_holds_lead_role(membership=membership):
        return lead_membership_message()
    if not membership_may_end(membership=membership, user=user):
        return _(
            "You can end your own membership or one of your own organisation's. "
            "Only the lead can end the membership of another organisation."
        )
    return ""


@transaction.atomic
def membership_remove(*, membership: Membership, by, reason: str = "") -> Membership:
    """Someone ends a membership in the app or in Django admin: the rules of who may are checked here.

    When it is someone else's membership (the lead's or an admin's decision), the reason goes to
    the timeline and, after commit, to the organisation and the member that were removed.
    """
    # Lock the network first: who the lead is decides who may end what.
    network = (
        CareNetwork.objects.select_for_update(of=("self",))
        .select_related("lead__supporter")
        .get(pk=membership.network_id)
    )
    membership = Membership.objects.select_related("supporter__organisation", "supporter__user").get(pk=membership.pk)
    membership.network = network
    refusal = membership_refusal(membership=membership, user=by)
    if refusal:
        raise PermissionDenied(refusal)
    reason = (reason or "").strip()
    needs_reason = membership_end_needs_reason(membership=membership, user=by)
    if needs_reason and not reason:
        raise ValidationError(
            {"reason": _("Say why this membership ends: the reason goes to the timeline and to the organisation.")}
        )
    membership_end(membership=membership, by=by, reason=reason)
    if needs_reason:
        _mail_removed_member(membership=membership, by=by, reason=reason)
    return membership


def _mail_removed_member(*, membership: Membership, by, reason: str) -> None:
    """Tell the organisation and the member that was removed, after commit (no youth's name: initials)."""
    supporter = membership.supporter
    organisation = supporter.organisation
    recipients = sorted(
        {
            address
            for address in (
                getattr(organisation, "email", ""),
                supporter.mail_address,
            )
            if address
        }
    )
    if not recipients:
        return
    subject = _("A membership of a care network was ended")
    body = _(
        "The membership of %(name)s of the care network of %(initials)s was ended by %(by)s.\n"
        "Reason: %(reason)s\n\n%(site)s\n"
    ) % {
        "name": supporter.full_name,
        "initials": membership.network.youth.initials,
        "by": (by.get_full_name() or by.email) if getattr(by, "is_authenticated", False) else "—",
        "reason": reason,
        "site": settings.SITE_URL,
    }

    for recipient in recipients:
        plain_mail_after_commit(subject=subject, body=body, recipients=[recipient], about="an ended membership")


@transaction.atomic
def network_rotate_lead(*, network: CareNetwork, new_lead: Membership, by) -> CareNetwork:
    """The lead hands the trekker role on: "this can also be a rotating role" (playbook, step 4).

    Only the lead or an admin (network_may_set_lead); the accepted handover has its own path.
    """
    import datetime

    network = CareNetwork.objects.select_for_update(of=("self",)).select_related("lead__supporter").get(pk=network.pk)
    if not network_may_set_lead(network=network, user=by):
        if network.lead_id is None:
            raise ValidationError(_("This network has no lead. An administrator appoints one."))
        raise ValidationError(_("Only the current lead can hand the lead role to another member."))
    if new_lead.network_id != network.pk or new_lead.left_on is not None:
        raise ValidationError({"new_lead": _("Choose an active member of this network.")})
    if new_lead.pk == network.lead_id:
        raise ValidationError({"new_lead": _("This member is already the lead.")})
    previous = network.lead
    network.lead = new_lead
    # The new lead reviews the plan within 30 days (see CareNetwork.plan_review_due_on).
    network.plan_review_due_on = timezone.localdate() + datetime.timedelta(days=30)
    network.save(update_fields=["lead", "plan_review_due_on", "updated_at"])
    timeline_record(
        network=network,
        kind=TimelineKind.NETWORK,
        summary=_("%(old)s handed the lead to %(new)s")
        % {"old": previous.supporter.full_name if previous else "—", "new": new_lead.supporter.full_name},
        actor=by,
    )
    return network


@transaction.atomic
def supporter_save(*, supporter: Supporter, by=None) -> Supporter:
    """Save a supporter's details (admin); access follows a new login: "one service function does both"."""
    supporter.save()
    networks = CareNetwork.objects.filter(memberships__supporter=supporter, memberships__left_on__isnull=True)
    for network in networks.distinct():
        network_sync_access(network=network)
    return supporter


# --- Steps 1 and 2: consent to share, activation, network details, new members ---


def network_missing_sectors(*, memberships) -> list[str]:
    """The essential sectors no active member covers: "betrek minimum onderwijs, welzijn, arbeid, voogd en wonen"."""
    from networks.choices import ESSENTIAL_SECTORS

    covered = {membership.sector for membership in memberships if membership.left_on is None}
    return [sector for sector in ESSENTIAL_SECTORS if sector not in covered]


def youth_has_sharing_consent(*, youth, organisation) -> bool:
    return SharingConsent.objects.active().filter(youth=youth, organisation=organisation).exists()


def joins_without_consent(*, network: CareNetwork, organisation) -> bool:
    """ "An organisation joins only with the youth's consent to share" (DESIGN.md): true for an
    organisation new to the network whose sharing the youth has not agreed to. Every way in (a new
    member, a handover's successor) asks this."""
    if organisation is None:
        return False
    if network.memberships.active().filter(supporter__organisation=organisation).exists():
        return False
    return not youth_has_sharing_consent(youth=network.youth, organisation=organisation)


def consent_missing_message(organisation) -> str:
    return _(
        "The youth has not agreed to share information with %(organisation)s. "
        "Ask the youth first and record the consent."
    ) % {"organisation": organisation.name}


@transaction.atomic
def sharing_consent_record(*, youth, organisation, by, given_on=None):
    """Record the youth's consent to share with one organisation: consent is given per organisation.

    The writer. The app and admin call sharing_consent_give, which checks who may record it
    (consent_may_change) first.
    """

    if youth_has_sharing_consent(youth=youth, organisation=organisation):
        raise ValidationError(
            _("The youth has already agreed to share information with %(organisation)s.")
            % {"organisation": organisation.name}
        )
    consent = SharingConsent.objects.create(
        youth=youth,
        organisation=organisation,
        given_on=given_on or timezone.localdate(),
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    timeline_record(
        youth=youth,
        kind=TimelineKind.CONSENT,
        summary=_("The youth agreed to share information with %(organisation)s") % {"organisation": organisation.name},
        actor=by,
    )
    _proposals_join_after_consent(youth=youth, organisation=organisation, by=by)
    return consent


def consent_refusal_message(organisation) -> str:
    return _(
        "Only the lead, the guardian or a member of %(organisation)s can record or revoke the youth's "
        "consent to share information with %(organisation)s."
    ) % {"organisation": organisation.name}


@transaction.atomic
def sharing_consent_give(*, youth, organisation, by, given_on=None):
    """A user records a consent: "recorded or revoked by the lead, the guardian, or a member of that organisation"."""
    if not consent_may_change(youth=youth, organisation=organisation, user=by):
        raise PermissionDenied(consent_refusal_message(organisation))
    return sharing_consent_record(youth=youth, organisation=organisation, by=by, given_on=given_on)


@transaction.atomic
def sharing_consent_revoke(*, consent, by) -> list[Membership]:
    """Revoke a consent to share; revoking ends that organisation's access ("revocable at any time").

    Only the lead, the guardian or a member of that organisation (consent_may_change; `by=None`
    is the system itself). Every revocation is on the timeline. The lead's membership cannot end
    before the lead role is passed on, so a consent of the lead's organisation is revoked after that.
    """

    consent = (
        SharingConsent.objects.select_for_update(of=("self",))
        .select_related("organisation", "youth")
        .get(pk=consent.pk)
    )
    if by is not None and not consent_may_change(youth=consent.youth, organisation=consent.organisation, user=by):
        raise PermissionDenied(consent_refusal_message(consent.organisation))
    if consent.revoked_on is not None:
        raise ValidationError(_("This consent has already been revoked."))
    memberships = list(
        Membership.objects.active()
        .filter(network__youth_id=consent.youth_id, supporter__organisation_id=consent.organisation_id)
        .select_related("supporter", "network")
    )
    if any(membership_holds_lead_role(membership=membership) for membership in memberships):
        raise ValidationError(
            _(
                "The lead of the network belongs to %(organisation)s. The lead passes the role on to a member "
                "of another organisation first; then the consent can be revoked."
            )
            % {"organisation": consent.organisation.name}
        )
    consent.revoked_on = timezone.localdate()
    consent.save(update_fields=["revoked_on"])
    ended = [membership_end(membership=membership, by=by) for membership in memberships]
    consent_revoked.send(sender=type(consent), consent=consent, by=by)
    timeline_record(
        youth=consent.youth,
        kind=TimelineKind.CONSENT,
        summary=_("The youth revoked the consent to share information with %(organisation)s")
        % {"organisation": consent.organisation.name},
        actor=by,
    )
    return ended


@transaction.atomic
def network_activate(*, network: CareNetwork, by) -> CareNetwork:
    """Activate a network: "zonder motivatie van de jongere zelf heeft het netwerkje weinig zin"."""
    from django.db import IntegrityError

    from networks.choices import NetworkStatus

    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    if network.status == NetworkStatus.ACTIVE:
        raise ValidationError(_("This network is already active."))
    if not network.youth.intakes.filter(consent_given=True).exists():
        raise ValidationError(
            _(
                "A network can only become active after a first conversation in which the youth "
                "agreed to start a network. Record that first conversation first."
            )
        )
    duplicate = CareNetwork.objects.filter(youth_id=network.youth_id).open().exclude(pk=network.pk)
    if duplicate.exists():
        raise ValidationError(_("This youth already has a network that is not closed."))
    network.status = NetworkStatus.ACTIVE
    network.ended_on = None
    network.closure_reason = ""
    try:
        with transaction.atomic():
            network.save(update_fields=["status", "ended_on", "closure_reason", "updated_at"])
    except IntegrityError:
        raise ValidationError(_("This youth already has a network that is not closed."))
    network_sync_access(network=network)
    timeline_record(network=network, kind=TimelineKind.NETWORK, summary=_("The network became active"), actor=by)
    return network


@transaction.atomic
def network_update(*, network: CareNetwork, by, **fields) -> CareNetwork:
    """Change the network's details; a change of intensity is kept in the timeline as its history."""
    old = CareNetwork.objects.select_for_update().get(pk=network.pk)
    new_lead = fields.pop("lead", old.lead)
    for name, value in fields.items():
        setattr(network, name, value)
    network.lead_id = old.lead_id
    network.save()
    if new_lead is not None and new_lead.pk != old.lead_id:
        # The lead role moves only through network_rotate_lead, which checks network_may_set_lead.
        network_rotate_lead(network=network, new_lead=new_lead, by=by)
        network.refresh_from_db()
    if old.intensity != network.intensity:
        timeline_record(
            network=network,
            kind=TimelineKind.NETWORK,
            summary=_("Intensity changed from %(old)s to %(new)s")
            % {"old": old.get_intensity_display(), "new": network.get_intensity_display()},
            actor=by,
        )
    if old.continuity_figure_id != network.continuity_figure_id and network.continuity_figure_id:
        timeline_record(
            network=network,
            kind=TimelineKind.NETWORK,
            summary=_("%(name)s is now the continuity figure")
            % {"name": network.continuity_figure.supporter.full_name},
            actor=by,
        )
    return network


@transaction.atomic
@transaction.atomic
def network_join_several(*, network: CareNetwork, supporters, share_consent: bool, by) -> list[Membership]:
    """Add several supporters at once ("ask the youth who supports them"), each in the usual role of
    their organisation's sector; all or none (a missing consent refuses the lot, naming it)."""
    from networks.choices import ROLE_FOR_SECTOR

    joined = []
    for supporter in supporters:
        sector = getattr(supporter.organisation, "sector", "")
        role = ROLE_FOR_SECTOR.get(sector, MemberRole.OTHER)
        joined.append(network_join(network=network, by=by, role=role, supporter=supporter, share_consent=share_consent))
    return joined


def network_join(
    *,
    network: CareNetwork,
    by,
    role: str,
    supporter: Supporter | None = None,
    new_supporter: dict | None = None,
    share_consent: bool = False,
    **fields,
) -> Membership:
    """Add an existing or a new supporter; an organisation joins only with the youth's consent to share."""
    if supporter is None:
        supporter = Supporter.objects.create(**(new_supporter or {}))
    organisation = supporter.organisation
    if joins_without_consent(network=network, organisation=organisation):
        if not share_consent:
            raise ValidationError(consent_missing_message(organisation))
        if not consent_may_change(youth=network.youth, organisation=organisation, user=by):
            raise ValidationError(consent_refusal_message(organisation))
        sharing_consent_record(youth=network.youth, organisation=organisation, by=by)
    return network_add_member(network=network, supporter=supporter, role=role, by=by, **fields)


# --- Step 2: a partner the app does not know yet ------------------------------------------------


@transaction.atomic
def organisation_propose(
    *,
    network: CareNetwork,
    by,
    name: str,
    sector: str,
    contact_first_name: str,
    contact_last_name: str,
    contact_email: str,
    contact_role: str,
    share_consent: bool = False,
) -> OrganisationProposal:
    """A network member proposes an organisation; it stays pending (no picker, no access) until approved."""
    from accounts.models import Organisation

    organisation = Organisation.objects.create(name=name, sector=sector, status=Organisation.Status.PENDING)
    proposal = OrganisationProposal.objects.create(
        organisation=organisation,
        network=network,
        proposed_by=by,
        contact_first_name=contact_first_name,
        contact_last_name=contact_last_name,
        contact_email=contact_email,
        contact_role=contact_role,
        share_consent=share_consent,
    )
    timeline_record(
        network=network,
        kind=TimelineKind.NETWORK,
        summary=_("%(organisation)s was proposed as a new partner organisation; an administrator approves it")
        % {"organisation": name},
        actor=by,
    )
    return proposal


def _pending_proposal_locked(proposal: OrganisationProposal) -> OrganisationProposal:
    """The proposal, locked for the decision; refused when an admin decided on it already."""
    proposal = (
        OrganisationProposal.objects.select_for_update(of=("self",))
        .select_related("organisation", "network__youth", "proposed_by")
        .get(pk=proposal.pk)
    )
    if proposal.status != OrganisationProposal.Status.PENDING:
        raise ValidationError(_("This proposal was decided on already."))
    return proposal


@transaction.atomic
def organisation_proposal_approve(*, proposal: OrganisationProposal, by) -> OrganisationProposal:
    """An admin approves a proposed organisation; its contact becomes a supporter of it and joins the network.

    "An organisation joins only with the youth's consent to share" (DESIGN.md): the contact joins
    now when the consent is recorded already, or when the proposer said the youth agrees and may
    record that (the lead or the guardian). Otherwise the membership waits: the proposer is told
    to record the consent, and the contact joins the moment it is recorded (sharing_consent_record).
    """
    if not user_acts_as_admin(by, "change_organisationproposal"):
        raise PermissionDenied(_("Only an administrator approves a proposed organisation."))
    proposal = _pending_proposal_locked(proposal)
    organisation = proposal.organisation
    organisation.status = organisation.Status.APPROVED
    organisation.save(update_fields=["status"])
    proposal.supporter = Supporter.objects.create(
        first_name=proposal.contact_first_name,
        last_name=proposal.contact_last_name,
        email=proposal.contact_email,
        function=proposal.get_contact_role_display(),
        organisation=organisation,
    )
    proposal.status = OrganisationProposal.Status.WAITING_FOR_CONSENT
    proposal.approved_by = by
    proposal.approved_at = timezone.now()
    proposal.save(update_fields=["supporter", "status", "approved_by", "approved_at"])
    network, proposer = proposal.network, proposal.proposed_by
    if (
        proposal.share_consent
        and network.status != NetworkStatus.CLOSED
        and joins_without_consent(network=network, organisation=organisation)
        and proposer is not None
        and consent_may_change(youth=network.youth, organisation=organisation, user=proposer)
    ):
        # Recording the consent lets the waiting contact join (sharing_consent_record).
        sharing_consent_record(youth=network.youth, organisation=organisation, by=proposer)
    else:
        _proposals_join_after_consent(youth=network.youth, organisation=organisation, by=by)
    proposal.refresh_from_db()
    _mail_proposer(proposal=proposal)
    return proposal


@transaction.atomic
def organisation_proposal_reject(*, proposal: OrganisationProposal, by, reason: str) -> OrganisationProposal:
    """An admin does not approve a proposed organisation: it stays out of every picker for good
    (inactive, still pending), the reason goes to the network's timeline and to the proposer."""
    if not user_acts_as_admin(by, "change_organisationproposal"):
        raise PermissionDenied(_("Only an administrator decides on a proposed organisation."))
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(_("Give the reason: the proposer reads it."))
    proposal = _pending_proposal_locked(proposal)
    organisation = proposal.organisation
    organisation.is_active = False
    organisation.save(update_fields=["is_active"])
    proposal.status = OrganisationProposal.Status.REJECTED
    proposal.rejected_by = by
    proposal.rejected_at = timezone.now()
    proposal.rejection_reason = reason
    proposal.save(update_fields=["status", "rejected_by", "rejected_at", "rejection_reason"])
    timeline_record(
        network=proposal.network,
        kind=TimelineKind.NETWORK,
        summary=_("%(organisation)s was not approved as a partner organisation: %(reason)s")
        % {"organisation": organisation.name, "reason": reason},
        actor=by,
    )
    proposer = proposal.proposed_by
    if proposer is not None and proposer.email:
        values = {
            "organisation": organisation.name,
            "initials": proposal.network.youth.initials,
            "reason": reason,
            "site": settings.SITE_URL,
        }
        plain_mail_after_commit(
            subject=_("%(organisation)s was not approved") % values,
            body=_(
                "You proposed %(organisation)s as a partner in the care network of %(initials)s. An "
                "administrator did not approve it:\n\n%(reason)s\n\n%(site)s\n"
            )
            % values,
            recipients=[proposer.email],
            about="a proposal that was not approved",
        )
    return proposal


def _proposals_join_after_consent(*, youth, organisation, by) -> None:
    """The contacts of approved proposals that waited for this consent join their networks now."""
    waiting = OrganisationProposal.objects.filter(
        organisation=organisation,
        network__youth=youth,
        status=OrganisationProposal.Status.WAITING_FOR_CONSENT,
        supporter__isnull=False,
    ).select_related("network", "supporter")
    for proposal in waiting:
        network = proposal.network
        if network.status == NetworkStatus.CLOSED or joins_without_consent(network=network, organisation=organisation):
            continue
        if not network.memberships.active().filter(supporter=proposal.supporter).exists():
            network_add_member(network=network, supporter=proposal.supporter, role=proposal.contact_role, by=by)
        proposal.status = OrganisationProposal.Status.DONE
        proposal.save(update_fields=["status"])


def _mail_proposer(*, proposal: OrganisationProposal) -> None:
    """Tell the proposer, after commit, that the organisation was approved and what happens next."""
    proposer = proposal.proposed_by
    if proposer is None or not proposer.email:
        return
    values = {
        "organisation": proposal.organisation.name,
        "name": proposal.contact_name,
        "initials": proposal.network.youth.initials,
        "site": settings.SITE_URL,
    }
    if proposal.status == OrganisationProposal.Status.DONE:
        body = _(
            "%(organisation)s was approved. %(name)s is now a member of the care network of %(initials)s.\n\n%(site)s\n"
        )
    else:
        body = _(
            "%(organisation)s was approved. %(name)s joins the care network of %(initials)s as soon as the "
            "youth's consent to share information with %(organisation)s is recorded: the lead or the guardian "
            "records it on the consents page.\n\n%(site)s\n"
        )
    plain_mail_after_commit(
        subject=_("%(organisation)s was approved") % values,
        body=body % values,
        recipients=[proposer.email],
        about="an approved organisation",
    )
