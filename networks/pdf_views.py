"""PDF download of the template p.11, the network map: the eco-map and the table of supporters.

The filled map starts from get_network_for_user (outsiders get a 404); the blank one holds no
data and needs only a login.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from audit.trail import Action, record_read
from networks.access import get_network_for_user
from networks.choices import ESSENTIAL_SECTORS
from networks.ecomap import SECTOR_ORDER, print_ecomap_layout, render_print_ecomap_svg
from networks.models import CareNetwork
from zorgnetwerk.dates import add_years
from zorgnetwerk.pdf import pdf_filename, pdf_response, print_context, render_pdf

NETWORK_MAP_TEMPLATE = "pdf/network_map.html"

# The page under the drawing holds four rows of the table at most, so any network larger than
# three would leave one or two rows alone on a second page. Up to TABLE_PAGE_MEMBERS members the
# table of supporters gets a page of its own, filled up to TABLE_PAGE_ROWS rows with empty rows to
# write on (supporters added at the table); a larger network starts the table under the drawing
# and fills the second page.
TABLE_PAGE_MEMBERS = 20
TABLE_PAGE_ROWS = 18


def _table_layout(member_count: int) -> dict:
    own_page = member_count <= TABLE_PAGE_MEMBERS
    empty_rows = max(0, TABLE_PAGE_ROWS - member_count) if own_page else 0
    return {"table_on_own_page": own_page, "blank_rows": range(member_count + 1, member_count + 1 + empty_rows)}


def _ecomap(memberships=(), *, youth=None, came_in_at_18=frozenset()) -> dict:
    """The eco-map: its layout for the template (the youth's name in the centre is HTML) and the
    drawing, served to the template as <img src="generated:ecomap.svg"> (zorgnetwerk.pdf).

    An image and not SVG inline in the HTML: WeasyPrint then parses it with the C XML parser
    instead of the pure-Python HTML parser. The SVG comes from an auto-escaping template.
    """
    layout = print_ecomap_layout(memberships, youth=youth, came_in_at_18=came_in_at_18)
    return {"ecomap": layout, "drawings": {"ecomap.svg": render_print_ecomap_svg(layout)}}


@login_required
@require_GET
def network_map_blank_pdf(request: HttpRequest) -> HttpResponse:
    """p.11 with an empty map (rings and sectors) and empty rows."""
    context = print_context(
        template_no="p. 11",
        doc_title=_("Network map"),
        blank=True,
        **_ecomap(),
        memberships=[],
        **_table_layout(0),
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
    youth = network.youth
    # Members who joined on or after the youth's 18th birthday: the supporters who come in at 18.
    birth = youth.effective_birth_date
    adult_on = add_years(birth, 18) if birth else None
    came_in_at_18 = frozenset(m.pk for m in memberships if adult_on and m.joined_on >= adult_on)
    return print_context(
        template_no="p. 11",
        doc_title=_("Network map"),
        blank=False,
        youth=network.youth,
        network=network,
        memberships=memberships,
        **_ecomap(memberships, youth=youth, came_in_at_18=came_in_at_18),
        came_in_at_18=came_in_at_18,
        **_table_layout(len(memberships)),
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
