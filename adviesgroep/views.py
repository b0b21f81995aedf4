"""Pages of the advisory group and of the networks that send it signals.

Access: a network member reaches a network's pages through `get_network_for_user` and a signal
through `Signal.objects.visible_to`; the advisory group's own pages answer 404 to everybody
outside the group. Nobody gets a 403 that confirms something exists.
"""

import csv
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actionplans.models import Barrier
from adviesgroep import selectors, services
from adviesgroep.charts import Bar, bar_chart_svg
from adviesgroep.forms import (
    AdviceActionForm,
    AdviceBarrierForm,
    AdviceForm,
    InboxFilterForm,
    LessonForm,
    LessonSearchForm,
    PolicyFeedbackForm,
    ReviewerForm,
    SignalForm,
    StatusForm,
)
from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal, SignalKind
from networks.access import get_network_for_user, get_open_network_for_user
from networks.models import CareNetwork

PAGE_SIZE = 25


def advisory_required(view):
    """Only for the advisory group; everybody else gets a 404, anonymous users the login page."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_advisory:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def may_see_stats(user) -> bool:
    return user.is_authenticated and (user.is_advisory or user.is_superuser or user.is_staff)


# --- the network's side ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def signal_create(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_open_network_for_user(request.user, network_pk, queryset=CareNetwork.objects.select_related("youth"))
    if request.method == "POST":
        form = SignalForm(request.POST, network=network, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                signal = services.signal_send(
                    network=network,
                    by=request.user,
                    kind=data["kind"],
                    theme=data["theme"],
                    question=data["question"],
                    case_summary=data["case_summary"],
                    categories=data["categories"],
                    share_more=data["share_more"],
                    source_barrier=data.get("source_barrier"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your signal was sent to the advisory group."))
                return redirect("adviesgroep:signal_detail", signal_pk=signal.pk)
    else:
        initial = selectors.signal_prefill(network=network, user=request.user, kind=request.GET.get("kind", ""))
        form = SignalForm(initial=initial, network=network, user=request.user)
    return render(request, "adviesgroep/signal_form.html", {"form": form, "network": network})


@login_required
@require_POST
def signal_from_barrier(request: HttpRequest, barrier_pk: int) -> HttpResponse:
    """One click on a barrier in the plan: the signal form, filled in from that barrier (nothing saved yet)."""
    barrier = get_object_or_404(
        Barrier.objects.filter(plan__network__in=CareNetwork.objects.visible_to(request.user)).select_related(
            "category", "plan__network__youth"
        ),
        pk=barrier_pk,
    )
    network = barrier.plan.network.require_open()
    earlier = Signal.objects.filter(source_barrier=barrier).order_by("sent_at", "pk").first()
    if earlier is not None:
        messages.error(request, services.barrier_already_signalled_message(earlier))
        return redirect("adviesgroep:signal_detail", signal_pk=earlier.pk)
    initial = selectors.signal_prefill(network=network, user=request.user, barrier=barrier)
    form = SignalForm(initial=initial, network=network, user=request.user)
    return render(request, "adviesgroep/signal_form.html", {"form": form, "network": network, "barrier": barrier})


@login_required
@require_GET
def network_signal_list(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = get_network_for_user(request.user, network_pk)
    page = Paginator(selectors.network_signals(network), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "adviesgroep/signal_network_list.html", {"network": network, "page_obj": page})


def _signal_for_reader(user, signal_pk: int) -> Signal:
    return get_object_or_404(
        Signal.objects.visible_to(user)
        .select_related("reviewer", "sent_by__organisation", "network", "source_barrier__category")
        .prefetch_related("categories", Prefetch("advice", queryset=Advice.objects.select_related("by", "action"))),
        pk=signal_pk,
    )


def _network_may_take_up(user, signal: Signal) -> bool:
    """A member of the signal's open network (not the advisory group's view) takes the advice up."""
    network = signal.network
    return (
        network is not None
        and not network.is_closed
        and not user.is_advisory
        and CareNetwork.objects.visible_to(user).filter(pk=network.pk).exists()
    )


def _attach_take_up_forms(signal: Signal, *, bound=None) -> None:
    """Each advice not yet taken up gets its two one-step forms (the bound one keeps its errors)."""
    network = signal.network
    barrier_open = signal.source_barrier is not None
    for advice in signal.advice.all():
        if not services.advice_may_be_taken_up(advice):
            continue
        advice.action_form = AdviceActionForm(advice=advice, network=network)
        advice.barrier_form = AdviceBarrierForm(advice=advice) if barrier_open else None
        if bound is not None and bound[0] == advice.pk:
            setattr(advice, bound[1], bound[2])


def _signal_context(request, signal: Signal, *, bound=None) -> dict:
    context = {"signal": signal}
    if request.user.is_advisory:
        context.update(
            similar=selectors.similar_signals(signal),
            reviewer_form=ReviewerForm(initial={"reviewer": signal.reviewer_id}),
            status_form=StatusForm(initial={"status": signal.status}),
            advice_form=AdviceForm(signal=signal),
        )
    if _network_may_take_up(request.user, signal):
        context["may_take_up"] = True
        _attach_take_up_forms(signal, bound=bound)
    return context


@login_required
@require_GET
def signal_detail(request: HttpRequest, signal_pk: int) -> HttpResponse:
    signal = _signal_for_reader(request.user, signal_pk)
    return render(request, "adviesgroep/signal_detail.html", _signal_context(request, signal))


def _advice_for_network(request, advice_pk: int) -> Advice:
    """Advice on a signal of one of the user's open networks; anything else is a 404."""
    advice = get_object_or_404(
        Advice.objects.filter(signal__network__in=CareNetwork.objects.visible_to(request.user)).select_related(
            "signal"
        ),
        pk=advice_pk,
    )
    if request.user.is_advisory:
        raise Http404
    return advice


