from django.contrib import admin

from youths.models import Intake, LeafletTranslation, Youth


class IntakeInline(admin.StackedInline):
    model = Intake
    extra = 0


@admin.register(Youth)
class YouthAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "birth_date", "birth_year_estimated", "school_situation", "housing"]
    list_filter = ["school_situation", "housing", "gender"]
    search_fields = ["first_name", "last_name"]
    inlines = [IntakeInline]


@admin.register(LeafletTranslation)
class LeafletTranslationAdmin(admin.ModelAdmin):
    list_display = ["language", "checked", "checked_by", "checked_on"]
    list_filter = ["checked"]
