"""Template tags for the PDF download buttons (templates/pdf/_*_downloads.html)."""

from django import template

from youths.youth_texts import available_languages

register = template.Library()


@register.simple_tag
def leaflet_languages():
    """The languages of the leaflet p.9, with their `checked` flag."""
    return available_languages()


@register.simple_tag
def leaflet_languages_to_check(languages=None):
    """The names (in the interface language) of the leaflet languages not yet checked by a native speaker.

    Pass the result of `leaflet_languages` to spare the query that reads the checked marks.
    """
    languages = available_languages() if languages is None else languages
    return ", ".join(str(language.label) for language in languages if not language.checked)
