"""Old addresses of Django admin pages for models that moved to another app keep working."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import re_path, reverse

# (old app label, model name) → new app label, since the models moved (tables unchanged).
MOVED_MODELS = {
    ("networks", "organisation"): "accounts",
    ("networks", "user"): "accounts",
    ("networks", "auditevent"): "audit",
    ("networks", "handover"): "handovers",
    ("networks", "meeting"): "actionplans",
}


def moved_admin_page(request, app_label, model_name, rest=""):
    new_app_label = MOVED_MODELS.get((app_label, model_name))
    if new_app_label is None:
        raise Http404
    query = f"?{request.META['QUERY_STRING']}" if request.META.get("QUERY_STRING") else ""
    return redirect(f"{reverse('admin:index')}{new_app_label}/{model_name}/{rest}{query}", permanent=True)


urlpatterns = [
    re_path(
        rf"^(?P<app_label>networks)/(?P<model_name>{'|'.join(model for _app, model in MOVED_MODELS)})/(?P<rest>.*)$",
        moved_admin_page,
    ),
]
