"""Asking for the password again before a sensitive change (e-mail address, second factor,
backup codes): a confirmation holds for five minutes."""

import time
from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

REAUTH_SESSION_KEY = "reauth_at"
REAUTH_SECONDS = 5 * 60


def password_confirmed_now(request) -> None:
    request.session[REAUTH_SESSION_KEY] = time.time()


def password_recently_confirmed(request) -> bool:
    confirmed_at = request.session.get(REAUTH_SESSION_KEY)
    return confirmed_at is not None and time.time() - confirmed_at < REAUTH_SECONDS


def recent_password_required(view):
    """The view runs only if the user typed their password in the last five minutes."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not password_recently_confirmed(request):
            # After a POST the way back is the overview page, where the user presses again.
            back = request.get_full_path() if request.method == "GET" else reverse("accounts:account_security")
            query = urlencode({"next": back})
            return redirect(f"{reverse('accounts:account_reauth')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper
