"""Changes to networks that touch several models. Each keeps access in step."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.access import network_sync_access
from networks.choices import TimelineKind
from networks.models import CareNetwork, Membership, Supporter, TimelineEntry


def timeline_record(*, network: CareNetwork, kind: str, summary: str, actor=None, occurred_at=None) -> TimelineEntry:
    """Write one line in the youth's timeline."""
    return TimelineEntry.objects.create(
        youth_id=network.youth_id,
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


@transaction.atomic
def membership_end(*, membership: Membership, by=None, left_on=None) -> Membership:
    """End a membership; the organisation loses access when this was its last active member."""
    membership.left_on = left_on or timezone.localdate()
    membership.save(update_fields=["left_on"])
    network = membership.network
    for field in ("lead", "continuity_figure", "next_contact_by"):
        if getattr(network, f"{field}_id") == membership.pk:
            setattr(network, field, None)
            network.save(update_fields=[field])
    network_sync_access(network=network)
    timeline_record(
        network=network,
        kind=TimelineKind.MEMBER,
        summary=_("%(name)s left the network") % {"name": membership.supporter.full_name},
        actor=by,
    )
    return membership


@transaction.atomic
def network_rotate_lead(*, network: CareNetwork, new_lead: Membership, by) -> CareNetwork:
    """The lead hands the trekker role on: "this can also be a rotating role" (playbook, step 4)."""
    import datetime

    from django.core.exceptions import ValidationError

    network = CareNetwork.objects.select_for_update(of=("self",)).select_related("lead__supporter").get(pk=network.pk)
    if network.lead_id and network.lead.supporter.user_id != getattr(by, "pk", None):
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


# --- Steps 1 and 2 (issue 3): consent to share, activation, network details, new members ---


def network_missing_sectors(*, memberships) -> list[str]:
    """The essential sectors no active member covers: "betrek minimum onderwijs, welzijn, arbeid, voogd en wonen"."""
    from networks.choices import ESSENTIAL_SECTORS

    covered = {membership.sector for membership in memberships if membership.left_on is None}
    return [sector for sector in ESSENTIAL_SECTORS if sector not in covered]


def youth_has_sharing_consent(*, youth, organisation) -> bool:
    from networks.models import SharingConsent

    return SharingConsent.objects.active().filter(youth=youth, organisation=organisation).exists()


@transaction.atomic
def sharing_consent_record(*, youth, organisation, by, given_on=None):
    """Record the youth's consent to share with one organisation: consent is given per organisation."""
    from django.core.exceptions import ValidationError

    from networks.models import SharingConsent

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
    network = CareNetwork.objects.filter(youth=youth).open().first()
    TimelineEntry.objects.create(
        youth=youth,
        network=network,
        kind=TimelineKind.CONSENT,
        summary=_("The youth agreed to share information with %(organisation)s") % {"organisation": organisation.name},
        actor=by if getattr(by, "is_authenticated", False) else None,
    )
    return consent


@transaction.atomic
def sharing_consent_revoke(*, consent, by) -> list[Membership]:
    """Revoke a consent to share; revoking ends that organisation's access ("revocable at any time")."""
    consent.revoked_on = timezone.localdate()
    consent.save(update_fields=["revoked_on"])
    ended = []
    memberships = (
        Membership.objects.active()
        .filter(network__youth_id=consent.youth_id, supporter__organisation_id=consent.organisation_id)
        .select_related("supporter", "network")
    )
    for membership in memberships:
        ended.append(membership_end(membership=membership, by=by))
    network = CareNetwork.objects.filter(youth_id=consent.youth_id).open().first()
    TimelineEntry.objects.create(
        youth_id=consent.youth_id,
        network=network,
        kind=TimelineKind.CONSENT,
        summary=_("The youth revoked the consent to share information with %(organisation)s")
        % {"organisation": consent.organisation.name},
        actor=by if getattr(by, "is_authenticated", False) else None,
    )
    return ended


@transaction.atomic
def network_activate(*, network: CareNetwork, by) -> CareNetwork:
    """Activate a network: "zonder motivatie van de jongere zelf heeft het netwerkje weinig zin"."""
    from django.core.exceptions import ValidationError
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
    if new_lead is not None and new_lead.pk != old.lead_id and old.lead_id:
        # Handing the lead on is the current lead's own step, with a plan review (network_rotate_lead).
        network_rotate_lead(network=network, new_lead=new_lead, by=by)
        network.refresh_from_db()
        new_lead = None
    elif new_lead is not None and new_lead.pk != old.lead_id:
        network.lead = new_lead
        network.save(update_fields=["lead"])
    if old.intensity != network.intensity:
        timeline_record(
            network=network,
            kind=TimelineKind.NETWORK,
            summary=_("Intensity changed from %(old)s to %(new)s")
            % {"old": old.get_intensity_display(), "new": network.get_intensity_display()},
            actor=by,
        )
    if new_lead is not None and old.lead_id != network.lead_id:
        timeline_record(
            network=network,
            kind=TimelineKind.NETWORK,
            summary=_("%(name)s is now the lead") % {"name": network.lead.supporter.full_name},
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
    from django.core.exceptions import ValidationError

    if supporter is None:
        supporter = Supporter.objects.create(**(new_supporter or {}))
    organisation = supporter.organisation
    if organisation is not None and not youth_has_sharing_consent(youth=network.youth, organisation=organisation):
        if not share_consent:
            raise ValidationError(
                _(
                    "The youth has not agreed to share information with %(organisation)s. "
                    "Ask the youth first and record the consent."
                )
                % {"organisation": organisation.name}
            )
        sharing_consent_record(youth=network.youth, organisation=organisation, by=by)
    return network_add_member(network=network, supporter=supporter, role=role, by=by, **fields)
