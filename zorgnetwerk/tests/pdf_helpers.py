"""Helpers shared by the PDF tests of youths, networks and actionplans."""

import datetime
import io

from django.utils import timezone
from pypdf import PdfReader

from actionplans.models import (
    Action,
    ActionPlan,
    Barrier,
    BarrierCategory,
    Domain,
    Meeting,
    QuestionRoute,
    Referral,
)


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF, pages joined, whitespace folded (lines wrap anywhere)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_response_bytes(response) -> bytes:
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content) if response.streaming else response.content


def memberships_by_name(network) -> dict:
    return {m.supporter.first_name: m for m in network.memberships.select_related("supporter")}


def fill_plan(network) -> ActionPlan:
    """A plan with distinctive values in every part that p.12 prints."""
    members = memberships_by_name(network)
    plan, _ = ActionPlan.objects.get_or_create(network=network)
    plan.question_for_help = "Vraag-om-hulp-Elektricien"
    plan.situation_wellbeing = "Welbevinden-Slaapt-Slecht"
    plan.situation_school = "School-OKAN-Niveau-A2"
    plan.situation_work = "Werk-Vakantiejob-Gezocht"
    plan.strengths = "Sterkte-Doorzetter"
    plan.future_vision = "Toekomst-Eigen-Zaak"
    plan.goal_short_term = "Doel-Kort-Fietsexamen"
    plan.goal_long_term = "Doel-Lang-Diploma"
    plan.save()
    today = timezone.localdate()
    Action.objects.create(
        plan=plan,
        domain=Domain.SCHOOL,
        description="Actie-Inschrijven-Avondschool",
        owner=members["Sara"],
        deadline=today + datetime.timedelta(days=10),
    )
    Action.objects.create(
        plan=plan,
        domain=Domain.WORK,
        description="Actie-CV-Maken",
        owner=members["Karim"],
        deadline=today + datetime.timedelta(days=20),
    )
    Action.objects.create(
        plan=plan,
        domain=Domain.WELLBEING,
        description="Actie-Slaapritme-Bijhouden",
        owner_is_youth=True,
        deadline=today + datetime.timedelta(days=30),
    )
    Action.objects.create(
        plan=plan,
        domain=Domain.WORK,
        description="Actie-Al-Afgerond",
        owner_is_youth=True,
        deadline=today,
        status="done",
    )
    category, _ = BarrierCategory.objects.get_or_create(slug="pdf-test", defaults={"name": "Categorie-PDF-Test"})
    Barrier.objects.create(plan=plan, category=category, description="Drempel-COVAAR-Test", helper=members["Karim"])
    Referral.objects.create(
        plan=plan, partner="Partner-Jobteam-Gent", reason="Reden-Na-18", referred_by=members["Karim"]
    )
    QuestionRoute.objects.create(plan=plan, question="Vraag-Over-Papieren", member=members["Jan"])
    starts = timezone.now() + datetime.timedelta(days=7)
    Meeting.objects.create(
        network=network, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1), location="Lokaal-Twaalf"
    )
    network.next_contact_by = members["Jan"]
    network.save(update_fields=["next_contact_by"])
    return plan


PLAN_VALUES = [
    "Vraag-om-hulp-Elektricien",
    "Welbevinden-Slaapt-Slecht",
    "School-OKAN-Niveau-A2",
    "Werk-Vakantiejob-Gezocht",
    "Doel-Kort-Fietsexamen",
    "Doel-Lang-Diploma",
    "Actie-Inschrijven-Avondschool",
    "Actie-CV-Maken",
    "Actie-Slaapritme-Bijhouden",
    "Drempel-COVAAR-Test",
    "Partner-Jobteam-Gent",
    "Vraag-Over-Papieren",
    "Lokaal-Twaalf",
]
