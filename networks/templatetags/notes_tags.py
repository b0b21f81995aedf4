from django import template

from networks.notes import notes_for

register = template.Library()


@register.simple_tag
def network_notes(network, user):
    """The network's notes for this user; a confidential note of another organisation has no text."""
    return notes_for(network, user)
