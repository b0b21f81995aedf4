from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
