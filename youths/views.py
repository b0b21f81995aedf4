from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from networks.choices import NetworkStatus
from networks.models import CareNetwork, NetworkClosed, TimelineEntry
from youths.forms import IntakeForm, YouthFilterForm, YouthForm
from youths.models import Intake, Youth
from youths.services import intake_create, intake_update, youth_create, youth_may_see_residence_status, youth_update

YOUTHS_PER_PAGE = 25
TIMELINE_PER_PAGE = 20
# The age filter of the youth list: (at least, under) years.
AGE_BANDS = {"under16": (0, 16), "16-17": (16, 18), "18plus": (18, None)}


def youth_list_queryset(user, filters: dict):
    """The youths the user may see, each with the status and intensity of its open network (one query)."""
    open_networks = CareNetwork.objects.visible_to(user).open().filter(youth=OuterRef("pk")).order_by("-created_at")
    youths = Youth.objects.visible_to(user).annotate(
        open_network_id=Subquery(open_networks.values("pk")[:1]),
        network_status=Coalesce(Subquery(open_networks.values("status")[:1]), Value(NetworkStatus.CLOSED.value)),
        network_intensity=Subquery(open_networks.values("intensity")[:1]),
    )
    if query := filters.get("q"):
        for word in query.split():
            youths = youths.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    if school := filters.get("school_situation"):
        youths = youths.filter(school_situation=school)
    if status := filters.get("network_status"):
        youths = youths.filter(network_status=status)
    if intensity := filters.get("intensity"):
        youths = youths.filter(network_intensity=intensity)
    if band := filters.get("age_band"):
        at_least, under = AGE_BANDS[band]
        youths = youths.aged(at_least, under)
    return youths.order_by("first_name", "last_name", "pk")


@login_required
def youth_list(request: HttpRequest) -> HttpResponse:
    form = YouthFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(youth_list_queryset(request.user, filters), YOUTHS_PER_PAGE).get_page(request.GET.get("page"))
    statuses = dict(NetworkStatus.choices)
    for youth in page:
        youth.network_status_display = statuses.get(youth.network_status, "")
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "youths/youth_list.html",
        {"form": form, "page": page, "youths": page.object_list, "querystring": query.urlencode()},
    )


@login_required
def youth_create_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_advisory:  # the advisory group sees signals, never a dossier
        raise Http404
    form = YouthForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        youth = youth_create(by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("%(youth)s was registered. A network is being prepared; start with the first conversation.")
            % {"youth": youth.full_name},
        )
        return redirect("youths:youth_detail", youth_pk=youth.pk)
    return render(request, "youths/youth_form.html", {"form": form})


def _after_intake(user, youth: Youth, intake: Intake) -> HttpResponse:
    """After the first conversation the next step is the network (step 2): land on the network page,
    whose stappenplan bar offers it; without consent yet, back to the conversation."""
    network = CareNetwork.objects.visible_to(user).open().filter(youth=youth).order_by("-created_at").first()
    if network is None or not intake.consent_given:
        return redirect("youths:intake_detail", intake_pk=intake.pk)
    return redirect("networks:network_detail", network_pk=network.pk)


def _youth_for_change(user, pk) -> Youth:
    """The youth, if the user is in one of its open networks; a youth with only a closed network is read-only."""
    youth = get_object_or_404(Youth.objects.visible_to(user), pk=pk)
    visible = CareNetwork.objects.visible_to(user).filter(youth=youth)
    if not visible.open().exists():
        raise NetworkClosed(visible.order_by("-created_at").first())
    return youth


@login_required
def youth_update_view(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _youth_for_change(request.user, youth_pk)
    form = YouthForm(request.POST or None, instance=youth, user=request.user)
    if request.method == "POST" and form.is_valid():
        youth_update(youth=Youth.objects.get(pk=youth.pk), by=request.user, **form.cleaned_data)
        messages.success(request, _("The details of %(youth)s were saved.") % {"youth": youth.full_name})
        return redirect("youths:youth_detail", youth_pk=youth.pk)
    return render(request, "youths/youth_form.html", {"form": form, "youth": youth})


@login_required
def youth_detail(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = get_object_or_404(Youth.objects.visible_to(request.user), pk=youth_pk)
    networks = list(
        CareNetwork.objects.visible_to(request.user)
        .filter(youth=youth)
        .select_related("lead__supporter", "continuity_figure__supporter", "next_contact_by__supporter")
        .order_by("-created_at")
    )
    network = next((n for n in networks if not n.is_closed), networks[0] if networks else None)
    members = []
    if network is not None:
        members = list(network.memberships.active().select_related("supporter__organisation"))
    timeline = TimelineEntry.objects.filter(youth=youth).select_related("actor")
    timeline_page = Paginator(timeline, TIMELINE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "youths/youth_detail.html",
        {
            "youth": youth,
            "network": network,
            "networks": networks,
            "members": members,
            "intakes": list(youth.intakes.all()),
            "consents": list(youth.sharing_consents.active().select_related("organisation")),
            "timeline_page": timeline_page,
            "may_see_residence_status": youth_may_see_residence_status(request.user, youth),
            "can_change": network is not None and not network.is_closed,
        },
    )


@login_required
def intake_create_view(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _youth_for_change(request.user, youth_pk)
    form = IntakeForm(request.POST or None, instance=Intake(youth=youth))
    if request.method == "POST" and form.is_valid():
        intake = intake_create(youth=youth, by=request.user, **form.cleaned_data)
        messages.success(request, _("The first conversation was saved."))
        return _after_intake(request.user, youth, intake)
    return render(request, "youths/intake_form.html", {"form": form, "youth": youth})


@login_required
def intake_detail(request: HttpRequest, intake_pk: int) -> HttpResponse:
    intake = get_object_or_404(Intake.objects.visible_to(request.user).select_related("youth"), pk=intake_pk)
    return render(request, "youths/intake_detail.html", {"intake": intake, "youth": intake.youth})


@login_required
def intake_update_view(request: HttpRequest, intake_pk: int) -> HttpResponse:
    intake = get_object_or_404(Intake.objects.visible_to(request.user).select_related("youth"), pk=intake_pk)
    youth = _youth_for_change(request.user, intake.youth_id)
    form = IntakeForm(request.POST or None, instance=intake)
    if request.method == "POST" and form.is_valid():
        intake = intake_update(intake=Intake.objects.get(pk=intake.pk), by=request.user, **form.cleaned_data)
        messages.success(request, _("The first conversation was saved."))
        return _after_intake(request.user, youth, intake)
    return render(request, "youths/intake_form.html", {"form": form, "youth": youth, "intake": intake})
