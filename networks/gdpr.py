"""The youth's rights under the GDPR: access (an export) and erasure (anonymisation).

Anonymisation keeps every row, so the counts and barrier categories that the advisory group's
statistics rest on stay true, and erases what points to the person: the names, the birth date
(an age band stays), contact details, and every free text written about the youth (intakes,
notes, plans, meetings, timeline, ...). The audit trail holds no personal values and is left
untouched.

The rows "about the youth" are found generically: everything that would be deleted with the
youth (Django's deletion collector, without deleting anything), so a model added later is
covered as soon as it points (directly or through the network) at the youth.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile

from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from networks.audit import Action, audit_actor, record
from networks.choices import NetworkStatus
from youths.models import Youth

ERASED = "[erased]"
# Fields of the youth that say nothing about who the youth is; everything else is erased.
YOUTH_KEPT_FIELDS = {
    "id",
    "gender",
    "residence_status",
    "school_situation",
    "housing",
    "birth_year_estimated",
    "anonymised_at",
    "created_at",
    "updated_at",
}
AGE_BAND_YEARS = 5


def related_rows(youth: Youth) -> list[models.Model]:
    """Every row that belongs to the youth: what a delete of the youth would take along."""
    collector = NestedObjects(using=router.db_for_write(Youth))
    collector.collect([youth])
    rows = []
    for model, instances in collector.data.items():
        if model is Youth:
            continue
        rows.extend(instances)
    return rows


def _text_fields(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices and not f.primary_key
    ]


def _json_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.JSONField)]


def _erased_value(field: models.Field, value):
    if value in (None, ""):
        return value
    if isinstance(field, models.EmailField | models.URLField | models.SlugField | models.UUIDField):
        return "" if field.blank else value
    if field.max_length and field.max_length < len(ERASED):
        return "" if field.blank else ERASED[: field.max_length]
    return ERASED


def _age_band_year(youth: Youth) -> int | None:
    born = youth.effective_birth_date
    if born is None:
        return None
    return born.year - born.year % AGE_BAND_YEARS


@transaction.atomic
def youth_anonymise(*, youth: Youth, by=None, reason: str = "", action: str = Action.ANONYMISE) -> list[str]:
    """Erase what identifies the youth and every free text about them; keep rows and counts.

    Returns the object types touched (for the command's report). The audit trail records who,
    when and the reason (the forms ask not to name the youth in it).
    """
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    touched = []
    with audit_actor(by):
        for row in related_rows(youth):
            changed = []
            for field in _text_fields(type(row)):
                value = getattr(row, field.attname)
                new = _erased_value(field, value)
                if new != value:
                    setattr(row, field.attname, new)
                    changed.append(field.name)
            for field in _json_fields(type(row)):
                if getattr(row, field.attname) not in (None, {}, []):
                    setattr(row, field.attname, {} if not field.null else None)
                    changed.append(field.name)
            if changed:
                type(row).objects.filter(pk=row.pk).update(**{f: getattr(row, f) for f in _attnames(row, changed)})
                touched.append(type(row)._meta.model_name)

        band_year = _age_band_year(youth)
        updates = {}
        for field in Youth._meta.concrete_fields:
            if field.name in YOUTH_KEPT_FIELDS:
                continue
            if isinstance(field, models.CharField | models.TextField):
                updates[field.attname] = "" if field.blank else ERASED
            elif field.null:
                updates[field.attname] = None
        updates["first_name"] = ERASED
        updates["last_name"] = f"#{youth.pk}"
        updates["birth_year_estimated"] = band_year
        updates["anonymised_at"] = timezone.now()
        Youth.objects.filter(pk=youth.pk).update(**updates)
        touched.append("youth")
        record(
            action,
            user=by,
            object_type="youth",
            object_id=youth.pk,
            youth_id=youth.pk,
            reason=reason,
        )
    return sorted(set(touched))


def _attnames(row, names):
    return [row._meta.get_field(name).attname for name in names]


def youths_due_for_retention(*, today: datetime.date | None = None):
    """Youths not yet anonymised whose networks are all closed, the last more than RETENTION_YEARS ago."""
    today = today or timezone.localdate()
    try:
        cutoff = today.replace(year=today.year - settings.RETENTION_YEARS)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - settings.RETENTION_YEARS, day=28)
    open_networks = models.Q(care_networks__status__in=[s for s in NetworkStatus.values if s != NetworkStatus.CLOSED])
    recent = models.Q(care_networks__ended_on__gte=cutoff) | models.Q(
        care_networks__ended_on__isnull=True, care_networks__updated_at__date__gte=cutoff
    )
    return (
        Youth.objects.filter(anonymised_at__isnull=True, care_networks__isnull=False)
        .exclude(open_networks)
        .exclude(recent)
        .distinct()
        .order_by("pk")
    )


# --- right of access --------------------------------------------------------------------------


def _row_as_dict(row) -> dict:
    data = model_to_dict(row, fields=[f.name for f in row._meta.concrete_fields])
    data["id"] = row.pk
    return data


def youth_export_data(*, youth: Youth) -> dict:
    """Everything stored about the youth, by model, as plain data."""
    by_model: dict[str, list[dict]] = {}
    for row in related_rows(youth):
        by_model.setdefault(row._meta.label, []).append(_row_as_dict(row))
    for rows in by_model.values():
        rows.sort(key=lambda item: str(item["id"]))
    return {
        "exported_at": timezone.now().isoformat(),
        "youth": _row_as_dict(youth),
        "records": dict(sorted(by_model.items())),
    }


def _pdfs_for(youth: Youth) -> dict[str, bytes]:
    """The filled PDFs (first conversations, network maps, action plans), drawn with the PDF
    module's own context builders; any that is not available is left out."""
    try:
        from actionplans.pdf_views import PLAN_TEMPLATE, plan_context
        from networks.pdf_views import NETWORK_MAP_TEMPLATE, network_map_context
        from youths.pdf_views import INTAKE_TEMPLATE, intake_context
        from zorgnetwerk.pdf import render_pdf
    except ImportError:
        return {}
    from actionplans.models import ActionPlan

    pdfs = {}
    for intake in youth.intakes.all():
        context = intake_context(youth=youth, intake=intake, blank=False)
        pdfs[f"first-conversation-{intake.pk}.pdf"] = render_pdf(INTAKE_TEMPLATE, context)
    for network in youth.care_networks.select_related("youth"):
        pdfs[f"network-map-{network.pk}.pdf"] = render_pdf(NETWORK_MAP_TEMPLATE, network_map_context(network))
        plan = ActionPlan.objects.filter(network=network).first()
        if plan is not None:
            context = plan_context(network=network, plan=plan, blank=False)
            pdfs[f"action-plan-{network.pk}.pdf"] = render_pdf(PLAN_TEMPLATE, context)
    return pdfs


def youth_export_zip(*, youth: Youth) -> bytes:
    """A ZIP with youth.json and, where available, the filled PDFs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "youth.json", json.dumps(youth_export_data(youth=youth), cls=DjangoJSONEncoder, indent=2, default=str)
        )
        for name, content in _pdfs_for(youth).items():
            archive.writestr(f"pdf/{name}", content)
    return buffer.getvalue()
