"""Dashboard panel: what youths said on their own page, for the lead of their network."""

from networks.models import CareNetwork
from youthpage.models import YouthMessage
from zorgnetwerk.panel import Panel

SHOWN = 20


def panels(user) -> list[Panel]:
    if not getattr(user, "is_authenticated", False) or user.is_advisory:
        return []
    waiting = list(
        YouthMessage.objects.filter(
            network__in=CareNetwork.objects.visible_to(user).led_by(user), handled_at__isnull=True
        )
        .select_related("network__youth", "action")
        .order_by("-created_at")[:SHOWN]
    )
    if not waiting:
        return []
    return [Panel("youthpage/_dashboard_messages.html", {"messages": waiting}, order=4)]
