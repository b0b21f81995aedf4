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


# --- the printed eco-map of p.11 -----------------------------------------------------------------
#
# One drawing for the blank and the filled template: the youth in the centre, three rings (close,
# middle, far) and one slice per sector, every sector of accounts.choices.Sector included (civic
# integration and "other" too), the sector's name written in its slice. A filled map adds a
# numbered dot per member in the slice of their sector, closer to the centre the more the youth
# trusts them; the number is the member's row in the table of supporters under the map, where the
# whole name wraps (no name is cut, and Arabic-script names keep their word order in HTML text).
# The drawing holds no names at all: WeasyPrint lays out SVG text letter by letter (slow, and it
# breaks Arabic joining and direction), so the youth's name is an HTML box laid over the centre
# circle (layout["centre"], templates/pdf/network_map.html). The few SVG texts left (sector labels,
# dot numbers) are in one installed font, so no font fallback is searched per letter.

PRINT_WIDTH = 700  # user units; printed 178 mm wide, so 1 unit = 0.254 mm and 12 units = 8.6 pt
PRINT_CX = 350
PRINT_YOUTH_R = 56
PRINT_RINGS = (125, 190, 250)  # close, middle, far
PRINT_LABEL_R = 272
PRINT_OUTER_R = 292
PRINT_DOT_R = 11
PRINT_DOT_GAP = 31  # centre to centre: room for the ring of "stays after 18"
PRINT_TRUST_RADIUS = {Trust.HIGH: 92, Trust.SOME: 158, Trust.LOW: 222, Trust.UNKNOWN: 222}
PRINT_FONT = "Noto Sans"
PRINT_POINTS_PER_UNIT = 178 / PRINT_WIDTH / 25.4 * 72  # the drawing is printed 178 mm wide


def _name_lines(name: str, width: int = 12) -> list[str]:
    """The youth's name in at most three lines for the centre circle, broken at spaces and hyphens."""
    words, lines = name.replace("-", "- ").split(), []
    for word in words:
        if lines and len(lines[-1]) + len(word) + 1 <= width:
            lines[-1] = f"{lines[-1]}{'' if lines[-1].endswith('-') else ' '}{word}"
        else:
            lines.append(word)
    if len(lines) > 3:
        lines = lines[:2] + [" ".join(lines[2:])]
    return lines


