"""The dashboard is made of panels; each app contributes its own in `<app>/dashboard.py`.

A contributing module defines `panels(user) -> list[Panel]`. Keeping the panels with the app
that owns the data keeps the dashboard view thin and the apps independent.
"""

import importlib
from dataclasses import dataclass, field

PANEL_MODULES = (
    "networks.panels",
    "handovers.panels",
    "youths.dashboard",
    "actionplans.dashboard",
    "adviesgroep.dashboard",
)


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


def dashboard_panels(user) -> list[Panel]:
    panels: list[Panel] = []
    for module_name in PANEL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        panels.extend(module.panels(user))
    return sorted(panels, key=lambda panel: panel.order)
