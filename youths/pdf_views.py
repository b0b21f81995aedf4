"""PDF downloads of the templates p.9 (for the youth) and p.10 (first conversation), and the
"Sjablonen" page with the blank templates.

Filled PDFs start from Youth.objects.visible_to(user), like the pages: outsiders get a 404.
Blank PDFs hold no data and need only a login.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from audit.trail import Action, record_read
from networks.choices import MemberRole
from networks.ecomap import SECTOR_ORDER
from youths.models import Intake, Youth
from youths.youth_texts import available_languages, leaflet_date, leaflet_texts, resolve_language, role_names
from zorgnetwerk.pdf import (
    answer_fields,
    html_to_pdf,
    pdf_filename,
    pdf_response,
    print_context,
    render_pdf,
)

LEAFLET_TEMPLATE = "pdf/youth_leaflet.html"
# p.9 is one sheet the youth keeps: at most this many people in its table, in a type a youth can
# still read; a bigger network gets "+N: ask your contact person" as the table's last row.
LEAFLET_MAX_ROWS = 8
# ... and each person's questions short: the full text is on p.12 ("which question to whom").
LEAFLET_MAX_QUESTIONS = 2
LEAFLET_QUESTION_CHARS = 70
INTAKE_TEMPLATE = "pdf/intake.html"


@login_required
@require_GET
def templates_index(request: HttpRequest) -> HttpResponse:
    """The blank templates to print and fill in by hand at the table."""
    return render(request, "pdf/template_list.html", {"leaflet_languages": available_languages()})


def _network_of(user, youth):
    """The youth's network this user may see: the open one first, else the latest."""
    from networks.models import CareNetwork

    networks = CareNetwork.objects.visible_to(user).filter(youth=youth).select_related("lead__supporter")
    return networks.open().first() or networks.first()


def _leaflet_members(network, language, *, max_rows: int) -> list[dict]:
    """Name, phone, role, sector and "with which question" of each active member, in the sector
    order of the eco-map; the role in the leaflet's language with the Dutch word the youth hears
    in Flanders in brackets."""
    if network is None:
        return []
    memberships = sorted(
        network.memberships.active().select_related("supporter").prefetch_related("question_routes"),
        key=lambda m: (SECTOR_ORDER.get(m.sector, len(SECTOR_ORDER)), m.joined_on, m.pk),
    )
    if len(memberships) > max_rows:
        # One sheet for any network: the contact person, the continuity figure and whoever answers
        # a question first, then the others in sector order; the rest is one line "+N: ask your
        # contact person" (templates/pdf/youth_leaflet.html).
        first = {network.lead_id, network.continuity_figure_id}
        ranked = sorted(
            memberships,
            key=lambda m: (m.pk not in first, not m.question_routes.all()),
        )
        kept = {m.pk for m in ranked[:max_rows]}
        memberships = [m for m in memberships if m.pk in kept]
    sectors = leaflet_texts(language.code)["sectors"]
    members = []
    for membership in memberships:
        label = MemberRole(membership.role).label if membership.role in MemberRole.values else membership.role
        role, dutch_role = role_names(language.code, membership.role, label)
        members.append(
            {
                "name": membership.supporter.full_name,
                "phone": membership.supporter.phone,
                "role": role,
                "dutch_role": dutch_role,
                "sector": sectors.get(membership.sector, sectors["other"]),
                "questions": [
                    Truncator(route.question).chars(LEAFLET_QUESTION_CHARS)
                    for route in list(membership.question_routes.all())[:LEAFLET_MAX_QUESTIONS]
                ],
            }
        )
    return members


def leaflet_context(*, youth, network, language, blank: bool, with_own_page: bool = False) -> dict:
    """The context of p.9 (also used by bench/pdf_bench.py)."""
    contact = None
    if not blank and network is not None and network.lead is not None:
        lead = network.lead.supporter
        contact = {"name": lead.full_name, "phone": lead.phone, "email": lead.email}
    texts = leaflet_texts(language.code)
    # Beside the QR block of the youth's own page two rows fewer (Tigrinya and Pashto run longest).
    max_rows = LEAFLET_MAX_ROWS - 2 if with_own_page else LEAFLET_MAX_ROWS
    members = [] if blank else _leaflet_members(network, language, max_rows=max_rows)
    more = 0 if blank or network is None else max(0, network.memberships.active().count() - len(members))
    return print_context(
        template_no="p. 9",
        doc_title=texts["title"],
        blank=blank,
        youth=youth,
        texts=texts,
        language=language,
        html_lang=language.html_lang,
        rtl=language.rtl,
        ui_language=translation.get_language(),
        date_text=leaflet_date(language.code, timezone.localdate()),
        members=members,
        more_members=more,
        # Many members (fewer beside the QR block of the youth's own page): smaller type, so the
        # leaflet stays one sheet (print.css).
        body_class="leaflet leaflet-many" if len(members) >= (5 if with_own_page else LEAFLET_MAX_ROWS) else "leaflet",
        blank_rows=range(5),
        contact=contact,
    )


