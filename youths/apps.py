from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthsConfig(AppConfig):
    name = "youths"
    verbose_name = _("Youths")

    def ready(self):
        from audit.registry import register
        from youths.models import Intake, Youth

        register(Youth, youth="pk")
        register(Intake, youth="youth_id")
