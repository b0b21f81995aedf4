"""A small horizontal bar chart drawn on the server as SVG: no JavaScript, every text escaped."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

ROW_HEIGHT = 26
BAR_HEIGHT = 16
LABEL_WIDTH = 300
BAR_AREA = 300
VALUE_GAP = 6
# Longer labels are shortened in the drawing (the full label stays in the bar's tooltip and the table).
MAX_LABEL = 40


@dataclass
class Bar:
    label: str
    value: int
    href: str = ""


def bar_chart_svg(bars: list[Bar], *, title: str) -> SafeString:
    """An accessible SVG: a <title>, one row per bar (label, bar, value); a bar with href is a link."""
    top = max((bar.value for bar in bars), default=0) or 1
    width = LABEL_WIDTH + BAR_AREA + 60
    height = max(ROW_HEIGHT * len(bars), ROW_HEIGHT)
    rows = []
    for index, bar in enumerate(bars):
        y = index * ROW_HEIGHT
        bar_width = round(BAR_AREA * bar.value / top)
        short = bar.label if len(bar.label) <= MAX_LABEL else bar.label[: MAX_LABEL - 1] + "…"
        row = format_html(
            '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="#212529" class="chart-label">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#0b5563" class="chart-bar"><title>{}: {}</title></rect>'
            '<text x="{}" y="{}" font-size="12" fill="#212529" class="chart-value">{}</text>',
            LABEL_WIDTH - VALUE_GAP,
            y + BAR_HEIGHT - 3,
            short,
            LABEL_WIDTH,
            y + 2,
            bar_width,
            BAR_HEIGHT,
            bar.label,
            bar.value,
            LABEL_WIDTH + bar_width + VALUE_GAP,
            y + BAR_HEIGHT - 3,
            bar.value,
        )
        if bar.href:
            row = format_html('<a href="{}" aria-label="{}: {}">{}</a>', bar.href, bar.label, bar.value, row)
        rows.append((row,))
    # With links inside, the chart is a group of links, not an image: an image's children are not
    # reachable by assistive technology (axe: nested-interactive).
    role = "group" if any(bar.href for bar in bars) else "img"
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="{}" aria-label="{}" class="bar-chart" viewBox="0 0 {} {}" '
        'width="100%" preserveAspectRatio="xMinYMin meet"><title>{}</title>{}</svg>',
        role,
        title,
        width,
        height,
        title,
        format_html_join("", "{}", rows),
    )
