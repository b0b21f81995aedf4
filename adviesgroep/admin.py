from django.contrib import admin

from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal


class AdviceInline(admin.StackedInline):
    model = Advice
    extra = 0
    autocomplete_fields = ["by"]


@admin.register(Signal)
class SignalAdmin(admin.ModelAdmin):
    list_display = ["pk", "sent_at", "kind", "theme", "status", "reviewer", "share_more"]
    list_filter = ["status", "kind", "theme", "categories", "share_more"]
    search_fields = ["question", "case_summary"]
    date_hierarchy = "sent_at"
    list_select_related = ["reviewer"]
    filter_horizontal = ["categories"]
    raw_id_fields = ["network", "source_barrier"]
    autocomplete_fields = ["reviewer", "sent_by"]
    inlines = [AdviceInline]


@admin.register(Advice)
class AdviceAdmin(admin.ModelAdmin):
    list_display = ["signal", "at", "by"]
    list_select_related = ["signal", "by"]
    raw_id_fields = ["signal"]
    autocomplete_fields = ["by"]
    date_hierarchy = "at"


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "is_success_story", "created_at", "created_by"]
    list_filter = ["theme", "is_success_story", "categories"]
    search_fields = ["title", "body", "tags"]
    list_select_related = ["created_by"]
    filter_horizontal = ["categories"]
    raw_id_fields = ["source_signal"]
    autocomplete_fields = ["created_by"]


@admin.register(PolicyFeedback)
class PolicyFeedbackAdmin(admin.ModelAdmin):
    list_display = ["given_on", "recipient", "recorded_by"]
    search_fields = ["recipient", "summary"]
    date_hierarchy = "given_on"
    raw_id_fields = ["signals"]
    autocomplete_fields = ["recorded_by"]
