"""The youth's right of access: everything kept about one youth, as a ZIP for the privacy officer.

The export is a privacy officer's task (DESIGN.md, "Who may see what"): it needs the permission
`youths.export_youth_data` (the "Privacy officers" group, given in Django admin). Confidential
notes and need-to-know fields (the residence status) go into a marked section of the ZIP, so the
officer decides what goes out.
"""

from __future__ import annotations

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from privacy.selectors import related_rows
from youths.models import Youth

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
