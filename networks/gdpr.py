"""The youth's rights under the GDPR: access (an export) and erasure (anonymisation).

Anonymisation keeps every row, so the counts and barrier categories that the advisory group's
statistics rest on stay true, and erases what points to the person: the names, the birth date
(an age band stays), contact details, and every free text written about the youth (intakes,
notes, plans, meetings, timeline, ...). The audit trail holds no personal values and is left
untouched.

The rows "about the youth" are found generically: everything that would be deleted with the
youth (Django's deletion collector, without deleting anything), and the rows that would only
lose their link to it (a signal of the youth's network stays, with network=NULL) with what they
would take along (the advice on it); so a model added later is covered as soon as it points
(directly or through the network) at the youth. The advisory group's shared knowledge (lessons,
feedback to policy) is kept for everyone; only the youth's names are scrubbed out of it.
Supporters who existed only for this youth (family abroad, a buddy without a login) are erased
too, and the youth's open networks are closed, so nothing is sent about the youth any more.

The export is a privacy officer's task (DESIGN.md, "Who may see what"): it needs the permission
`youths.export_youth_data` (the "Privacy officers" group, given in Django admin). Confidential
notes and need-to-know fields (the residence status) go into a marked section of the ZIP, so the
officer decides what goes out.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.db.models import Q
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from handovers.models import Handover
from handovers.services import network_close
from networks.audit import Action, audit_actor, record
from networks.choices import ClosureReason, NetworkStatus
from networks.models import CareNetwork, Membership, Supporter
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
# The advisory group's knowledge for all networks: it may point at the youth's signals but is not
# about the youth. Kept on erasure (the youth's names scrubbed out), left out of the export.
SHARED_KNOWLEDGE = ("adviesgroep.Lesson", "adviesgroep.PolicyFeedback")

EXPORT_PERMISSION = "youths.export_youth_data"
PRIVACY_OFFICERS_GROUP = "Privacy officers"  # made by youths/migrations/0005_privacy_officers_group.py
# Fields of the youth that the pages show only to some members (youths.services.youth_may_see_residence_status).
NEED_TO_KNOW_YOUTH_FIELDS = ("residence_status",)


def user_may_export_youth_data(user) -> bool:
    """DESIGN.md: "Export of everything about a youth is a privacy officer's task: a dedicated permission".

    `is_staff` or being the network's lead is not enough. An active superuser holds every
    permission (Django's has_perm), so a superuser may export too.
    """
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(EXPORT_PERMISSION)


def related_rows(youth: Youth) -> list[models.Model]:
    """Every row that belongs to the youth: what a delete of the youth would take along, and the
    rows that would only lose their link to it (SET_NULL, e.g. a signal of its network) with what
    those would take along in turn. The advisory group's shared knowledge is not included."""
    using = router.db_for_write(Youth)
    found: dict[tuple[str, object], models.Model] = {}
    roots: list[models.Model] = [youth]
    while roots:
        collector = NestedObjects(using=using)
        by_model = defaultdict(list)
        for row in roots:
            by_model[type(row)].append(row)
        for rows in by_model.values():
            collector.collect(rows)
        roots = []
        for instances in collector.data.values():
            for row in instances:
                found.setdefault((row._meta.label, row.pk), row)
        for (field, _value), batches in collector.field_updates.items():
            if field.model._meta.label in SHARED_KNOWLEDGE:
                continue
            for batch in batches:
                for row in batch:
                    key = (row._meta.label, row.pk)
                    if key not in found:
                        found[key] = row
                        roots.append(row)
    return [row for row in found.values() if not (isinstance(row, Youth) and row.pk == youth.pk)]


def supporters_only_for(youth: Youth):
    """Supporters without an organisation or a login who appear in this youth's networks only
    (family abroad, a volunteer buddy): the platform knows them through this youth alone."""
    here = Q(pk__in=Membership.objects.filter(network__youth=youth).values("supporter_id")) | Q(
        pk__in=Handover.objects.filter(network__youth=youth).values("successor_id")
    )
    elsewhere = Q(pk__in=Membership.objects.exclude(network__youth=youth).values("supporter_id")) | Q(
        pk__in=Handover.objects.exclude(network__youth=youth).values("successor_id")
    )
    return Supporter.objects.filter(here, organisation__isnull=True, user__isnull=True).exclude(elsewhere)


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
    names = [youth.first_name, youth.last_name]
    touched = []
    with audit_actor(by):
        for row in [*related_rows(youth), *supporters_only_for(youth)]:
            if _erase_texts(row):
                touched.append(type(row)._meta.model_name)
        touched.extend(_scrub_names_from_shared_knowledge(names))

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
        for network in CareNetwork.objects.filter(youth_id=youth.pk).open():
            youth_network_close_on_erasure(network=network, by=by)
            touched.append("carenetwork")
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


def _erase_texts(row) -> bool:
    """Erase every free text and JSON value of the row; True when something changed."""
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
    return bool(changed)


def _scrub_names_from_shared_knowledge(names: list[str]) -> list[str]:
    """Lessons and feedback to policy stay for every network; the youth's names go out of them."""
    words = [name for name in names if len(name.strip()) >= 2]
    if not words:
        return []
    pattern = re.compile(r"\b(" + "|".join(re.escape(word.strip()) for word in words) + r")\b", re.IGNORECASE)
    touched = []
    for label in SHARED_KNOWLEDGE:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        fields = _text_fields(model)
        mentions = Q()
        for field in fields:
            for word in words:
                mentions |= Q(**{f"{field.name}__icontains": word.strip()})
        for row in model._default_manager.filter(mentions):
            updates = {}
            for field in fields:
                value = getattr(row, field.attname) or ""
                new = pattern.sub(ERASED, value)
                if new != value:
                    updates[field.attname] = new[: field.max_length] if field.max_length else new
            if updates:
                model._default_manager.filter(pk=row.pk).update(**updates)
                touched.append(model._meta.model_name)
    return touched


def youth_network_close_on_erasure(*, network: CareNetwork, by=None) -> CareNetwork:
    """An erased youth's network is closed: access follows, and no reminder or invitation goes out about it."""
    return network_close(
        network=network,
        reason=ClosureReason.OTHER,
        note=_("Closed because the youth's data was erased."),
        by=by,
    )


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


def _is_confidential(row) -> bool:
    """A row kept to its author's organisation (a confidential note): only in the marked section."""
    return getattr(row, "confidential", False) is True


def _by_model(rows: list[models.Model]) -> dict[str, list[dict]]:
    by_model: dict[str, list[dict]] = {}
    for row in rows:
        by_model.setdefault(row._meta.label, []).append(_row_as_dict(row))
    for items in by_model.values():
        items.sort(key=lambda item: str(item["id"]))
    return dict(sorted(by_model.items()))


def youth_export_sections(*, youth: Youth) -> dict[str, dict]:
    """Everything stored about the youth, as plain data, by file of the ZIP.

    `youth.json` holds what every member of the network may read. What the pages show only to
    some members goes to `confidential/`: notes confidential to one organisation, and the
    need-to-know fields of the youth (the residence status); the privacy officer decides what of
    it goes out.
    """
    rows = related_rows(youth)
    exported_at = timezone.now().isoformat()
    youth_data = _row_as_dict(youth)
    need_to_know = {"id": youth.pk}
    for name in NEED_TO_KNOW_YOUTH_FIELDS:
        need_to_know[name] = youth_data.pop(name, None)
        display = getattr(youth, f"get_{name}_display", None)
        if display is not None:
            need_to_know[f"{name}_label"] = str(display())
    return {
        "youth.json": {
            "exported_at": exported_at,
            "youth": youth_data,
            "records": _by_model([row for row in rows if not _is_confidential(row)]),
        },
        "confidential/notes.json": {
            "exported_at": exported_at,
            "youth_id": youth.pk,
            "records": _by_model([row for row in rows if _is_confidential(row)]),
        },
        "confidential/need-to-know.json": {"exported_at": exported_at, "youth": need_to_know},
    }


def youth_export_data(*, youth: Youth) -> dict:
    """The general part of the export (youth.json): no confidential notes, no need-to-know fields."""
    return youth_export_sections(youth=youth)["youth.json"]


def _export_readme() -> str:
    return _(
        "Zorgnetwerk: everything kept about one youth (right of access, GDPR articles 15 and 20).\n"
        "\n"
        "youth.json and the folder pdf/ hold what every member of the youth's care network may read.\n"
        "\n"
        "CONFIDENTIAL: the folder confidential/ holds what the pages show only to some members:\n"
        "- notes.json: notes kept confidential to one organisation;\n"
        "- need-to-know.json: need-to-know fields, such as the residence status.\n"
        "The privacy officer decides, case by case, what of this folder goes out. Leave it out unless "
        "you decided it may be given.\n"
    )


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
    """A ZIP with README.txt, youth.json, the filled PDFs (which show no confidential note and no
    residence status) and the marked section confidential/."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _export_readme())
        for name, data in youth_export_sections(youth=youth).items():
            archive.writestr(name, json.dumps(data, cls=DjangoJSONEncoder, indent=2, default=str))
        for name, content in _pdfs_for(youth).items():
            archive.writestr(f"pdf/{name}", content)
    return buffer.getvalue()
