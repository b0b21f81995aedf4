"""Dashboard panels of the networks app: the user's own networks."""

from networks.models import CareNetwork
from zorgnetwerk.panel import Panel


def panels(user) -> list[Panel]:
    if user.is_advisory:
        return []
    networks = (
        CareNetwork.objects.visible_to(user)
        .open()
        .select_related("youth")
        .order_by("youth__first_name", "youth__last_name")
    )
    return [Panel("networks/_dashboard_networks.html", {"networks": networks}, order=10)]
