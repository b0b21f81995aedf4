from django.conf import settings
from django.contrib import messages
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from zorgnetwerk.pdf import PDFTooLarge


class DutchByDefaultLocaleMiddleware(LocaleMiddleware):
    """Dutch unless the user switched: the language cookie decides, not the browser.

    DESIGN.md: "the site's default language is Dutch, so a user reads Dutch unless they switch".
    Django's LocaleMiddleware would follow the browser's Accept-Language header instead.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class PDFTooLargeMiddleware:
    """A PDF too long to draw sends the user back to the page they came from, with a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PDFTooLarge):
            return None
        messages.error(
            request,
            _("This document is too long to print. Shorten the longest texts in it and try again."),
        )
        back = request.headers.get("referer", "")
        if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            return redirect(back)
        return redirect("dashboard")
