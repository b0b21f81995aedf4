from django.contrib import admin

from handovers.models import Handover, TransitionConfirmation
from networks.admin import ReadOnlyAdminMixin


@admin.register(Handover)
class HandoverAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: a handover is proposed, accepted and declined in the app (access follows there)."""

    list_display = ["__str__", "network", "status", "reason", "handover_on"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["network", "leaver", "successor", "proposed_by", "decided_by"]


@admin.register(TransitionConfirmation)
class TransitionConfirmationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: a member confirms an item of the turning-18 checklist in the app, with a note."""

    list_display = ["__str__", "network", "domain", "confirmed_by", "confirmed_at"]
    list_filter = ["domain"]
    list_select_related = ["network__youth", "confirmed_by"]
    raw_id_fields = ["network", "confirmed_by"]
