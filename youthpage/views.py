"""The youth's own page (/j/<token>/, no account) and the lead's buttons for the link.

The youth's side: a code first, nothing personal before it; then the page in the youth's
language. Every view and every message is on the audit trail with the link as the actor.
"""

from __future__ import annotations

from datetime import timedelta

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from actionplans.models import Action, ActionPlan, ActionStatus, Meeting, MeetingStatus, QuestionRoute
from audit.trail import Action as AuditAction
from audit.trail import record_read
from networks.access import get_network_for_user, get_open_network_for_user
from networks.models import Membership
from youthpage import gate
from youthpage.forms import CodeForm, LinkForm, MessageForm, ShareForm
from youthpage.models import MAX_FAILED_ATTEMPTS, MessageKind, YouthMessage
from youthpage.ratelimit import rate_limited
from youthpage.services import (
    Audit,
    youth_action_done,
    youth_audit,
    youth_message_mark_handled,
    youth_message_send,
    youth_share_set,
    youthlink_check_code,
    youthlink_create,
    youthlink_for_token,
    youthlink_renew,
    youthlink_revoke,
    youthlink_touch,
    youthlink_works,
)
from youthpage.texts import role_words
from youths.pdf_views import leaflet_context, render_leaflet_html
from youths.youth_texts import LANGUAGES as YOUTH_LANGUAGES
from youths.youth_texts import available_languages, resolve_language
from zorgnetwerk.pdf import html_to_pdf, pdf_filename, pdf_response

DONE_SHOWN = 5


# --- the youth's side -----------------------------------------------------------------------


def _finish(response: HttpResponse, language_code: str) -> HttpResponse:
    """No search engine, no cache, the page's language.

    The token is in the address: the site's Referrer-Policy (same-origin) keeps it from other sites;
    not `no-referrer`, which makes the browser post `Origin: null` and the CSRF check refuse the code.
    """
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Content-Language"] = YOUTH_LANGUAGES[language_code].html_lang
    add_never_cache_headers(response)
    return response


def _render(request, template: str, context: dict, language_code: str, status: int = 200) -> HttpResponse:
    language = resolve_language(language_code)
    with translation.override(language.code):
        response = render(
            request,
            template,
            {
                **context,
                "language": language,
                "languages": available_languages(),
                "page_url": request.path,
            },
            status=status,
        )
    return _finish(response, language.code)


def _requested_language(request) -> str | None:
    code = request.GET.get("lang")
    return code if code in YOUTH_LANGUAGES else None


def _pre_code_language(request) -> str:
    """Before the code nothing about the youth is used, not even the link's language: Dutch unless switched."""
    requested = _requested_language(request)
    if requested:
        request.session[gate.PRE_CODE_LANGUAGE] = requested
    return request.session.get(gate.PRE_CODE_LANGUAGE) or "nl"


def _refuse(request, link, language_code: str) -> HttpResponse:
    if link is not None:
        youth_audit(Audit.REFUSED, link=link, request=request)
    return _render(request, "youthpage/youth_gone.html", {}, language_code, status=404)


def _link_or_response(request, token: str):
    """(link, None) when the link works and is not locked, else (None, the response to give)."""
    if rate_limited(request):
        return None, _render(request, "youthpage/youth_slow_down.html", {}, _pre_code_language(request), status=429)
    link = youthlink_for_token(token)
    if not youthlink_works(link):
        return None, _refuse(request, link, _pre_code_language(request))
    if link.locked:
        youth_audit(Audit.REFUSED, link=link, request=request)
        return None, _render(request, "youthpage/youth_locked.html", {}, _pre_code_language(request), status=403)
    return link, None


@require_http_methods(["GET", "POST"])
def youth_page(request: HttpRequest, token: str) -> HttpResponse:
    link, response = _link_or_response(request, token)
    if response is not None:
        return response
    state = gate.gate_state(request, link)
    if state is None:
        return _code_gate(request, link)
    if request.method == "POST":
        return redirect(request.path)
    language_code = state.get("lang") or link.language or "nl"
    requested = _requested_language(request)
    if requested and requested != language_code:
        gate.gate_set_language(request, link, state, requested)
        language_code = requested
    youthlink_touch(link)
    youth_audit(Audit.READ, link=link, request=request)
    context = youth_page_context(link)
    context["link_token"] = token
    context["sent"] = request.GET.get("sent") == "1"
    context["done"] = request.GET.get("done") == "1"
    context["message_form"] = MessageForm()
    return _render(request, "youthpage/youth_page.html", context, language_code)


