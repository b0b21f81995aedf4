from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Care networks")

    def ready(self):
        from audit.registry import register
        from networks.models import CareNetwork, Membership, Note, OrganisationProposal, SharingConsent

        register(CareNetwork, network="pk", url_names=("network",))
        register(Membership, network="network_id", url_names=("member",))
        register(Note, network="network_id")
        register(SharingConsent, youth="youth_id", url_names=("consent",))
        register(OrganisationProposal, network="network_id")
