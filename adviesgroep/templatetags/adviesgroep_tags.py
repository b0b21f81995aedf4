"""The advisory group's section on the network page: send a signal, and the network's own signals."""

from django import template

from actionplans.models import Barrier, BarrierStatus
from adviesgroep import selectors

register = template.Library()

SECTION_SIGNALS = 5


@register.inclusion_tag("adviesgroep/_network_signals.html", takes_context=True)
def adviesgroep_network_section(context, network, user):
    """Only for members of the network: the page that includes this section already checked access."""
    barriers = (
        Barrier.objects.filter(plan__network=network)
        .exclude(status=BarrierStatus.REMOVED)
        .select_related("category")
        .order_by("-created_at")[:10]
    )
    return {
        "network": network,
        "user": user,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "signals": list(selectors.network_signals(network, limit=SECTION_SIGNALS)),
        "barriers": list(barriers),
        "can_send": not network.is_closed and not user.is_advisory,
    }
