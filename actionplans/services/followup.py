"""Follow-up (step 4): evaluations together and the agreed next contact.

Overdue follow-ups and actions are read in `actionplans.selectors` and sent as a digest by
`actionplans.reminders`.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans.models import Action, ActionPlan, ActionStatus, Evaluation, Meeting, MeetingStatus
from actionplans.services.common import acting_user, check_member
from actionplans.services.plans import plan_touch
from networks.choices import TimelineKind
from networks.models import CareNetwork, Membership
from networks.services import timeline_record
from zorgnetwerk.mail import plain_mail_after_commit


@transaction.atomic
def evaluation_add(*, network: CareNetwork, held_on: datetime.date, went_well: str, changes: str, by) -> Evaluation:
    """ "Evaluate together from time to time where you stand.\""""
    evaluation = Evaluation.objects.create(
        network=network, held_on=held_on, went_well=went_well, changes=changes, by=acting_user(by)
    )
    timeline_record(network=network, kind=TimelineKind.EVALUATION, summary=_("Evaluation recorded"), actor=by)
    plan = ActionPlan.objects.filter(network=network).first()
    if plan:
        plan_touch(plan=plan, by=by)
    return evaluation


@transaction.atomic
def network_set_follow_up(
    *, network: CareNetwork, next_contact_on: datetime.date | None, next_contact_by: Membership | None, by
) -> CareNetwork:
    """Agree from the start when you contact each other again and who is responsible."""
    check_member(network=network, membership=next_contact_by, field="next_contact_by")
    network = CareNetwork.objects.select_for_update().get(pk=network.pk)
    network.next_contact_on = next_contact_on
    network.next_contact_by = next_contact_by
    network.save(update_fields=["next_contact_on", "next_contact_by", "updated_at"])
    if next_contact_on:
        timeline_record(
            network=network,
            kind=TimelineKind.NETWORK,
            summary=_("Next contact agreed on %(date)s") % {"date": date_format(next_contact_on)},
            actor=by,
        )
    return network


def network_update_content(*, network: CareNetwork) -> dict:
    """What "updating everyone" says: the last round table's decisions, the open actions, the
    last evaluation, the next round table and the next contact."""
    return {
        "network": network,
        "youth": network.youth,
        "last_meeting": Meeting.objects.filter(network=network, status=MeetingStatus.HELD)
        .order_by("-starts_at")
        .first(),
        "next_meeting": Meeting.objects.filter(
            network=network, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now()
        )
        .order_by("starts_at")
        .first(),
        "last_evaluation": Evaluation.objects.filter(network=network).order_by("-held_on", "-pk").first(),
        "actions": list(
            Action.objects.filter(plan__network=network, status=ActionStatus.OPEN).select_related("owner__supporter")
        ),
        "link": settings.SITE_URL + reverse("actionplans:plan_detail", args=[network.pk]),
    }


@transaction.atomic
def network_update_members(*, network: CareNetwork, note: str, by) -> dict:
    """Playbook, step 4: "De trekker neemt de taak op zich om iedereen te updaten": one message to
    every active member (e-mail, after commit) and a line in the timeline. Returns whom it mailed
    and who has no e-mail address."""
    network.require_open()
    members = list(network.memberships.active().select_related("supporter").order_by("pk"))
    with translation.override(settings.LANGUAGE_CODE):
        context = network_update_content(network=network) | {"note": note, "sender": str(acting_user(by) or "")}
        subject = _("Update from the network of %(initials)s") % {"initials": network.youth.initials}
        body = render_to_string("actionplans/email_network_update.txt", context)
    mailed = [m for m in members if m.supporter.email]
    plain_mail_after_commit(
        subject=subject, body=body, recipients=[m.supporter.email for m in mailed], about="a network update"
    )
    timeline_record(
        network=network,
        kind=TimelineKind.NETWORK,
        summary=_("Every member was updated (decisions, actions, next meeting)"),
        actor=by,
    )
    return {
        "mailed": [m.supporter.full_name for m in mailed],
        "without_email": [m.supporter.full_name for m in members if not m.supporter.email],
    }
