"""The advisory group's section on the network page: send a signal, and the network's own signals."""

from django import template
from django.db.models import Prefetch

from actionplans.models import Barrier, BarrierStatus
from adviesgroep import selectors
from adviesgroep.models import Signal
from adviesgroep.services import barrier_may_be_signalled, barrier_signal

register = template.Library()

SECTION_SIGNALS = 5


@register.inclusion_tag("adviesgroep/_network_signals.html", takes_context=True)
def adviesgroep_network_section(context, network, user):
    """Only for members of the network: the page that includes this section already checked access."""
    barriers = (
        Barrier.objects.filter(plan__network=network)
        .exclude(status=BarrierStatus.REMOVED)
        .select_related("category")
        .prefetch_related(
            Prefetch(
                "signals", queryset=Signal.objects.only("pk", "status", "source_barrier").order_by("sent_at", "pk")
            )
        )
        .order_by("-created_at")[:10]
    )
    rows = [
        {"barrier": barrier, "signal": barrier_signal(barrier), "may_signal": barrier_may_be_signalled(barrier)}
        for barrier in barriers
    ]
    return {
        "network": network,
        "user": user,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "signals": list(selectors.network_signals(network, limit=SECTION_SIGNALS)),
        "barrier_rows": rows,
        "can_send": not network.is_closed and not user.is_advisory,
    }
