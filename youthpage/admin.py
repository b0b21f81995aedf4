from django.contrib import admin

from networks.admin import ReadOnlyAdminMixin
from youthpage.models import YouthContactShare, YouthLink, YouthMessage


@admin.register(YouthLink)
class YouthLinkAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the lead makes, renews and revokes the link on the network page (the raw link is never stored)."""

    list_display = ["__str__", "network", "language", "locked", "failed_attempts", "revoked_at", "created_at"]
    list_filter = ["locked", "language"]
    raw_id_fields = ["network", "created_by"]
    exclude = ["token_hash", "code_hash"]


@admin.register(YouthMessage)
class YouthMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "network", "kind", "created_at", "handled_at"]
    list_filter = ["kind"]
    raw_id_fields = ["network", "link", "action", "handled_by"]


@admin.register(YouthContactShare)
class YouthContactShareAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "show_phone", "show_email", "show_last_name"]
    raw_id_fields = ["membership"]
