"""Template tags for the PDF download buttons (templates/pdf/_*_downloads.html)."""

from django import template

from youths.youth_texts import available_languages

register = template.Library()


@register.simple_tag
def leaflet_languages():
    """The languages of the leaflet p.9, with their `checked` flag."""
    return available_languages()
