from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviesgroepConfig(AppConfig):
    name = "adviesgroep"
    verbose_name = _("Advisory group")
