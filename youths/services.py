"""Rules about the youth and the first conversation (steps 1 and 2 of the playbook)."""

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from networks.choices import RESIDENCE_STATUS_SECTORS, ROLE_FOR_SECTOR, MemberRole, NetworkStatus, TimelineKind
from networks.models import CareNetwork, Membership, Supporter
from networks.services import network_add_member, timeline_record
from youths.models import Intake, Youth


def youth_may_see_residence_status(user, youth: Youth | None) -> bool:
    """Only the guardian and welfare see the residence situation: it is sensitive and others do not need it.

    The rule: the user's organisation works in a sector of RESIDENCE_STATUS_SECTORS (guardianship,
    welfare) and has an active member in one of the youth's open networks. For a youth that is
    being created (no pk yet) the sector is enough: the creator's organisation becomes a member.
    """
    organisation = getattr(user, "organisation", None)
    if not getattr(user, "is_authenticated", False) or organisation is None:
        return False
    if organisation.sector not in RESIDENCE_STATUS_SECTORS:
        return False
    if youth is None or youth.pk is None:
        return True
    return (
        Membership.objects.active()
        .filter(network__youth=youth, supporter__organisation_id=organisation.pk)
        .exclude(network__status=NetworkStatus.CLOSED)
        .exists()
    )


def supporter_for_user(user) -> Supporter:
    """The user's own supporter record, made from the user's name and organisation when missing."""
    try:
        return user.supporter
    except Supporter.DoesNotExist:
        pass
    local_part = user.email.split("@")[0]
    return Supporter.objects.create(
        first_name=user.first_name or local_part,
        last_name=user.last_name,
        organisation=user.organisation,
        email=user.email,
        user=user,
    )


@transaction.atomic
def youth_create(*, by, **fields) -> Youth:
    """Create a youth and its network: "zorgnetwerkjes opstarten doe je met de jongere"; the creator joins."""
    youth = Youth(**fields)
    youth.full_clean()
    youth.save()
    network = CareNetwork.objects.create(youth=youth, status=NetworkStatus.PREPARING)
    supporter = supporter_for_user(by)
    sector = supporter.organisation.sector if supporter.organisation else None
    membership = network_add_member(
        network=network, supporter=supporter, role=ROLE_FOR_SECTOR.get(sector, MemberRole.OTHER), by=by
    )
    network.lead = membership
    network.save(update_fields=["lead"])
    timeline_record(
        network=network,
        kind=TimelineKind.YOUTH,
        summary=_("%(youth)s was registered and a network is being prepared") % {"youth": youth.full_name},
        actor=by,
    )
    return youth


@transaction.atomic
def youth_update(*, youth: Youth, by, **fields) -> Youth:
    """Change the youth's details and note it in the timeline."""
    for name, value in fields.items():
        setattr(youth, name, value)
    youth.full_clean()
    youth.save()
    timeline_record(youth=youth, kind=TimelineKind.YOUTH, summary=_("The youth's details were updated"), actor=by)
    return youth


@transaction.atomic
def intake_create(*, youth: Youth, by, **fields) -> Intake:
    """Record a first conversation; earlier ones stay ("de jongere centraal, de touwtjes in handen")."""
    intake = Intake(youth=youth, **fields)
    intake.full_clean()
    intake.save()
    timeline_record(
        youth=youth,
        kind=TimelineKind.INTAKE,
        summary=_("First conversation of %(date)s recorded") % {"date": date_format(intake.held_on)},
        actor=by,
    )
    if intake.consent_given:
        timeline_record(
            youth=youth,
            kind=TimelineKind.CONSENT,
            summary=_("The youth agreed to start a network (explained by %(by)s)")
            % {"by": intake.consent_explained_by},
            actor=by,
        )
    return intake


@transaction.atomic
def intake_update(*, intake: Intake, by, **fields) -> Intake:
    """Correct a first conversation; a consent given now is noted in the timeline."""
    had_consent = Intake.objects.filter(pk=intake.pk, consent_given=True).exists()
    for name, value in fields.items():
        setattr(intake, name, value)
    intake.full_clean()
    intake.save()
    timeline_record(
        youth=intake.youth,
        kind=TimelineKind.INTAKE,
        summary=_("First conversation of %(date)s updated") % {"date": date_format(intake.held_on)},
        actor=by,
    )
    if intake.consent_given and not had_consent:
        timeline_record(
            youth=intake.youth,
            kind=TimelineKind.CONSENT,
            summary=_("The youth agreed to start a network (explained by %(by)s)")
            % {"by": intake.consent_explained_by},
            actor=by,
        )
    return intake
