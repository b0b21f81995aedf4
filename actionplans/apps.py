from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = _("Action plans")

    def ready(self):
        from actionplans.models import (
            Action,
            ActionPlan,
            Barrier,
            Evaluation,
            Meeting,
            PlanVersion,
            QuestionRoute,
            Referral,
        )
        from audit.registry import register

        register(ActionPlan, network="network_id", url_names=("plan",))
        register(Action, network="plan__network_id")
        register(Barrier, network="plan__network_id")
        register(Referral, network="plan__network_id")
        register(QuestionRoute, network="plan__network_id", url_names=("question",))
        register(Meeting, network="network_id")
        register(Evaluation, network="network_id", write_audited=False)
        register(PlanVersion, network="plan__network_id", write_audited=False, url_names=("version",))
