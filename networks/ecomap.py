"""The network map (eco-map) as SVG, drawn on the server (no JavaScript), for the page and the p.11 PDF.

The youth is in the centre; the members sit in two columns of rows to the right and the left,
ordered and coloured by sector so each sector forms one group; the line from the youth to a
member shows how much the youth trusts that person. Rows are a fixed height apart and the
labels point outwards, so no two labels can overlap whatever the number of members. The SVG
comes from a Django template, so every name is escaped by the template engine.
"""

import math
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from accounts.choices import Sector
from networks.choices import Trust
from zorgnetwerk.text import elide

# Colours per sector: distinguishable, and dark enough for white text of the legend swatches.
SECTOR_COLOURS = {
    Sector.EDUCATION: "#1f77b4",
    Sector.WELFARE: "#c0392b",
    Sector.WORK: "#b35900",
    Sector.GUARDIANSHIP: "#6a3d9a",
    Sector.HOUSING: "#2e7d32",
    Sector.HEALTH: "#00838f",
    Sector.INTEGRATION: "#8d6e00",
    Sector.FAMILY: "#ad1457",
    Sector.LEISURE: "#795548",
    Sector.OTHER: "#616161",
}
SECTOR_ORDER = {sector.value: index for index, sector in enumerate(Sector)}

# Line style per trust level: solid (a lot), dashed (somewhat), dotted (little), thin grey (not asked).
TRUST_LINES = {
    Trust.HIGH: {"dasharray": "", "width": 3, "colour": "#333333"},
    Trust.SOME: {"dasharray": "8 5", "width": 2, "colour": "#333333"},
    Trust.LOW: {"dasharray": "2 5", "width": 2, "colour": "#333333"},
    Trust.UNKNOWN: {"dasharray": "", "width": 1, "colour": "#9e9e9e"},
}

ROW_HEIGHT = 48  # vertical distance between two members on the same side
NODE_RADIUS = 14
YOUTH_RADIUS = 48
COLUMN_OFFSET = 230  # horizontal distance from the youth to the middle row of a side
LABEL_GAP = 8
LABEL_WIDTH = 210  # room for a label (names are cut to fit)
MARGIN = 24
NAME_CHARS = 28
DETAIL_CHARS = 34


@dataclass
class Node:
    membership: object
    x: float
    y: float
    side: str  # "right" or "left"
    colour: str
    name: str
    detail: str
    label_x: float
    anchor: str
    line: dict


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _sorted(memberships) -> list:
    return sorted(
        memberships,
        key=lambda m: (SECTOR_ORDER.get(m.sector, len(SECTOR_ORDER)), m.supporter.last_name, m.supporter.first_name),
    )


def ecomap_layout(memberships) -> dict:
    """Place the youth and the members; returns the numbers the SVG template draws."""
    members = _sorted(memberships)
    right_count = math.ceil(len(members) / 2)
    sides = [("right", members[:right_count]), ("left", list(reversed(members[right_count:])))]
    rows = max(3, right_count, len(members) - right_count)
    height_of_rows = rows * ROW_HEIGHT
    width = 2 * (COLUMN_OFFSET + NODE_RADIUS + LABEL_GAP + LABEL_WIDTH + MARGIN)
    top = MARGIN + 10
    cx, cy = width / 2, top + height_of_rows / 2
    # The columns bulge outwards in the middle (an ellipse), so lines from the centre fan out.
    ry = height_of_rows / 2 + ROW_HEIGHT
    nodes = []
    for side, group in sides:
        sign = 1 if side == "right" else -1
        count = len(group)
        for index, membership in enumerate(group):
            y = cy + (index - (count - 1) / 2) * ROW_HEIGHT
            bulge = math.sqrt(max(0.0, 1 - ((y - cy) / ry) ** 2))
            x = cx + sign * (YOUTH_RADIUS + 60 + (COLUMN_OFFSET - YOUTH_RADIUS - 60) * bulge)
            supporter = membership.supporter
            organisation = getattr(supporter, "organisation", None)
            detail_parts = [membership.get_role_display()]
            if organisation is not None:
                detail_parts.append(organisation.name)
            if membership.joins_online:
                detail_parts.append(_("online"))
            nodes.append(
                Node(
                    membership=membership,
                    x=round(x, 1),
                    y=round(y, 1),
                    side=side,
                    colour=SECTOR_COLOURS.get(membership.sector, SECTOR_COLOURS[Sector.OTHER]),
                    name=_cut(supporter.full_name, NAME_CHARS),
                    detail=_cut(" · ".join(str(part) for part in detail_parts), DETAIL_CHARS),
                    label_x=round(x + sign * (NODE_RADIUS + LABEL_GAP), 1),
                    anchor="start" if side == "right" else "end",
                    line=TRUST_LINES.get(membership.youth_trust or "", TRUST_LINES[Trust.UNKNOWN]),
                )
            )
    sectors_present = sorted({m.sector for m in members}, key=lambda s: SECTOR_ORDER.get(s, len(SECTOR_ORDER)))
    legend_top = top + height_of_rows + ROW_HEIGHT
    legend_columns = 4
    column_width = (width - 2 * MARGIN) / legend_columns
    legend = [
        {
            "label": Sector(sector).label if sector in Sector.values else sector,
            "colour": SECTOR_COLOURS.get(sector, SECTOR_COLOURS[Sector.OTHER]),
            "swatch_x": round(MARGIN + (index % legend_columns) * column_width + 8, 1),
            "text_x": round(MARGIN + (index % legend_columns) * column_width + 22, 1),
            "y": legend_top + (index // legend_columns) * 24,
        }
        for index, sector in enumerate(sectors_present)
    ]
    trust_top = legend_top + math.ceil(len(legend) / legend_columns) * 24 + 12
    trust_legend = [
        {
            "label": trust.label,
            **TRUST_LINES[trust],
            "x": round(MARGIN + index * column_width, 1),
            "line_end_x": round(MARGIN + index * column_width + 34, 1),
            "text_x": round(MARGIN + index * column_width + 42, 1),
            "y": trust_top,
        }
        for index, trust in enumerate((Trust.HIGH, Trust.SOME, Trust.LOW, Trust.UNKNOWN))
    ]
    return {
        "width": round(width),
        "height": round(trust_top + 24),
        "cx": round(cx, 1),
        "cy": round(cy, 1),
        "youth_radius": YOUTH_RADIUS,
        "node_radius": NODE_RADIUS,
        "nodes": nodes,
        "legend": legend,
        "trust_legend": trust_legend,
    }


def render_ecomap_svg(network, memberships=None) -> str:
    """The eco-map of a network as an SVG string (safe: built from an auto-escaping template).

    Pass `memberships` (active, with supporter and organisation selected) to avoid a query.
    """
    if memberships is None:
        memberships = network.memberships.active().select_related("supporter__organisation")
    memberships = [m for m in memberships if m.left_on is None]
    youth = network.youth
    context = ecomap_layout(memberships)
    context.update(
        {
            "youth_name": youth.full_name,
            "youth_first_name": _cut(youth.first_name, 11),
            "youth_age": youth.age,
            "title": elide(_("Network map of %(youth)s") % {"youth": youth.full_name}),
            "description": _("%(count)d supporters around the youth, grouped and coloured by sector.")
            % {"count": len(memberships)},
        }
    )
    return render_to_string("networks/_ecomap.svg", context)
