"""The client's address, as the lockout (django-axes) and the audit trail both record it."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind our proxy (BEHIND_PROXY=1) the address it appended to X-Forwarded-For.

    The last entry is the one our proxy wrote; earlier ones come from the client and can be forged.
    """
    if request is None:
        return None
    raw = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            raw = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None