def render_leaflet_html(context: dict, *, request=None) -> str:
    """Every language of the leaflet comes from the catalogues (youths/youth_texts.py)."""
    with translation.override(context["language"].code):
        return render_to_string(LEAFLET_TEMPLATE, context, request=request)


def _leaflet_response(request, *, youth, network, language, blank: bool) -> HttpResponse:
    context = leaflet_context(youth=youth, network=network, language=language, blank=blank)
    pdf = html_to_pdf(render_leaflet_html(context, request=request))
    slug = f"voor-de-jongere-{language.code}"
    if blank:
        return pdf_response(pdf, pdf_filename(f"{slug}-blanco"))
    return pdf_response(pdf, pdf_filename(slug, youth.initials, timezone.localdate()))


@login_required
@require_GET
def youth_leaflet_blank_pdf(request: HttpRequest) -> HttpResponse:
    """p.9 without names, in the language of ?lang= (Dutch by default)."""
    language = resolve_language(request.GET.get("lang"))
    return _leaflet_response(request, youth=None, network=None, language=language, blank=True)


@login_required
@require_GET
def youth_leaflet_pdf(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """p.9 with the members of the youth's network, in ?lang= or the youth's interpreter language."""
    youth = get_object_or_404(Youth.objects.visible_to(request.user), pk=youth_pk)
    network = _network_of(request.user, youth)
    language = resolve_language(request.GET.get("lang"), youth)
    response = _leaflet_response(request, youth=youth, network=network, language=language, blank=False)
    record_read(request, youth, action=Action.PDF)
    return response


NEEDS_FIELDS = ("needs", "what_goes_well")
FUTURE_FIELDS = ("strengths", "interests", "future_dreams", "future_short_term", "future_long_term")
SUPPORT_FIELDS = ("current_support",)


def _own_words_fields() -> list[dict]:
    """What the playbook's step 1 asks in the youth's own words and the intake has no field for
    (yet): printed as lines to write on, blank or filled."""
    prompts = (
        (_("The youth's own question for help"), _("What would you like help with, in your own words?")),
        (
            _("Whom the youth wants in the network, and whom not"),
            _("Someone you trust? Someone you do not want there?"),
        ),
        (_("What the youth expects from the network"), _("What should the network do for you? What not?")),
    )
    return [{"label": label, "hint": hint, "value": "", "lines": range(2)} for label, hint in prompts]


def intake_context(*, youth, intake, blank: bool) -> dict:
    return print_context(
        template_no="p. 10",
        doc_title=_("First conversation"),
        blank=blank,
        youth=youth,
        intake=intake,
        fields_own_words=_own_words_fields(),
        fields_needs=answer_fields(Intake, intake, NEEDS_FIELDS, lines=3),
        fields_future=answer_fields(Intake, intake, FUTURE_FIELDS, lines=2),
        fields_support=answer_fields(Intake, intake, SUPPORT_FIELDS, lines=3),
    )


@login_required
@require_GET
def intake_blank_pdf(request: HttpRequest) -> HttpResponse:
    """p.10 with lines to write on."""
    pdf = render_pdf(INTAKE_TEMPLATE, intake_context(youth=None, intake=None, blank=True), request=request)
    return pdf_response(pdf, pdf_filename("eerste-gesprek-blanco"))


@login_required
@require_GET
def intake_pdf(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """p.10 filled: the latest first conversation of the youth, or ?intake=<id> of this youth."""
    youth = get_object_or_404(Youth.objects.visible_to(request.user), pk=youth_pk)
    intakes = youth.intakes.all()
    chosen = request.GET.get("intake")
    if chosen:
        if not chosen.isdigit():
            raise Http404
        intake = get_object_or_404(intakes, pk=int(chosen))
    else:
        intake = intakes.first()
    pdf = render_pdf(INTAKE_TEMPLATE, intake_context(youth=youth, intake=intake, blank=False), request=request)
    record_read(request, intake or youth, action=Action.PDF)
    return pdf_response(pdf, pdf_filename("eerste-gesprek", youth.initials, timezone.localdate()))
