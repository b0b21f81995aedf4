"""The design system's template tags (docs/design.md): status badges, the two date styles, elision.

{% load zorgnetwerk_ui %}
  {% status_badge network %}            a badge with colour, shape and the status's name
  {{ day|date_text }}                   "1 december 2026" (in a sentence, the active language)
  {{ moment|datetime_text }}            "1 december 2026 20:24"
  {{ day|date_table }}                  "01-12-2026" (in a table or a compact list)
  {% elide %}…{% endelide %}            French elision of the rendered text ("de Ahmad" → "d'Ahmad")

The date styles are DATE_FORMAT, DATETIME_FORMAT and SHORT_DATE_FORMAT of the per-language formats
modules in zorgnetwerk/formats/, so `{{ day }}` and `date_format(day)` in Python give the text style too.
"""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

from zorgnetwerk.text import elide

register = template.Library()

# Which tone each status has, by model (app_label.model_name) and value. The tone picks the colour
# and the shape mark (docs/design.md); the words always come from the model's own choices.
TONES = {
    "networks.carenetwork": {"preparing": "waiting", "active": "active", "paused": "neutral", "closed": "done"},
    "handovers.handover": {"proposed": "waiting", "accepted": "active", "declined": "attention", "cancelled": "done"},
    "actionplans.action": {"open": "info", "done": "active", "dropped": "done"},
    "actionplans.barrier": {"open": "waiting", "in_progress": "info", "removed": "active", "stuck": "attention"},
    "actionplans.referral": {"sent": "waiting", "accepted": "active", "refused": "attention", "done": "done"},
    "actionplans.meeting": {"planned": "info", "held": "active", "cancelled": "done"},
    "adviesgroep.signal": {
        "new": "waiting",
        "in_review": "info",
        "answered": "active",
        "fed_back": "active",
        "closed": "done",
    },
}
TONE_NAMES = {"neutral", "active", "waiting", "attention", "info", "done"}


def status_tone(obj, field: str = "status") -> str:
    value = getattr(obj, field, None)
    return TONES.get(obj._meta.label_lower, {}).get(value, "neutral")


@register.simple_tag
def status_badge(obj, field: str = "status", tone: str = ""):
    """`<span class="zn-status zn-status--active">Actief</span>` for a model with a status field."""
    label = getattr(obj, f"get_{field}_display")()
    tone = tone if tone in TONE_NAMES else status_tone(obj, field)
    return format_html('<span class="zn-status zn-status--{}">{}</span>', tone, label)


@register.simple_tag
def badge(label, tone: str = "neutral"):
    """A badge for a state that is not a model's status (overdue, lead, intensive)."""
    tone = tone if tone in TONE_NAMES else "neutral"
    return format_html('<span class="zn-status zn-status--{}">{}</span>', tone, label)


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def date_text(value):
    """A date in a sentence: "1 december 2026" (nl), "1 December 2026" (en), "1 décembre 2026" (fr)."""
    if not value:
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return formats.date_format(value, "DATE_FORMAT")


@register.filter
def datetime_text(value):
    """A moment in a sentence or a timeline: "1 december 2026 20:24"."""
    if not value:
        return ""
    value = _local(value)
    if not isinstance(value, datetime.datetime):
        return formats.date_format(value, "DATE_FORMAT")
    return formats.date_format(value, "DATETIME_FORMAT")


@register.filter
def date_table(value):
    """A date in a table cell or a compact list: "01-12-2026" (nl), "01/12/2026" (en, fr)."""
    if not value:
        return ""
    value = _local(value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    return formats.date_format(value, "SHORT_DATE_FORMAT")


class ElideNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return elide(self.nodelist.render(context))


@register.tag("elide")
def do_elide(parser, token):
    nodelist = parser.parse(("endelide",))
    parser.delete_first_token()
    return ElideNode(nodelist)
