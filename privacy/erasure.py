"""The youth's right to erasure, on request or when the retention period is over: anonymisation.

Anonymisation keeps every row, so the counts and barrier categories that the advisory group's
statistics rest on stay true, and erases what points to the person: the names, the birth date
(an age band stays), contact details, and every free text written about the youth (intakes,
notes, plans, meetings, timeline, ...). The audit trail holds no personal values and is left
untouched.

The advisory group's shared knowledge (lessons, feedback to policy) is kept for everyone; only
the youth's names are scrubbed out of it. Supporters who existed only for this youth (family
abroad, a buddy without a login) are erased too, and the youth's open networks are closed, so
nothing is sent about the youth any more.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.trail import Action, audit_actor, record
from handovers.services import network_close
from networks.choices import ClosureReason
from networks.models import CareNetwork
from privacy.selectors import SHARED_KNOWLEDGE, related_rows, supporters_only_for
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
