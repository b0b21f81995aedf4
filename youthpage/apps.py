from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthpageConfig(AppConfig):
    name = "youthpage"
    verbose_name = _("The youth's own page")

    def ready(self):
        from audit.registry import register
        from youthpage.models import YouthMessage

        # The lead marks a message handled at /jongerenberichten/<youthmessage_pk>/...; the services
        # write every change of this app to the trail themselves (the youth's link is the actor).
        register(YouthMessage, network="network_id", read_audited=False, write_audited=False)
