"""Django admin for networks. Admin is no second door (DESIGN.md, "Who may see what").

"Every admin change to memberships, consent, handovers or the lead goes through the same service
functions as the app (access follows, the audit names the admin), or admin shows it read-only.
No admin page writes guardian rows." So: memberships, handovers and the timeline are read-only;
a membership ends and a consent is recorded or revoked through an admin action or form that calls
networks.services; the lead and the other roles of a network change through network_update; a
network's status changes only in the app (closing and reopening sync access there). guardian's
object-permission pages are not offered (CareNetworkAdmin is a plain ModelAdmin and answers 404).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from networks.models import (
    CareNetwork,
    Membership,
    NetworkGroupObjectPermission,
    NetworkUserObjectPermission,
    OrganisationProposal,
    SharingConsent,
    Supporter,
    TimelineEntry,
)
from networks.services import (
    consent_may_change,
    consent_refusal_message,
    membership_remove,
    network_update,
    organisation_proposal_approve,
    organisation_proposal_reject,
    sharing_consent_give,
    sharing_consent_revoke,
    supporter_save,
    youth_has_sharing_consent,
)
from zorgnetwerk.forms import model_choice_formfield

ROLE_FIELDS = ("lead", "continuity_figure", "next_contact_by")


class ReadOnlyAdminMixin:
    """Admins read these rows; they change only through the app's services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _error_text(error: Exception) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