@login_required
@require_POST
def advice_to_action(request: HttpRequest, advice_pk: int) -> HttpResponse:
    """One step from the advice to an action in the plan (POST from the signal's page)."""
    advice = _advice_for_network(request, advice_pk)
    network = get_open_network_for_user(
        request.user, advice.signal.network_id, queryset=CareNetwork.objects.select_related("youth")
    )
    form = AdviceActionForm(request.POST, advice=advice, network=network)
    if form.is_valid():
        try:
            services.advice_to_action(advice=advice, by=request.user, **form.service_kwargs())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The advice is now an action in the plan."))
            return redirect(reverse("actionplans:plan_detail", args=[network.pk]) + "#actions")
    signal = _signal_for_reader(request.user, advice.signal_id)
    context = _signal_context(request, signal, bound=(advice.pk, "action_form", form))
    return render(request, "adviesgroep/signal_detail.html", context, status=400)


@login_required
@require_POST
def advice_to_barrier(request: HttpRequest, advice_pk: int) -> HttpResponse:
    """One step from the advice to the barrier the signal came from: the advice noted, the status moved on."""
    advice = _advice_for_network(request, advice_pk)
    get_open_network_for_user(request.user, advice.signal.network_id)
    form = AdviceBarrierForm(request.POST, advice=advice)
    if form.is_valid():
        try:
            services.advice_to_barrier(advice=advice, status=form.cleaned_data["status"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The advice is noted on the barrier in the plan."))
            return redirect("adviesgroep:signal_detail", signal_pk=advice.signal_id)
    signal = _signal_for_reader(request.user, advice.signal_id)
    context = _signal_context(request, signal, bound=(advice.pk, "barrier_form", form))
    return render(request, "adviesgroep/signal_detail.html", context, status=400)


# --- the advisory group's work -----------------------------------------------------------------


def _advisory_signal(request, pk) -> Signal:
    return get_object_or_404(Signal.objects.for_advisory(request.user).select_related("network__youth"), pk=pk)


@advisory_required
@require_POST
def signal_assign(request: HttpRequest, signal_pk: int) -> HttpResponse:
    signal = _advisory_signal(request, signal_pk)
    form = ReviewerForm(request.POST)
    if form.is_valid():
        services.signal_assign_reviewer(signal=signal, reviewer=form.cleaned_data["reviewer"], by=request.user)
        messages.success(request, _("The reviewer was saved."))
    else:
        messages.error(request, _("Choose a member of the advisory group."))
    return redirect("adviesgroep:signal_detail", signal_pk=signal.pk)


@advisory_required
@require_POST
def signal_status(request: HttpRequest, signal_pk: int) -> HttpResponse:
    signal = _advisory_signal(request, signal_pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.signal_set_status(signal=signal, status=form.cleaned_data["status"], by=request.user)
        messages.success(request, _("The status was saved."))
    else:
        messages.error(request, _("Choose a status."))
    return redirect("adviesgroep:signal_detail", signal_pk=signal.pk)


@advisory_required
@require_POST
def signal_answer(request: HttpRequest, signal_pk: int) -> HttpResponse:
    signal = _advisory_signal(request, signal_pk)
    form = AdviceForm(request.POST, signal=signal)
    if form.is_valid():
        try:
            services.signal_answer(signal=signal, text=form.cleaned_data["text"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your advice was sent to the network."))
            return redirect("adviesgroep:signal_detail", signal_pk=signal.pk)
    signal = get_object_or_404(
        Signal.objects.select_related("reviewer", "sent_by__organisation", "network").prefetch_related(
            "categories", Prefetch("advice", queryset=Advice.objects.select_related("by"))
        ),
        pk=signal.pk,
    )
    context = {
        "signal": signal,
        "similar": selectors.similar_signals(signal),
        "reviewer_form": ReviewerForm(initial={"reviewer": signal.reviewer_id}),
        "status_form": StatusForm(initial={"status": signal.status}),
        "advice_form": form,
    }
    return render(request, "adviesgroep/signal_detail.html", context, status=400)


@advisory_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    form = InboxFilterForm(request.GET or None)
    signals = selectors.inbox_signals(user=request.user, **form.selection())
    page = Paginator(signals, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_reach(list(page.object_list))
    # The advisory group's home: what is theirs and what is new, then the whole inbox.
    visit = services.advisory_visit_record(user=request.user)
    context = {
        "form": form,
        "page_obj": page,
        "counts": selectors.inbox_counts(request.user),
        "home": selectors.advisory_home(request.user, visit=visit),
    }
    return render(request, "adviesgroep/signal_inbox.html", context)


def _inbox_link(**params) -> str:
    return reverse("adviesgroep:inbox") + "?" + urlencode(params)


@advisory_required
@require_GET
def aggregation(request: HttpRequest) -> HttpResponse:
    this = selectors.Quarter.current()
    by_category = selectors.aggregate_by_category(this=this)
    by_theme = selectors.aggregate_by_theme(this=this)
    for row in by_category:
        row.this_link = _inbox_link(category=row.category_id, period="this")
        row.last_link = _inbox_link(category=row.category_id, period="last")
    for row in by_theme:
        row.this_link = _inbox_link(theme=row.key, period="this")
        row.last_link = _inbox_link(theme=row.key, period="last")
    category_chart = bar_chart_svg(
        [Bar(row.label, row.this_signals, row.this_link) for row in by_category],
        title=_("Signals per barrier category, %(quarter)s") % {"quarter": this.label},
    )
    theme_chart = bar_chart_svg(
        [Bar(row.label, row.this_signals, row.this_link) for row in by_theme],
        title=_("Signals per theme, %(quarter)s") % {"quarter": this.label},
    )
    context = {
        "this": this,
        "last": this.previous,
        "by_category": by_category,
        "by_theme": by_theme,
        "category_chart": category_chart,
        "theme_chart": theme_chart,
    }
    return render(request, "adviesgroep/signal_aggregation.html", context)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    """Keep a spreadsheet from reading a cell as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@advisory_required
@require_GET
def aggregation_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"signalen-per-categorie-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([_("quarter"), _("barrier category"), _("signals"), _("networks")])
    # The CSV goes to policy makers: no count under five, like the statistics page.
    for row in selectors.counts_per_category_and_quarter():
        writer.writerow(
            [
                _csv_cell(row["quarter"]),
                _csv_cell(row["category"]),
                selectors.suppress_small(row["signals"]),
                selectors.suppress_small(row["networks"]),
            ]
        )
    return response


@login_required
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    if not may_see_stats(request.user):
        raise Http404
    quarters = selectors.last_quarters(4)
    return render(request, "adviesgroep/network_stats.html", {"stats": selectors.network_stats(quarters=quarters)})


# --- knowledge base and policy -----------------------------------------------------------------


@login_required
@require_GET
def lesson_list(request: HttpRequest) -> HttpResponse:
    form = LessonSearchForm(request.GET or None)
    lessons = Lesson.objects.prefetch_related("categories").order_by("-created_at", "-pk")
    if form.is_valid():
        data = form.cleaned_data
        lessons = lessons.search(data["q"])
        if data["theme"]:
            lessons = lessons.filter(theme=data["theme"])
        if data["category"]:
            lessons = lessons.filter(categories=data["category"])
        if data["success_stories"]:
            lessons = lessons.filter(is_success_story=True)
    page = Paginator(lessons, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "adviesgroep/lesson_list.html", {"form": form, "page_obj": page})


@login_required
@require_GET
def lesson_detail(request: HttpRequest, lesson_pk: int) -> HttpResponse:
    lesson = get_object_or_404(Lesson.objects.prefetch_related("categories").select_related("created_by"), pk=lesson_pk)
    return render(request, "adviesgroep/lesson_detail.html", {"lesson": lesson})


@advisory_required
@require_http_methods(["GET", "POST"])
def lesson_edit(request: HttpRequest, lesson_pk: int | None = None) -> HttpResponse:
    lesson = get_object_or_404(Lesson, pk=lesson_pk) if lesson_pk else Lesson()
    if request.method == "POST":
        form = LessonForm(request.POST, instance=lesson, user=request.user)
        if form.is_valid():
            try:
                lesson = services.lesson_save(
                    lesson=form.save(commit=False), categories=form.cleaned_data["categories"], by=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The lesson was saved in the knowledge base."))
                return redirect("adviesgroep:lesson_detail", lesson_pk=lesson.pk)
    else:
        initial = {}
        source = request.GET.get("signal", "")
        if not lesson_pk and source.isdigit():
            signal = Signal.objects.filter(pk=int(source)).prefetch_related("categories").first()
            if signal is not None:
                initial = {
                    "source_signal": signal.pk,
                    "theme": signal.theme,
                    "categories": [c.pk for c in signal.categories.all()],
                    "is_success_story": signal.kind == SignalKind.SUCCESS,
                }
        form = LessonForm(instance=lesson, initial=initial, user=request.user)
    return render(request, "adviesgroep/lesson_form.html", {"form": form, "lesson": lesson})


@advisory_required
@require_GET
def policy_list(request: HttpRequest) -> HttpResponse:
    feedback = PolicyFeedback.objects.select_related("recorded_by").prefetch_related(
        Prefetch("signals", queryset=Signal.objects.only("pk", "kind", "theme", "sent_at"))
    )
    page = Paginator(feedback, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "adviesgroep/policyfeedback_list.html", {"page_obj": page})


@advisory_required
@require_http_methods(["GET", "POST"])
def policy_create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PolicyFeedbackForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.policy_feedback_record(
                    given_on=data["given_on"],
                    recipient=data["recipient"],
                    summary=data["summary"],
                    signals=data["signal_numbers"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The feedback to policy was recorded."))
                return redirect("adviesgroep:policy_list")
    else:
        form = PolicyFeedbackForm(
            initial={"given_on": timezone.localdate(), "signal_numbers": request.GET.get("signals", "")},
            user=request.user,
        )
    return render(request, "adviesgroep/policyfeedback_form.html", {"form": form})
