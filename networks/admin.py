from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from guardian.admin import GuardedModelAdmin

from networks.models import (
    CareNetwork,
    Handover,
    Meeting,
    Membership,
    NetworkGroupObjectPermission,
    NetworkUserObjectPermission,
    Organisation,
    SharingConsent,
    Supporter,
    TimelineEntry,
    User,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "email", "phone", "is_active"]
    list_filter = ["sector", "is_active"]
    search_fields = ["name", "email"]
    readonly_fields = ["group"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organisation", "is_advisory", "is_staff", "is_active"]
    list_filter = ["is_active", "is_staff", "is_advisory", "organisation"]
    search_fields = ["email", "first_name", "last_name"]
    list_select_related = ["organisation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "organisation", "is_advisory"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "organisation", "is_advisory", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Supporter)
class SupporterAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "function", "organisation", "email", "phone"]
    list_filter = ["organisation__sector", "organisation"]
    search_fields = ["first_name", "last_name", "email", "function"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "user"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["supporter"]
    fields = ["supporter", "role", "sector", "joined_on", "left_on", "continues_after_18"]


@admin.register(CareNetwork)
class CareNetworkAdmin(GuardedModelAdmin):
    list_display = ["__str__", "status", "intensity", "started_on", "next_contact_on"]
    list_filter = ["status", "intensity"]
    search_fields = ["youth__first_name", "youth__last_name"]
    list_select_related = ["youth"]
    raw_id_fields = ["youth", "lead", "continuity_figure", "next_contact_by"]
    inlines = [MembershipInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "status", "starts_at", "location"]
    list_filter = ["status"]
    raw_id_fields = ["network", "organiser"]
    filter_horizontal = ["invited", "attended"]
    list_select_related = ["network__youth"]


@admin.register(Handover)
class HandoverAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "status", "reason", "handover_on"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["network", "leaver", "successor", "proposed_by", "decided_by"]


@admin.register(SharingConsent)
class SharingConsentAdmin(admin.ModelAdmin):
    list_display = ["youth", "organisation", "given_on", "revoked_on"]
    list_filter = ["organisation"]
    raw_id_fields = ["youth", "recorded_by"]


@admin.register(NetworkGroupObjectPermission)
class NetworkGroupObjectPermissionAdmin(admin.ModelAdmin):
    """Read-only: rows are written by networks.access.network_sync_access alone."""

    list_display = ["content_object", "group", "permission"]
    list_filter = ["permission"]
    list_select_related = ["content_object__youth", "group", "permission"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NetworkUserObjectPermission)
class NetworkUserObjectPermissionAdmin(NetworkGroupObjectPermissionAdmin):
    list_display = ["content_object", "user", "permission"]
    list_select_related = ["content_object__youth", "user", "permission"]


@admin.register(TimelineEntry)
class TimelineEntryAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "kind", "summary", "actor"]
    list_filter = ["kind"]
    raw_id_fields = ["youth", "network", "actor"]


from networks import admin_security  # noqa: E402, F401  (audit trail read-only, erasure; issue 8)
