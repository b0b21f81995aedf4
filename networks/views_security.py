"""Pages of the privacy features: confidential notes, the network's audit trail for its lead,
and the export of everything about one youth (right of access)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEvent
from audit.trail import Action, record
from networks.access import get_network_for_user, get_open_network_for_user
from networks.gdpr import user_may_export_youth_data, youth_export_zip
from networks.models import CareNetwork, Note
from youths.models import Youth

AUDIT_PAGE_SIZE = 50


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["text", "confidential"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the note."))
        return text


def notes_for(network: CareNetwork, user) -> list[Note]:
    """The network's notes, each with `.text_visible` for this user (confidential ones hidden)."""
    notes = list(network.notes.select_related("author", "organisation").order_by("-created_at"))
    for note in notes:
        note.text_visible = note.readable_by(user)
        if not note.text_visible:
            note.text = ""
    return notes


@login_required
def note_create(request: HttpRequest, network_id: int) -> HttpResponse:
    """Add a note to the network; 'only my organisation' hides its text from the others."""
    network = get_open_network_for_user(request.user, network_id, queryset=CareNetwork.objects.select_related("youth"))
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = form.save(commit=False)
        note.network = network
        note.author = request.user
        note.organisation_id = request.user.organisation_id
        if note.confidential and note.organisation_id is None:
            form.add_error("confidential", _("Only members of an organisation can keep a note to it."))
        else:
            note.save()
            messages.success(request, _("The note was added."))
            return redirect("networks:network_detail", pk=network.pk)
    return render(
        request,
        "networks/note_form.html",
        {"form": form, "network": network, "youth": network.youth},
    )


def _lead_network_or_404(user, pk) -> CareNetwork:
    network = get_network_for_user(user, pk, queryset=CareNetwork.objects.select_related("youth", "lead__supporter"))
    if network.lead is None or network.lead.supporter.user_id != user.pk:
        raise Http404
    return network


@login_required
def network_audit(request: HttpRequest, pk: int) -> HttpResponse:
    """The network's audit trail, for its lead only (everyone else: 404)."""
    network = _lead_network_or_404(request.user, pk)
    events = AuditEvent.objects.filter(
        Q(network_id=network.pk) | Q(network_id__isnull=True, youth_id=network.youth_id)
    ).order_by("-at", "-pk")
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "networks/audit_list.html",
        {"network": network, "youth": network.youth, "page_obj": page, "events": page.object_list},
    )


def _youth_for_export(user, pk) -> Youth:
    """Any youth for a privacy officer (the permission youths.export_youth_data); 404 for everyone else,
    the network's lead and `is_staff` included."""
    if not user_may_export_youth_data(user):
        raise Http404
    return get_object_or_404(Youth, pk=pk)


@login_required
@require_POST
def youth_export(request: HttpRequest, youth_id: int) -> HttpResponse:
    """Right of access: everything about one youth as a ZIP (JSON and the PDFs); logged."""
    youth = _youth_for_export(request.user, youth_id)
    data = youth_export_zip(youth=youth)
    record(Action.EXPORT, request=request, object_type="youth", object_id=youth.pk, youth_id=youth.pk)
    request._audit_recorded = True
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="youth-{youth.pk}-export.zip"'
    return response


EXPORT_SEARCH_LIMIT = 50


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
    return render(request, "networks/youth_export_search.html", {"query": query, "youths": youths})


@login_required
def youth_export_page(request: HttpRequest, youth_id: int) -> HttpResponse:
    """The privacy officer's page for one youth's export (what is in the ZIP, and the button)."""
    youth = _youth_for_export(request.user, youth_id)
    return render(request, "networks/youth_export.html", {"youth": youth})


def privacy_page(request: HttpRequest) -> HttpResponse:
    """What is kept, why, how long, who sees it, whom to contact. Public."""
    from django.conf import settings

    return render(
        request,
        "privacy.html",
        {"retention_years": settings.RETENTION_YEARS, "privacy_contact": settings.PRIVACY_CONTACT_EMAIL},
    )
