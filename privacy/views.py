"""The public privacy page, and the privacy officer's export of everything about one youth (right of access)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from audit.trail import Action, record
from privacy.export import user_may_export_youth_data, youth_export_zip
from youths.models import Youth

EXPORT_SEARCH_LIMIT = 50


def privacy_page(request: HttpRequest) -> HttpResponse:
    """What is kept, why, how long, who sees it, whom to contact. Public."""
    return render(
        request,
        "privacy/privacy_page.html",
        {"retention_years": settings.RETENTION_YEARS, "privacy_contact": settings.PRIVACY_CONTACT_EMAIL},
    )


def _youth_for_export(user, pk) -> Youth:
    """Any youth for a privacy officer (the permission youths.export_youth_data); 404 for everyone else,
    the network's lead and `is_staff` included."""
    if not user_may_export_youth_data(user):
        raise Http404
    return get_object_or_404(Youth, pk=pk)


@login_required
@require_POST
def youth_export(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Right of access: everything about one youth as a ZIP (JSON and the PDFs); logged."""
    youth = _youth_for_export(request.user, youth_pk)
    data = youth_export_zip(youth=youth)
    record(Action.EXPORT, request=request, object_type="youth", object_id=youth.pk, youth_id=youth.pk)
    request._audit_recorded = True
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="youth-{youth.pk}-export.zip"'
    return response


@login_required
def youth_export_search(request: HttpRequest) -> HttpResponse:
    """The privacy officer finds the youth who asked for their data, by name; 404 for everyone else."""
    if not user_may_export_youth_data(request.user):
        raise Http404
    query = request.GET.get("q", "").strip()[:200]
    youths = Youth.objects.none()
    if query:
        youths = Youth.objects.all()
        for word in query.split()[:5]:
            youths = youths.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        youths = youths.order_by("last_name", "first_name", "pk")[:EXPORT_SEARCH_LIMIT]
    return render(request, "privacy/youth_export_search.html", {"query": query, "youths": youths})


@login_required
def youth_export_page(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """The privacy officer's page for one youth's export (what is in the ZIP, and the button)."""
    youth = _youth_for_export(request.user, youth_pk)
    return render(request, "privacy/youth_export.html", {"youth": youth})
