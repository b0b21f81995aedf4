"""Django admin for partner organisations and users.

A user's organisation group is their access to networks: it follows the organisation field, so
the groups field offers only groups that belong to no organisation.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy

from accounts.models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "email", "phone", "is_active", "status"]
    list_filter = ["status", "sector", "is_active"]
    search_fields = ["name", "email"]
    # A proposed organisation is approved by the "approve" action on its proposal (networks), which
    # also lets its contact join: the status is not changed by hand here.
    readonly_fields = ["group", "status"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "organisation", "is_advisory", "is_staff", "is_active"]
    list_filter = ["is_active", "is_staff", "is_advisory", "organisation"]
    search_fields = ["email", "first_name", "last_name"]
    list_select_related = ["organisation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (gettext_lazy("Person"), {"fields": ["first_name", "last_name", "organisation", "is_advisory"]}),
        (gettext_lazy("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (gettext_lazy("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "organisation", "is_advisory", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            # An organisation's group is its access to networks: it follows the organisation field,
            # so no admin adds a user (or themselves) to another organisation's group here.
            kwargs["queryset"] = Group.objects.filter(organisation__isnull=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The groups field holds no organisation group: give the user their own one back.
        form.instance._sync_organisation_group()
