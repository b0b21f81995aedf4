"""The texts of the leaflet for the youth (template p.9) in the youth's own language.

English is the source (below); every language comes from the gettext catalogues under locale/:
nl and fr from `make messages`, ar, prs, ps, ti and so maintained by hand (README
"Translations"): the leaflet's texts, the sectors, the roles and the month names. Those five have
NOT been checked by a native speaker yet: until an admin marks a language checked (model
youths.LeafletTranslation, in Django admin), the PDF and the pages say "translation to be
checked by a native speaker".
"""

from dataclasses import dataclass, replace

from django.utils import translation
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class YouthLanguage:
    code: str  # the value of ?lang=
    name: str  # the language's own name, as the youth reads it
    label: str  # the name in the user's interface language
    html_lang: str
    rtl: bool
    checked: bool  # checked by a native speaker


# The source texts (English); the translations are in locale/<code>/LC_MESSAGES/django.po.
SOURCE_TEXTS = {
    "title": _("Your care network"),
    "subtitle": _("Information for you"),
    "what_title": _("What is a care network?"),
    "what_1": _(
        "A small group of people who help you. They come from your school, your guardian, "
        "the place where you live, work, and others you trust."
    ),
    "what_2": _("They sit around one table, together with you."),
    "what_3": _("You are at the centre. Your questions and wishes come first."),
    "what_4": _("Together we make one plan with you: for feeling well, for school and for work."),
    "not_title": _("What a care network is not"),
    "not_1": _("It is not a punishment. You did nothing wrong."),
    "not_2": _("It is not the police and not a court."),
    "not_3": _("It does not decide about your residence papers."),
    "expect_title": _("What can you expect?"),
    "expect_1": _("We listen to you and take your ideas seriously."),
    "expect_2": _("We explain everything in a language you understand. An interpreter can come along."),
    "expect_3": _("We share only what is needed to help you, and we tell you what we share."),
    "expect_4": _("You know whom to ask with which question."),
    "expect_5": _("We meet again and check together how it is going."),
    "who_title": _("Who takes part?"),
    "who_name": _("Name"),
    "who_role": _("Role"),
    "who_sector": _("Works in"),
    "who_empty": _("Write the names of the people in your network here."),
    # The last row of the table when the network has more people than one sheet holds.
    "who_more": _("More people help you: ask your contact person."),
    "you_title": _("You can always say what you think"),
    "you_1": _("Do you have a question or a worry? Tell one of these people. You may also say no."),
    "who_phone": _("Phone"),
    "who_question": _("Ask about"),
    "my_contact": _("My contact person"),
    "date": _("Date"),
    "confidential": _("Personal and confidential. Only for you and your care network."),
    # The block with the link to the youth's own page (printed only right after the link is made).
    "page_title": _("Your own page on your phone"),
    "page_scan": _("Scan the square with your phone's camera, or type the link."),
    "page_code": _("Code: ask your contact person."),
}

SECTOR_KEYS = (
    "education",
    "welfare",
    "work",
    "guardianship",
    "housing",
    "health",
    "integration",
    "family",
    "leisure",
    "other",
)

LANGUAGES = {
    "nl": YouthLanguage("nl", "Nederlands", _("Dutch"), "nl", False, True),
    "en": YouthLanguage("en", "English", _("English"), "en", False, True),
    "fr": YouthLanguage("fr", "Français", _("French"), "fr", False, True),
    "ar": YouthLanguage("ar", "العربية", _("Arabic"), "ar", True, False),
    "prs": YouthLanguage("prs", "دری", _("Dari"), "fa-AF", True, False),
    "ps": YouthLanguage("ps", "پښتو", _("Pashto"), "ps", True, False),
    "ti": YouthLanguage("ti", "ትግርኛ", _("Tigrinya"), "ti", False, False),
    "so": YouthLanguage("so", "Soomaali", _("Somali"), "so", False, False),
}
DEFAULT_LANGUAGE = "nl"

# How coaches write the interpreter language (free text on the youth) -> our code.
_ALIASES = {
    "nl": ("nl", "dutch", "nederlands", "néerlandais", "neerlandais", "vlaams"),
    "en": ("en", "english", "engels", "anglais"),
    "fr": ("fr", "french", "frans", "français", "francais"),
    "ar": ("ar", "arabic", "arabisch", "arabe", "العربية", "عربي"),
    # `fa` is Persian; the youths we meet read Dari (Afghan Persian), so `?lang=fa` gives Dari.
    "prs": ("prs", "fa", "fa-af", "dari", "dari persian", "دری", "farsi (dari)", "farsi", "persian", "perzisch"),
    "ps": ("ps", "pashto", "pashtu", "pasjtoe", "pachto", "پښتو"),
    "ti": ("ti", "tigrinya", "tigrinia", "tigrinja", "tigrigna", "ትግርኛ"),
    "so": ("so", "somali", "somalisch", "somalien", "soomaali"),
}
_ALIAS_TO_CODE = {alias: code for code, aliases in _ALIASES.items() for alias in aliases}


def _checked_codes() -> set[str]:
    """The languages an admin has marked as checked by a native speaker (LeafletTranslation)."""
    from youths.models import LeafletTranslation

    return set(LeafletTranslation.objects.filter(checked=True).values_list("language", flat=True))


def _with_review(language: YouthLanguage, checked_codes: set[str]) -> YouthLanguage:
    if language.checked or language.code not in checked_codes:
        return language
    return replace(language, checked=True)


def available_languages() -> list[YouthLanguage]:
    checked_codes = _checked_codes()
    return [_with_review(language, checked_codes) for language in LANGUAGES.values()]


def language_code_for(text: str) -> str | None:
    """The code of a free-text language name ('Dari', 'Arabisch'), or None when we have no texts."""
    return _ALIAS_TO_CODE.get((text or "").strip().lower())


def default_language_for(youth) -> str:
    """The youth's interpreter language when translated, else Dutch."""
    if youth is None:
        return DEFAULT_LANGUAGE
    return language_code_for(youth.interpreter_language) or DEFAULT_LANGUAGE


def resolve_language(requested: str | None, youth=None) -> YouthLanguage:
    """`?lang=` when it is one we have, else the youth's default."""
    code = language_code_for(requested or "") if requested else None
    code = code or default_language_for(youth)
    return _with_review(LANGUAGES[code], _checked_codes())


def leaflet_texts(code: str) -> dict:
    """All texts of the leaflet (and the sector names) in one language, from the catalogues."""
    from accounts.choices import Sector  # the youths app does not depend on networks at import time

    with translation.override(LANGUAGES[code].code):
        texts = {key: str(value) for key, value in SOURCE_TEXTS.items()}
        texts["sectors"] = {key: str(Sector(key).label) for key in SECTOR_KEYS}
    return texts


def role_names(code: str, role: str, role_label) -> tuple[str, str]:
    """The role in the leaflet's language and the Dutch word the youth hears in Flanders.

    Returns (translated, dutch); `translated` is empty when the leaflet is in Dutch.
    """
    with translation.override("nl"):
        dutch = str(role_label)
    if code == "nl":
        return "", dutch
    with translation.override(LANGUAGES[code].code):
        return str(role_label), dutch


def leaflet_date(code: str, day) -> str:
    """A date as the youth reads it: '1 December 2026', '1 december 2026', '1 ديسمبر 2026';
    the month by name (from the catalogues), so no reader mistakes day and month."""
    from django.utils.dateformat import format as date_format

    if day is None:
        return ""
    with translation.override(LANGUAGES[code].code):
        return date_format(day, "j F Y")
