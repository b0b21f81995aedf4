"""The youth's admin with the erasure on request (right to erasure), a superuser's action."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.trail import Action
from privacy.erasure import youth_anonymise
from youths.admin import YouthAdmin
from youths.models import Youth


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=300,
        help_text=gettext_lazy("For example: request of the youth of 2 November. Do not write the youth's name."),
    )


@admin.action(description=gettext_lazy("Erase on request (anonymise)"))
def erase_on_request(modeladmin, request, queryset):
    """Right to erasure: anonymise the chosen youths now, with a reason; each is logged."""
    if not request.user.is_superuser:
        messages.error(request, _("Only a superuser can erase a youth's data."))
        return None
    form = ErasureForm(request.POST if "confirm" in request.POST else None)
    if form.is_valid():
        count = 0
        for youth in queryset.filter(anonymised_at__isnull=True):
            youth_anonymise(youth=youth, by=request.user, reason=form.cleaned_data["reason"], action=Action.ERASE)
            count += 1
        messages.success(request, _("%(count)d youth(s) anonymised.") % {"count": count})
        return None
    return TemplateResponse(
        request,
        "admin/erase_youth_confirm.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Erase on request"),
            "form": form,
            "youths": queryset,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


class YouthWithErasureAdmin(YouthAdmin):
    actions = [*YouthAdmin.actions, erase_on_request]


admin.site.unregister(Youth)
admin.site.register(Youth, YouthWithErasureAdmin)
