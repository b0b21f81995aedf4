"""Template tags for the handover partials on pages that other features own.

The partials receive only `network` and `user`; this tag fetches what they show in a fixed
number of queries, so the including page does not grow an N+1.
"""

from django import template

from handovers.models import HandoverStatus
from handovers.services import handover_leavers_for, may_steer
from handovers.turning18 import FLAG_FROM_AGE

register = template.Library()


@register.simple_tag
def handover_section(network, user) -> dict:
    if network is None or not getattr(user, "is_authenticated", False):
        return {}
    handovers = list(
        network.handovers.exclude(status=HandoverStatus.CANCELLED).select_related(
            "leaver__supporter", "successor__organisation"
        )
    )
    former = list(
        network.memberships.filter(left_on__isnull=False)
        .select_related("supporter__organisation")
        .order_by("-left_on", "-pk")
    )
    age = network.youth.age
    return {
        "pending": [h for h in handovers if h.status == HandoverStatus.PROPOSED],
        "history": [h for h in handovers if h.status != HandoverStatus.PROPOSED],
        "former_members": former,
        "may_start": not network.is_closed and handover_leavers_for(user, network).exists(),
        "may_steer": may_steer(user, network),
        "near_18": age is not None and age >= FLAG_FROM_AGE,
    }
