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

    network = CareNetwork.objects.select_for_update().select_related("lead__supporter").get(pk=network.pk)
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
