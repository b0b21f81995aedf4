"""Small helpers for the browser scenarios."""

import re


def field(page, label: str):
    """The form field whose label is exactly `label` (a trailing * of a required field allowed), any case."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$", re.IGNORECASE))


def status_text(page) -> str:
    """The Django messages shown at the top of the page."""
    return page.get_by_role("status").inner_text()
