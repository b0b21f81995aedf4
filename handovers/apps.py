from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    name = "handovers"
    verbose_name = _("Warm handovers")

    def ready(self):
        from audit.registry import register
        from handovers import services  # noqa: F401  (its receivers listen to networks.events)
        from handovers.models import Handover, TransitionConfirmation

        register(Handover, network="network_id")
        register(TransitionConfirmation, network="network_id")
