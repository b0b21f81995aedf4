from django.contrib import admin

from handovers.models import Handover
from networks.admin import ReadOnlyAdminMixin


@admin.register(Handover)
class HandoverAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: a handover is proposed, accepted and declined in the app (access follows there)."""

    list_display = ["__str__", "network", "status", "reason", "handover_on"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["network", "leaver", "successor", "proposed_by", "decided_by"]
