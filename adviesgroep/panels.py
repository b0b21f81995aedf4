"""Dashboard panels of the advisory group's work.

Network users see new advice on their networks' signals; advisory-group users see their inbox.
"""

from adviesgroep import selectors
from zorgnetwerk.panel import Panel


def panels(user) -> list[Panel]:
    if user.is_advisory:
        counts = selectors.inbox_counts(user)
        home = selectors.advisory_home(user)
        return [Panel("adviesgroep/_dashboard_inbox.html", {"counts": counts, "home": home}, order=5)]
    advice = list(selectors.recent_advice_for(user))
    if not advice:
        return []
    return [Panel("adviesgroep/_dashboard_advice.html", {"advice": advice}, order=20)]
