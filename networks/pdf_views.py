"""PDF download of the template p.11, the network map: the eco-map and the table of supporters.

The filled map starts from get_network_for_user (outsiders get a 404); the blank one holds no
data and needs only a login.
"""

import math

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.choices import Sector
from audit.trail import Action, record_read
from networks.access import get_network_for_user
from networks.choices import ESSENTIAL_SECTORS
from networks.ecomap import SECTOR_ORDER, render_ecomap_svg
from networks.models import CareNetwork
from zorgnetwerk.pdf import pdf_filename, pdf_response, print_context, render_pdf

NETWORK_MAP_TEMPLATE = "pdf/network_map.html"

# The sectors drawn on the blank map, clockwise from the top.
BLANK_MAP_SECTORS = (
    Sector.EDUCATION,
    Sector.WELFARE,
    Sector.WORK,
    Sector.GUARDIANSHIP,
    Sector.HOUSING,
    Sector.HEALTH,
    Sector.FAMILY,
    Sector.LEISURE,
)


def blank_ecomap_layout() -> dict:
    """Rings (close, middle, far) and one slice per sector, to draw the map by hand."""
    width, height, cx, cy = 640, 430, 320, 215
    rings = [
        {"r": 60, "dash": ""},
        {"r": 120, "dash": "6 4"},
        {"r": 180, "dash": "2 4"},
    ]
    count = len(BLANK_MAP_SECTORS)
    spokes, sectors = [], []
    for index, sector in enumerate(BLANK_MAP_SECTORS):
        edge = 2 * math.pi * index / count - math.pi / 2 - math.pi / count
        spokes.append(
            {
                "x1": round(cx + 36 * math.cos(edge), 1),
                "y1": round(cy + 36 * math.sin(edge), 1),
                "x2": round(cx + 190 * math.cos(edge), 1),
                "y2": round(cy + 190 * math.sin(edge), 1),
            }
        )
        middle = 2 * math.pi * index / count - math.pi / 2
        x, y = cx + 198 * math.cos(middle), cy + 198 * math.sin(middle) + 4
        anchor = "middle" if abs(math.cos(middle)) < 0.3 else ("start" if math.cos(middle) > 0 else "end")
        sectors.append({"label": sector.label, "x": round(x, 1), "y": round(y, 1), "anchor": anchor})
    return {
        "width": width,
        "height": height,
        "cx": cx,
        "cy": cy,
        "youth_r": 34,
        "rings": rings,
        "spokes": spokes,
        "sectors": sectors,
    }


def _blank_ecomap_svg() -> str:
    # Our own template, auto-escaped; nothing from a user goes in.
    return mark_safe(render_to_string("pdf/_ecomap_blank.svg", {"map": blank_ecomap_layout()}))  # noqa: S308


@login_required
@require_GET
def network_map_blank_pdf(request: HttpRequest) -> HttpResponse:
    """p.11 with an empty map (rings and sectors) and empty rows."""
    context = print_context(
        template_no="p. 11",
        doc_title=_("Network map"),
        blank=True,
        ecomap_svg=_blank_ecomap_svg(),
        memberships=[],
        blank_rows=range(8),
    )
    pdf = render_pdf(NETWORK_MAP_TEMPLATE, context, request=request)
    return pdf_response(pdf, pdf_filename("netwerkkaart-blanco"))


def network_map_context(network) -> dict:
    """The context of p.11 filled (also used by bench/pdf_bench.py)."""
    memberships = sorted(
        network.memberships.active().select_related("supporter__organisation"),
        key=lambda m: (SECTOR_ORDER.get(m.sector, len(SECTOR_ORDER)), m.joined_on, m.pk),
    )
    present = {m.sector for m in memberships}
    return print_context(
        template_no="p. 11",
        doc_title=_("Network map"),
        blank=False,
        youth=network.youth,
        network=network,
        memberships=memberships,
        # The eco-map SVG is rendered by an auto-escaping template (networks/ecomap.py).
        ecomap_svg=mark_safe(render_ecomap_svg(network, memberships=memberships)),  # noqa: S308
        missing_sectors=[sector.label for sector in ESSENTIAL_SECTORS if sector not in present],
    )


@login_required
@require_GET
def network_map_pdf(request: HttpRequest, network_pk: int) -> HttpResponse:
    """p.11 filled: the eco-map of the network and its active members."""
    network = get_network_for_user(request.user, network_pk, queryset=CareNetwork.objects.select_related("youth"))
    context = network_map_context(network)
    pdf = render_pdf(NETWORK_MAP_TEMPLATE, context, request=request)
    record_read(request, network, action=Action.PDF)
    return pdf_response(pdf, pdf_filename("netwerkkaart", network.youth.initials, timezone.localdate()))
