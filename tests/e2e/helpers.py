"""Small helpers for the browser scenarios."""

import re


def field(page, label: str):
    """The form field whose label is exactly `label` (a trailing * of a required field allowed), any case."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$", re.IGNORECASE))


def status_text(page) -> str:
    """The Django messages shown at the top of the page."""
    return page.get_by_role("status").inner_text()


def choose(select, starting_with: str) -> None:
    """Select the option whose text starts with `starting_with` (option texts carry role and organisation)."""
    texts = select.locator("option").all_inner_texts()
    matches = [text for text in texts if text.strip().startswith(starting_with)]
    assert len(matches) == 1, f"no single option starting with {starting_with!r} in {texts}"
    select.select_option(label=matches[0].strip())
