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


# --- layout checks -----------------------------------------------------------------------------

A4_WIDTH_PT = 595.28
RIGHT_MARGIN_PT = 16 / 25.4 * 72  # print.css: @page margin 16 mm left and right


def pdf_word_boxes(pdf: bytes) -> list[dict]:
    """Every word of the PDF with its page number and box in points (pdftotext -bbox, poppler)."""
    import re
    import subprocess  # noqa: S404 - poppler's pdftotext on a file we wrote
    import tempfile
    from html import unescape
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        out = Path(folder) / "doc.html"
        subprocess.run(["pdftotext", "-bbox", str(source), str(out)], check=True, capture_output=True)  # noqa: S603, S607
        html = out.read_text(encoding="utf-8")
    words = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S), start=1):
        page_width = float(re.search(r'width="([\d.]+)"', page)[1])
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
        ):
            x0, y0, x1, y1 = (float(value) for value in match.groups()[:4])
            words.append(
                {
                    "page": number,
                    "x0": x0,
                    "y0": y0,
                    "x1": x1,
                    "y1": y1,
                    "text": unescape(match[5]),
                    "width": page_width,
                }
            )
    return words


def words_past_right_margin(pdf: bytes, *, tolerance: float = 1.5) -> list[dict]:
    """The words whose box ends right of the page's right margin (or starts left of the left one)."""
    return [
        word
        for word in pdf_word_boxes(pdf)
        if word["x1"] > word["width"] - RIGHT_MARGIN_PT + tolerance or word["x0"] < RIGHT_MARGIN_PT - tolerance
    ]


def last_page_fill(pdf: bytes) -> float:
    """How far down the last page its lowest word sits, as a share of the page height."""
    words = pdf_word_boxes(pdf)
    last = max(word["page"] for word in words)
    body = [w for w in words if w["page"] == last and w["y1"] < 780]  # above the running footer
    return max((w["y1"] for w in body), default=0) / 842


def save_artifacts(name: str, pdf: bytes) -> None:
    """The PDF and a PNG per page (pdftoppm -r 50) in artifacts/pdf/, the CI artefact folder,
    for a person to look at. Nothing is written when poppler is missing."""
    import shutil
    import subprocess  # noqa: S404 - poppler's pdftoppm on a file we wrote
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "artifacts" / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.pdf"
    target.write_bytes(pdf)
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(target), str(folder / name)], check=True)  # noqa: S603, S607


# --- a network that stresses the layout --------------------------------------------------------

LONG_TEXT = (
    "Schoolloopbaanbegeleiding en trajectbegeleiding naar de arbeidsmarkt lopen nog niet gelijk; "
    "de jongere wil eerst Nederlands leren, dan een opleiding elektriciteit in het volwassenenonderwijs "
    "en ondertussen een studentenjob. Wil eerst Nederlands leren, 'مدرسه' en werk. "
)
STRESS_NAMES = [
    ("Maximiliaan-Alexander", "Vandenbroucke-Van Steenkiste"),
    ("محمد عبدالرحمن", "الحسینی"),
    ("فرشته", "احمدزی"),
    ("Marie-Christine", "Van de Velde-De Wilde"),
    ("Oluwaseun", "Adebayo-Ogunleye"),
    ("Guðrún", "Þórðardóttir"),
]


def build_stress_network(network, *, members: int = 30):
    """Fill `network` (the conftest network of Ahmad) up to `members` active members over every
    sector, with long names, Arabic-script names, long e-mail addresses and organisations, an
    intake and a plan with long texts, and a held round table: the worst a PDF must survive."""
    from accounts.choices import Sector
    from accounts.models import Organisation
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
    from networks.choices import MemberRole, Trust
    from networks.models import Supporter
    from networks.services import network_add_member
    from youths.models import Intake

    sectors = list(Sector)
    roles = list(MemberRole)
    trusts = [Trust.HIGH, Trust.SOME, Trust.LOW, Trust.UNKNOWN]
    existing = network.memberships.active().count()
    added = []
    for index in range(members - existing):
        sector = sectors[index % len(sectors)]
        first, last = STRESS_NAMES[index % len(STRESS_NAMES)]
        organisation, _ = Organisation.objects.get_or_create(
            name=f"Onthaalbureau Inburgering en Integratie Oost-Vlaanderen afdeling {index}", sector=sector
        )
        supporter = Supporter.objects.create(
            first_name=first,
            last_name=f"{last} {index}",
            function="Trajectbegeleider volwassenenonderwijs en inburgering",
            organisation=organisation,
            email=f"maximiliaanvandenbrouckevansteenkiste{index}@onthaalbureauinburgering.example",
            phone=f"+32 470 12 34 {index:02d}",
        )
        added.append(
            network_add_member(
                network=network,
                supporter=supporter,
                role=roles[index % len(roles)],
                sector=sector,
                youth_trust=trusts[index % len(trusts)],
                continues_after_18=index % 3 == 0,
                joins_online=index % 7 == 0,
            )
        )
    Intake.objects.filter(youth=network.youth).update(
        needs=LONG_TEXT * 2, what_goes_well=LONG_TEXT, current_support=LONG_TEXT, consent_given=True
    )
    plan, _ = ActionPlan.objects.get_or_create(network=network)
    for field in ("question_for_help", "situation_wellbeing", "situation_school", "situation_work", "strengths"):
        setattr(plan, field, LONG_TEXT * 2)
    plan.future_vision = plan.goal_short_term = plan.goal_long_term = LONG_TEXT
    plan.save()
    today = timezone.localdate()
    for number, domain in enumerate((Domain.SCHOOL, Domain.WORK, Domain.WELLBEING)):
        Action.objects.create(
            plan=plan,
            domain=domain,
            description=("Schoolloopbaanbegeleiding-aanvragen-bij-het-CLB " + LONG_TEXT)[:500],
            owner=added[number],
            deadline=today + datetime.timedelta(days=10 * (number + 1)),
            result=LONG_TEXT,
            evaluation_note="Nog niet bereikt: wachtlijst bij het volwassenenonderwijs.",
        )
    category, _ = BarrierCategory.objects.get_or_create(slug="pdf-stress", defaults={"name": "Taal en inburgering"})
    for _ in range(3):
        Barrier.objects.create(plan=plan, category=category, description=LONG_TEXT, helper=added[3])
        Referral.objects.create(plan=plan, partner="MindSpring", reason=LONG_TEXT[:300], referred_by=added[4])
        QuestionRoute.objects.create(plan=plan, question=LONG_TEXT[:300], member=added[5])
    starts = timezone.now() - datetime.timedelta(days=14)
    held = Meeting.objects.create(
        network=network,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        status="held",
        location="Sint-Lievenscollege, lokaal 12",
        decisions=LONG_TEXT,
    )
    held.attended.set(added[:12])
    upcoming = timezone.now() + datetime.timedelta(days=14)
    Meeting.objects.create(
        network=network, starts_at=upcoming, ends_at=upcoming + datetime.timedelta(hours=1), location=LONG_TEXT[:200]
    )
    network.next_contact_by = added[1]
    network.next_contact_on = today + datetime.timedelta(days=14)
    network.save(update_fields=["next_contact_by", "next_contact_on"])
    return network
