"""The dashboard: the panels of every installed app, found the way Django's admin finds `admin.py`.

The panels stay with the app that owns their data, so the dashboard knows no app by name.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.module_loading import module_has_submodule

from zorgnetwerk.panel import Panel


@cache
def panel_modules() -> tuple:
    return tuple(
        import_module(f"{app_config.name}.panels")
        for app_config in apps.get_app_configs()
        if module_has_submodule(app_config.module, "panels")
    )


def dashboard_panels(user) -> list[Panel]:
    panels = [panel for module in panel_modules() for panel in module.panels(user)]
    return sorted(panels, key=lambda panel: panel.order)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard.html", {"panels": dashboard_panels(request.user)})
