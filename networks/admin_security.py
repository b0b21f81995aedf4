"""Admin for the audit trail (read-only)."""

from django.contrib import admin

from audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Admins read the whole trail; nobody adds, changes or deletes a row."""

    list_display = ["at", "user_email", "organisation_id", "action", "object_type", "object_id", "network_id", "ip"]
    list_filter = ["action", "object_type"]
    search_fields = ["user_email", "object_id", "=network_id", "=youth_id"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
