"""The second factor before any page: when settings.REQUIRE_2FA is on, a user who logged in with
a password but not yet with a second factor is sent to set one up or to enter a code."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device


class RequireSecondFactorMiddleware:
    """With REQUIRE_2FA on, a logged-in user without a verified second factor sees only the
    pages to set one up or to enter a code (and logout, language, privacy)."""

    OPEN_URL_NAMES = {
        "accounts:account_otp_setup",
        "accounts:account_otp_verify",
        "logout",
        "login",
        "set_language",
        "privacy:privacy_page",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.REQUIRE_2FA:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match and request.resolver_match.view_name in self.OPEN_URL_NAMES:
            return None
        target = "accounts:account_otp_verify" if user_has_device(user) else "accounts:account_otp_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
