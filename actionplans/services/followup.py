"""Follow-up (step 4): evaluations together and the agreed next contact.

Overdue follow-ups and actions are read in `actionplans.selectors` and sent as a digest by
`actionplans.reminders`.
"""

import datetime

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans.models import ActionPlan, Evaluation
from actionplans.services.common import acting_user, check_member
from actionplans.services.plans import plan_touch
from networks.choices import TimelineKind
from networks.models import CareNetwork, Membership
from networks.services import timeline_record


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
