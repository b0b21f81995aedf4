"""A dashboard panel: a template with its context, placed by `order` (low first).

Each app that has something for the dashboard defines `panels(user) -> list[Panel]` in its own
`panels.py`; the project's dashboard (zorgnetwerk.dashboard) finds those modules.
"""

from dataclasses import dataclass, field


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50
