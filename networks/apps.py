from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Care networks")

    def ready(self):
        from networks import audit

        audit.connect_signals()