@admin.register(Supporter)
class SupporterAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "function", "organisation", "email", "phone"]
    list_filter = ["organisation__sector", "organisation"]
    search_fields = ["first_name", "last_name", "email", "function"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "user"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.memberships.active().exists():
            # Another organisation would get this supporter's networks without the youth's consent:
            # hand over in the app instead.
            return ["organisation"]
        return []

    def save_model(self, request, obj, form, change):
        # A login given to a supporter without organisation gives access: access follows here.
        supporter_save(supporter=obj, by=request.user)


class MembershipInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Read-only: members join in the app; a membership ends with the action on the membership list."""

    model = Membership
    extra = 0
    fields = ["supporter", "role", "sector", "joined_on", "left_on", "continues_after_18"]
    readonly_fields = fields
    show_change_link = True


class CareNetworkAdminForm(forms.ModelForm):
    """The lead and the other roles are chosen among the network's active members."""

    class Meta:
        model = CareNetwork
        fields = ["youth", "intensity", "lead", "continuity_figure", "started_on", "next_contact_on", "next_contact_by"]
        formfield_callback = model_choice_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.active().filter(network_id=self.instance.pk).select_related("supporter")
        for name in ROLE_FIELDS:
            if name in self.fields:
                self.fields[name].queryset = members


@admin.register(CareNetwork)
class CareNetworkAdmin(admin.ModelAdmin):
    """A plain ModelAdmin: no guardian permission pages. Roles change through network_update."""

    form = CareNetworkAdminForm
    list_display = ["__str__", "status", "intensity", "started_on", "next_contact_on"]
    list_filter = ["status", "intensity"]
    search_fields = ["youth__first_name", "youth__last_name"]
    list_select_related = ["youth"]
    raw_id_fields = ["youth"]
    inlines = [MembershipInline]
    # Closing and reopening change who has access: they happen in the app (network_close, network_reopen).
    always_readonly = ["status", "closure_reason", "closure_note", "ended_on", "plan_review_due_on"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return [*self.always_readonly, *ROLE_FIELDS]  # a new network has no members yet
        return [*self.always_readonly, "youth"]

    def get_urls(self):
        def no_permissions_page(request, *args, **kwargs):
            # guardian's object-permission pages would write guardian rows by hand.
            raise Http404

        return [
            path("<path:object_id>/permissions/", no_permissions_page),
            path("<path:object_id>/permissions/<path:rest>", no_permissions_page),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        # The lead moves through network_rotate_lead (network_may_set_lead: an admin may), the
        # other roles and their timeline lines through network_update, as in the app.
        network_update(network=obj, by=request.user, **{name: form.cleaned_data[name] for name in form.changed_data})


class MembershipEndForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The reason goes to the timeline and to the organisation of the member."),
    )


@admin.action(description=gettext_lazy("End the membership (with a reason)"), permissions=["end"])
def end_memberships(modeladmin, request, queryset):
    """Ends each chosen membership through networks.services.membership_remove: access follows."""
    form = MembershipEndForm(request.POST if "confirm" in request.POST else None)
    if form.is_valid():
        ended = 0
        for membership in queryset.active().select_related("supporter"):
            try:
                membership_remove(membership=membership, by=request.user, reason=form.cleaned_data["reason"])
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, f"{membership}: {_error_text(error)}")
            else:
                ended += 1
        if ended:
            messages.success(request, _("%(count)d membership(s) ended.") % {"count": ended})
        return None
    return TemplateResponse(
        request,
        "admin/networks/membership_end_confirm.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("End the membership"),
            "form": form,
            "memberships": queryset.select_related("supporter", "network__youth"),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only; "End the membership" goes through the same service as the app."""

    list_display = ["supporter", "network", "role", "joined_on", "left_on"]
    list_filter = [("left_on", admin.EmptyFieldListFilter), "role"]
    search_fields = ["supporter__first_name", "supporter__last_name", "network__youth__last_name"]
    list_select_related = ["supporter", "network__youth"]
    actions = [end_memberships]

    def has_end_permission(self, request):
        return request.user.has_perm("networks.change_membership")


class SharingConsentAdminForm(forms.ModelForm):
    class Meta:
        model = SharingConsent
        fields = ["youth", "organisation", "given_on"]
        formfield_callback = model_choice_formfield

    def clean(self):
        cleaned = super().clean()
        youth, organisation = cleaned.get("youth"), cleaned.get("organisation")
        if youth is not None and organisation is not None:
            if youth_has_sharing_consent(youth=youth, organisation=organisation):
                raise forms.ValidationError(
                    _("The youth has already agreed to share information with %(organisation)s.")
                    % {"organisation": organisation.name}
                )
            if not consent_may_change(youth=youth, organisation=organisation, user=self.admin_user):
                raise forms.ValidationError(consent_refusal_message(organisation))
        return cleaned


@admin.action(description=gettext_lazy("Revoke the consent (ends the organisation's access)"), permissions=["revoke"])
def revoke_consents(modeladmin, request, queryset):
    """Revokes through networks.services.sharing_consent_revoke: memberships end and access follows."""
    revoked = 0
    for consent in queryset.active().select_related("organisation"):
        try:
            sharing_consent_revoke(consent=consent, by=request.user)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, f"{consent}: {_error_text(error)}")
        else:
            revoked += 1
    if revoked:
        messages.success(request, _("%(count)d consent(s) revoked.") % {"count": revoked})


@admin.register(SharingConsent)
class SharingConsentAdmin(admin.ModelAdmin):
    """Read-only once recorded; recording and revoking go through the app's services."""

    form = SharingConsentAdminForm
    list_display = ["youth", "organisation", "given_on", "revoked_on", "recorded_by"]
    list_filter = ["organisation", ("revoked_on", admin.EmptyFieldListFilter)]
    raw_id_fields = ["youth"]
    actions = [revoke_consents]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.admin_user = request.user
        return form

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_revoke_permission(self, request):
        return request.user.has_perm("networks.change_sharingconsent")

    def save_model(self, request, obj, form, change):
        consent = sharing_consent_give(
            youth=form.cleaned_data["youth"],
            organisation=form.cleaned_data["organisation"],
            given_on=form.cleaned_data["given_on"],
            by=request.user,
        )
        obj.pk, obj.recorded_by, obj._state.adding = consent.pk, consent.recorded_by, False


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
class TimelineEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the timeline is what happened ("every revocation is on the timeline")."""

    list_display = ["occurred_at", "kind", "summary", "actor"]
    list_filter = ["kind"]
    raw_id_fields = ["youth", "network", "actor"]


@admin.action(description=gettext_lazy("Approve the proposed organisations"), permissions=["change"])
def approve_proposals(modeladmin, request, queryset):
    """Approves through networks.services.organisation_proposal_approve: the contact joins, the proposer hears."""
    approved = 0
    for proposal in queryset.filter(status=OrganisationProposal.Status.PENDING):
        try:
            organisation_proposal_approve(proposal=proposal, by=request.user)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, f"{proposal}: {_error_text(error)}")
        else:
            approved += 1
    if approved:
        messages.success(request, _("%(count)d organisation(s) approved.") % {"count": approved})


class ProposalRejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why it is not approved"),
        max_length=250,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "The proposer reads it in an e-mail and on the network's timeline, for example: "
            '"Already in the app as CAW Oost-Vlaanderen: add Nadia as a member of it."'
        ),
    )


@admin.action(
    description=gettext_lazy("Do not approve the proposed organisations (with a reason)"), permissions=["change"]
)
def reject_proposals(modeladmin, request, queryset):
    """Through networks.services.organisation_proposal_reject, after a page that asks the reason."""
    pending = queryset.filter(status=OrganisationProposal.Status.PENDING)
    form = ProposalRejectForm(request.POST if "confirm" in request.POST else None)
    if form.is_valid():
        rejected = 0
        for proposal in pending:
            try:
                organisation_proposal_reject(proposal=proposal, by=request.user, reason=form.cleaned_data["reason"])
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, f"{proposal}: {_error_text(error)}")
            else:
                rejected += 1
        if rejected:
            messages.success(request, _("%(count)d proposal(s) not approved.") % {"count": rejected})
        return None
    return TemplateResponse(
        request,
        "admin/networks/proposal_reject_confirm.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Do not approve the proposed organisations"),
            "form": form,
            "proposals": pending.select_related("organisation", "proposed_by"),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


@admin.register(OrganisationProposal)
class OrganisationProposalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """A member's proposal of a new partner organisation; approving goes through the service."""

    list_display = [
        "organisation",
        "status",
        "contact_email",
        "proposed_by",
        "created_at",
        "approved_by",
        "rejected_by",
    ]
    list_filter = ["status"]
    list_select_related = ["organisation", "proposed_by", "approved_by", "rejected_by"]
    actions = [approve_proposals, reject_proposals]

    def has_change_permission(self, request, obj=None):
        # The changelist offers the action to those allowed to change proposals; the form stays read-only.
        return obj is None and request.user.has_perm("networks.change_organisationproposal")