def _slice_positions(start: float, end: float) -> list[tuple[float, float]]:
    """Free places for dots inside one slice, as (radius, angle), between the youth and the labels."""
    places = []
    radius = PRINT_YOUTH_R + PRINT_DOT_R + 12
    while radius <= PRINT_RINGS[-1] - 8:
        margin = (PRINT_DOT_R + 4) / radius
        span = end - start - 2 * margin
        count = max(1, int(span * radius // PRINT_DOT_GAP) + 1) if span > 0 else 0
        for index in range(count):
            angle = start + margin + (span * (index + 0.5) / count if count else 0)
            places.append((radius, angle))
        radius += PRINT_DOT_GAP
    return places


def print_ecomap_layout(memberships=(), *, youth=None, came_in_at_18=frozenset()) -> dict:
    """The numbers the print template draws; `memberships` in the order of the table (numbered 1..n)."""
    sectors = list(Sector)
    count = len(sectors)
    cy = PRINT_OUTER_R + 6
    step = 2 * math.pi / count
    by_sector: dict[str, list[tuple[int, object]]] = {}
    for number, membership in enumerate(memberships, start=1):
        sector = membership.sector if membership.sector in Sector.values else Sector.OTHER
        by_sector.setdefault(sector, []).append((number, membership))
    slices, dots = [], []
    for index, sector in enumerate(sectors):
        start = -math.pi / 2 + index * step - step / 2
        end = start + step
        middle = start + step / 2
        colour = SECTOR_COLOURS[sector]
        side = math.cos(middle)
        anchor = "middle" if abs(side) < 0.5 else ("start" if side > 0 else "end")
        label_r = PRINT_LABEL_R if anchor == "middle" else PRINT_RINGS[-1] + 6
        slices.append(
            {
                "x1": round(PRINT_CX + PRINT_YOUTH_R * math.cos(start), 1),
                "y1": round(cy + PRINT_YOUTH_R * math.sin(start), 1),
                "x2": round(PRINT_CX + PRINT_OUTER_R * math.cos(start), 1),
                "y2": round(cy + PRINT_OUTER_R * math.sin(start), 1),
                "label": sector.label,
                # Labels at the sides start outwards, so they never run into the dots of their slice.
                "label_x": round(PRINT_CX + label_r * math.cos(middle), 1),
                "label_y": round(cy + label_r * math.sin(middle) + 4, 1),
                "anchor": anchor,
                "colour": colour,
            }
        )
        places = _slice_positions(start, end)
        members = by_sector.get(sector, [])
        for number, membership in sorted(
            members, key=lambda item: PRINT_TRUST_RADIUS.get(item[1].youth_trust or "", 222)
        ):
            if not places:
                break
            wanted = PRINT_TRUST_RADIUS.get(membership.youth_trust or "", PRINT_TRUST_RADIUS[Trust.UNKNOWN])
            radius, angle = min(places, key=lambda place: (abs(place[0] - wanted), abs(place[1] - middle)))
            places.remove((radius, angle))
            x, y = PRINT_CX + radius * math.cos(angle), cy + radius * math.sin(angle)
            edge = PRINT_YOUTH_R + 2
            dots.append(
                {
                    "number": number,
                    "x": round(x, 1),
                    "y": round(y, 1),
                    "text_y": round(y + 4, 1),
                    "square_x": round(x - PRINT_DOT_R, 1),
                    "square_y": round(y - PRINT_DOT_R, 1),
                    "line_x": round(PRINT_CX + edge * math.cos(angle), 1),
                    "line_y": round(cy + edge * math.sin(angle), 1),
                    "colour": colour,
                    "line": TRUST_LINES.get(membership.youth_trust or "", TRUST_LINES[Trust.UNKNOWN]),
                    "stays_after_18": membership.continues_after_18,
                    "came_in_at_18": membership.pk in came_in_at_18,
                    "font_size": 11 if number < 10 else 9.5,
                }
            )
    lines = _name_lines(youth.full_name) if youth is not None else [str(_("Youth"))]
    longest = max(len(line) for line in lines)
    font_size = min(15.0, 100 / (0.6 * longest))  # user units
    height = round(cy + PRINT_OUTER_R + 6)
    # The youth's name is HTML laid over the centre circle, not SVG text: WeasyPrint draws SVG text
    # letter by letter, which breaks the joining and the right-to-left order of Arabic script.
    inner = PRINT_YOUTH_R * 0.85  # half the side of the square the name is centred in
    return {
        "width": PRINT_WIDTH,
        "height": height,
        "cx": PRINT_CX,
        "cy": cy,
        "youth_r": PRINT_YOUTH_R,
        "rings": [{"r": r, "dash": dash} for r, dash in zip(PRINT_RINGS, ("", "6 4", "2 4"), strict=True)],
        "outer_r": PRINT_OUTER_R,
        "slices": slices,
        "dots": dots,
        "dot_r": PRINT_DOT_R,
        "font": PRINT_FONT,
        "centre": {
            "text": "\n".join(lines),
            # Percentages of the drawing, which is printed at the full width of the page.
            "left": round((PRINT_CX - inner) / PRINT_WIDTH * 100, 2),
            "top": round((cy - inner) / height * 100, 2),
            "width": round(2 * inner / PRINT_WIDTH * 100, 2),
            "height": round(2 * inner / height * 100, 2),
            "font_pt": round(font_size * PRINT_POINTS_PER_UNIT, 1),
        },
    }


def render_print_ecomap_svg(layout: dict) -> str:
    """The drawing of print_ecomap_layout as SVG (an auto-escaping template); it holds no names."""
    return render_to_string("pdf/_ecomap.svg", {"map": layout})
