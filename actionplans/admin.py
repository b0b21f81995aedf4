from django.contrib import admin

from actionplans.models import (
    Action,
    ActionPlan,
    Barrier,
    BarrierCategory,
    Evaluation,
    Meeting,
    Offer,
    PlanVersion,
    QuestionRoute,
    Referral,
    ReminderSent,
)


@admin.register(BarrierCategory)
class BarrierCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "min_age", "max_age", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "organisation", "for_whom"]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["domain", "description", "owner", "owner_is_youth", "deadline", "status"]
    raw_id_fields = ["owner"]


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["network", "revision", "updated_at", "updated_by"]
    list_select_related = ["network__youth", "updated_by"]
    raw_id_fields = ["network"]
    readonly_fields = ["revision", "updated_at", "updated_by", "last_change_at", "last_change_by", "lead_seen_at"]
    inlines = [ActionInline]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    list_display = ["plan", "number", "created_at", "created_by"]
    list_select_related = ["plan__network__youth", "created_by"]
    readonly_fields = ["plan", "number", "meeting", "snapshot", "created_at", "created_by"]


@admin.register(Barrier)
class BarrierAdmin(admin.ModelAdmin):
    list_display = ["category", "status", "plan", "created_at"]
    list_filter = ["category", "status"]
    list_select_related = ["category", "plan__network__youth"]
    raw_id_fields = ["plan", "helper"]


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "sent_on", "succeeded", "failure_reason"]
    list_filter = ["status", "offer", "failure_reason"]
    list_select_related = ["offer"]
    raw_id_fields = ["plan", "referred_by"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["network", "held_on", "by"]
    list_select_related = ["network__youth", "by"]
    raw_id_fields = ["network"]


@admin.register(QuestionRoute)
class QuestionRouteAdmin(admin.ModelAdmin):
    list_display = ["question", "member", "plan"]
    raw_id_fields = ["plan", "member"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["user", "day", "item_count", "sent_at"]
    list_filter = ["day"]
    readonly_fields = ["user", "day", "item_count", "sent_at"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "status", "starts_at", "location"]
    list_filter = ["status"]
    raw_id_fields = ["network", "organiser"]
    filter_horizontal = ["invited", "attended"]
    list_select_related = ["network__youth"]