def _code_gate(request, link) -> HttpResponse:
    language_code = _pre_code_language(request)
    if request.method == "GET":
        youth_audit(Audit.CODE_ASKED, link=link, request=request)
    form = CodeForm(request.POST or None)
    wrong = False
    if request.method == "POST" and form.is_valid():
        if youthlink_check_code(link=link, code=form.cleaned_data["code"], request=request):
            gate.gate_open(request, link, request.session.get(gate.PRE_CODE_LANGUAGE) or link.language or "nl")
            return redirect(request.path)
        if link.locked:
            return _render(request, "youthpage/youth_locked.html", {}, language_code, status=403)
        wrong = True
    return _render(
        request,
        "youthpage/youth_code.html",
        {"form": form, "wrong": wrong, "attempts_left": MAX_FAILED_ATTEMPTS - link.failed_attempts},
        language_code,
    )


def _person(membership: Membership) -> dict:
    supporter = membership.supporter
    share = getattr(membership, "youth_share", None)
    return {
        "first_name": supporter.first_name,
        "last_name": supporter.last_name if share is not None and share.show_last_name else "",
        "phone": supporter.phone if share is not None and share.show_phone else "",
        "email": supporter.mail_address if share is not None and share.show_email else "",
    }


def youth_page_context(link) -> dict:
    """What the youth sees, and nothing else: people, questions to whom, next meeting, own actions, goals."""
    network = link.network
    youth = network.youth
    members = list(
        Membership.objects.active()
        .filter(network=network)
        .select_related("supporter__user", "youth_share")
        .order_by("joined_on", "pk")
    )
    people = [
        {**_person(m), "role": role_words(m.role), "is_lead": m.pk == network.lead_id, "online": m.joins_online}
        for m in members
    ]
    active_ids = {m.pk for m in members}
    by_pk = {m.pk: m for m in members}
    routes = [
        {"question": route.question, "who": _person(by_pk[route.member_id])}
        for route in QuestionRoute.objects.filter(plan__network=network).order_by("order", "pk")
        if route.member_id in active_ids
    ]
    meeting = (
        Meeting.objects.filter(network=network, status=MeetingStatus.PLANNED, ends_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )
    actions = list(
        Action.objects.filter(plan__network=network, owner_is_youth=True)
        .exclude(status=ActionStatus.DROPPED)
        .order_by("deadline", "pk")
    )
    plan = ActionPlan.objects.filter(network=network).first()
    intake = youth.intakes.order_by("-held_on", "-created_at").first()
    goals = []
    for text in (
        plan.goal_short_term if plan else "",
        plan.goal_long_term if plan else "",
        intake.future_short_term if intake else "",
        intake.future_long_term if intake else "",
    ):
        text = (text or "").strip()
        if text and text not in goals:
            goals.append(text)
    return {
        "link": link,
        "first_name": youth.first_name,
        "people": people,
        "routes": routes,
        "meeting": meeting,
        "interpreter_language": youth.interpreter_language,
        "open_actions": [a for a in actions if a.status == ActionStatus.OPEN],
        "done_actions": [a for a in actions if a.status == ActionStatus.DONE][-DONE_SHOWN:],
        "goals": goals,
        "today": timezone.localdate(),
    }


def _gated(request, token):
    """(link, state) for a POST of the youth, or raise 404 (nothing said about why)."""
    link, response = _link_or_response(request, token)
    if response is not None:
        return None, None, response
    state = gate.gate_state(request, link)
    if state is None:
        return None, None, redirect(reverse("youthpage:youth_page", kwargs={"token": token}))
    return link, state, None


@require_POST
def youth_page_message(request: HttpRequest, token: str) -> HttpResponse:
    link, state, response = _gated(request, token)
    if response is not None:
        return response
    form = MessageForm(request.POST)
    page = reverse("youthpage:youth_page", kwargs={"token": token})
    if not form.is_valid():
        language_code = state.get("lang") or link.language or "nl"
        youth_audit(Audit.READ, link=link, request=request)
        context = youth_page_context(link)
        context["link_token"] = token
        context["message_form"] = form
        return _render(request, "youthpage/youth_page.html", context, language_code, status=400)
    youth_message_send(link=link, kind=form.cleaned_data["kind"], text=form.cleaned_data["text"], request=request)
    return redirect(f"{page}?sent=1#speak")


@require_POST
def youth_page_action(request: HttpRequest, token: str) -> HttpResponse:
    link, state, response = _gated(request, token)
    if response is not None:
        return response
    page = reverse("youthpage:youth_page", kwargs={"token": token})
    raw = request.POST.get("action", "")
    if not (raw.isdigit() and len(raw) <= 18):  # an id beyond the integer range is no action either
        raise Http404
    action = get_object_or_404(Action, pk=int(raw), plan__network=link.network, owner_is_youth=True)
    if request.POST.get("do") == "done":
        youth_action_done(link=link, action=action, request=request)
        return redirect(f"{page}?done=1#actions")
    if request.POST.get("do") == "help":
        youth_message_send(link=link, kind=MessageKind.HELP, text="", action=action, request=request)
        return redirect(f"{page}?sent=1#actions")
    raise Http404


@require_POST
def youth_page_leave(request: HttpRequest, token: str) -> HttpResponse:
    link = youthlink_for_token(token)
    if link is not None:
        gate.gate_close(request, link)
    return redirect(reverse("youthpage:youth_page", kwargs={"token": token}))


# --- the lead's side ------------------------------------------------------------------------


def _qr_svg(data: str) -> str:
    """The link as a QR code, inline SVG drawn on our server (like the authenticator set-up)."""
    svg = segno.make(data, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")
    # segno writes only path data derived from the bits of the code, no text of ours.
    return mark_safe(svg)  # noqa: S308


# p.9 with the QR code: the page shown once carries the raw token in a POST form (never in an
# address or a log); the server keeps no token, only which link this user just made, for a few minutes.
LEAFLET_SESSION_KEY = "youthpage_leaflet"
LEAFLET_MINUTES = 10


def _link_result(request, network, link, token, code) -> HttpResponse:
    url = request.build_absolute_uri(reverse("youthpage:youth_page", kwargs={"token": token}))
    request.session[LEAFLET_SESSION_KEY] = {
        "network": network.pk,
        "link": link.pk,
        "user": request.user.pk,
        "until": (timezone.now() + timedelta(minutes=LEAFLET_MINUTES)).timestamp(),
    }
    response = render(
        request,
        "youthpage/link_created.html",
        {
            "network": network,
            "youth": network.youth,
            "link": link,
            "url": url,
            "code": code,
            "token": token,
            "qr": _qr_svg(url),
            "leaflet_languages": available_languages(),
            "leaflet_language": link.language or resolve_language(None, network.youth).code,
            "leaflet_minutes": LEAFLET_MINUTES,
        },
    )
    add_never_cache_headers(response)
    return response


def _fresh_link_of(request, network):
    """(link, url) of the posted token when this user just made that link for this network and it
    still works; 404 otherwise (someone else, later, renewed or revoked)."""
    kept = request.session.get(LEAFLET_SESSION_KEY)
    if not isinstance(kept, dict) or kept.get("network") != network.pk or kept.get("user") != request.user.pk:
        raise Http404
    if kept.get("until", 0) < timezone.now().timestamp():
        request.session.pop(LEAFLET_SESSION_KEY, None)
        raise Http404
    token = request.POST.get("token", "")
    link = youthlink_for_token(token)
    if link is None or link.pk != kept.get("link") or not youthlink_works(link) or link.locked:
        raise Http404
    return link, request.build_absolute_uri(reverse("youthpage:youth_page", kwargs={"token": token}))


@login_required
@require_POST
def youthlink_leaflet_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    """p.9 with the QR code of the link just made, in the language chosen; only for its maker, minutes long."""
    network = get_network_for_user(request.user, network_pk)
    link, url = _fresh_link_of(request, network)
    youth = network.youth
    language = resolve_language(request.POST.get("lang") or link.language or None, youth)
    context = leaflet_context(youth=youth, network=network, language=language, blank=False, with_own_page=True)
    context["own_page"] = {"url": url, "qr": _qr_svg(url)}
    pdf = html_to_pdf(render_leaflet_html(context, request=request))
    response = pdf_response(pdf, pdf_filename(f"voor-de-jongere-{language.code}", youth.initials, timezone.localdate()))
    add_never_cache_headers(response)
    record_read(request, youth, action=AuditAction.PDF)
    return response


def _link_change(request, network_pk: int, service) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("networks:network_detail", network_pk=network.pk)
    try:
        link, token, code = service(
            network=network, by=request.user, code=form.cleaned_data["code"], language=form.cleaned_data["language"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("networks:network_detail", network_pk=network.pk)
    return _link_result(request, network, link, token, code)


@login_required
@require_POST
def youthlink_create_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    return _link_change(request, network_pk, youthlink_create)


@login_required
@require_POST
def youthlink_renew_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    return _link_change(request, network_pk, youthlink_renew)


@login_required
@require_POST
def youthlink_revoke_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk)
    if youthlink_revoke(network=network, by=request.user) is not None:
        messages.success(request, _("The youth's link no longer works."))
    return redirect("networks:network_detail", network_pk=network.pk)


@login_required
@require_POST
def youth_share_view(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk)
    membership = (
        Membership.objects.active().filter(network=network, supporter__user=request.user).select_related("supporter")
    ).first()
    if membership is None:
        raise PermissionDenied
    form = ShareForm(request.POST)
    form.is_valid()
    youth_share_set(membership=membership, by=request.user, **{k: bool(form.cleaned_data.get(k)) for k in form.fields})
    messages.success(request, _("Saved: this is what the youth sees of you."))
    return redirect("networks:network_detail", network_pk=network.pk)


@login_required
@require_POST
def youthmessage_handled_view(request: HttpRequest, youthmessage_pk: int) -> HttpResponse:
    message = get_object_or_404(
        YouthMessage.objects.visible_to(request.user).select_related("network"), pk=youthmessage_pk
    )
    youth_message_mark_handled(message=message, by=request.user)
    return redirect("dashboard")
