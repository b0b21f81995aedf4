"""The code gate: after the right code, a signed, short-lived key for that link in the session.

The key names the link and a part of its token's hash, so a renewed link (a new token) needs the
code again; it ends after YOUTH_SESSION_MINUTES, whatever the session does.
"""

from __future__ import annotations

import time

from django.core import signing

from youthpage.models import YouthLink

SALT = "youthpage.gate"
YOUTH_SESSION_MINUTES = 20
PRE_CODE_LANGUAGE = "youthpage:lang"


def _key(link: YouthLink) -> str:
    return f"youthpage:{link.pk}"


def gate_open(request, link: YouthLink, language: str) -> None:
    """The code was right: a new session key (no fixation), then the signed grant for this link."""
    request.session.cycle_key()
    request.session[_key(link)] = signing.dumps(
        {"l": link.pk, "h": link.token_hash[:16], "since": int(time.time()), "lang": language}, salt=SALT
    )


def gate_state(request, link: YouthLink) -> dict | None:
    """The grant for this link, or None (no code given, expired, tampered with, or another token)."""
    value = request.session.get(_key(link))
    if not value:
        return None
    try:
        state = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return None
    if state.get("l") != link.pk or state.get("h") != link.token_hash[:16]:
        return None
    if time.time() - state.get("since", 0) > YOUTH_SESSION_MINUTES * 60:
        request.session.pop(_key(link), None)
        return None
    return state


def gate_set_language(request, link: YouthLink, state: dict, language: str) -> None:
    state = {**state, "lang": language}
    request.session[_key(link)] = signing.dumps(state, salt=SALT)


def gate_close(request, link: YouthLink) -> None:
    request.session.pop(_key(link), None)
