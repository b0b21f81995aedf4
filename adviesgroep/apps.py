from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviesgroepConfig(AppConfig):
    name = "adviesgroep"
    verbose_name = _("Advisory group")

    def ready(self):
        from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal
        from audit.registry import register

        # Named by URLs, but not a youth's record: signals are pseudonymised, lessons and
        # policy feedback hold no youth.
        register(Signal, read_audited=False, write_audited=False)
        register(Advice, read_audited=False, write_audited=False)
        register(Lesson, read_audited=False, write_audited=False)
        register(PolicyFeedback, read_audited=False, write_audited=False, url_names=("policy",))
