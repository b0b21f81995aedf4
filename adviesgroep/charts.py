"""A small horizontal bar chart drawn on the server as SVG: no JavaScript, every text escaped."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

ROW_HEIGHT = 26
BAR_HEIGHT = 16
LABEL_WIDTH = 300
BAR_AREA = 300
VALUE_GAP = 6
# On a phone: the label above its bar, in a drawing about as wide as the screen.
NARROW_WIDTH = BAR_AREA + 60
NARROW_ROW_HEIGHT = 44
# Longer labels are shortened in the drawing (the full label stays in the bar's tooltip and the table).
MAX_LABEL = 40


@dataclass
class Bar:
    label: str
    value: int
    href: str = ""


def _bar_rows(bars: list[Bar], *, narrow: bool) -> list:
    """The rows of one layout: wide (label left of the bar) or narrow (label above the bar, for a phone)."""
    top = max((bar.value for bar in bars), default=0) or 1
    rows = []
    for index, bar in enumerate(bars):
        bar_width = round(BAR_AREA * bar.value / top)
        short = bar.label if len(bar.label) <= MAX_LABEL else bar.label[: MAX_LABEL - 1] + "…"
        if narrow:
            y = index * NARROW_ROW_HEIGHT
            label_x, label_y, anchor, font = 0, y + 14, "start", 14
            bar_x, bar_y = 0, y + 20
        else:
            y = index * ROW_HEIGHT
            label_x, label_y, anchor, font = LABEL_WIDTH - VALUE_GAP, y + BAR_HEIGHT - 3, "end", 12
            bar_x, bar_y = LABEL_WIDTH, y + 2
        row = format_html(
            '<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="#212529" class="chart-label">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#0b5563" class="chart-bar"><title>{}: {}</title></rect>'
            '<text x="{}" y="{}" font-size="{}" fill="#212529" class="chart-value">{}</text>',
            label_x,
            label_y,
            anchor,
            font,
            short,
            bar_x,
            bar_y,
            bar_width,
            BAR_HEIGHT,
            bar.label,
            bar.value,
            bar_x + bar_width + VALUE_GAP,
            bar_y + BAR_HEIGHT - 3,
            font,
            bar.value,
        )
        if bar.href:
            row = format_html('<a href="{}" aria-label="{}: {}">{}</a>', bar.href, bar.label, bar.value, row)
        rows.append((row,))
    return rows


def bar_chart_svg(bars: list[Bar], *, title: str) -> SafeString:
    """An accessible SVG: a <title>, one row per bar (label, bar, value); a bar with href is a link.

    Two drawings of the same bars fill the width (docs/design.md): the wide one from the md breakpoint
    up, and below it a narrow one with each label above its bar, so the text stays readable on a
    phone; CSS shows one of them (display: none hides the other from screen readers too).
    """
    # With links inside, the chart is a group of links, not an image: an image's children are not
    # reachable by assistive technology (axe: nested-interactive).
    role = "group" if any(bar.href for bar in bars) else "img"
    drawings = []
    for narrow in (False, True):
        width = NARROW_WIDTH if narrow else LABEL_WIDTH + BAR_AREA + 60
        height = max((NARROW_ROW_HEIGHT if narrow else ROW_HEIGHT) * len(bars), ROW_HEIGHT)
        drawings.append(
            format_html(
                '<svg xmlns="http://www.w3.org/2000/svg" role="{}" aria-label="{}" class="bar-chart {}" '
                'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet"><title>{}</title>{}</svg>',
                role,
                title,
                "zn-chart-narrow" if narrow else "zn-chart-wide",
                width,
                height,
                title,
                format_html_join("", "{}", _bar_rows(bars, narrow=narrow)),
            )
        )
    return format_html('<div class="zn-chart">{}{}</div>', *drawings)
