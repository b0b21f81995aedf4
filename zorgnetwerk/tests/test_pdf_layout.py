"""Every printable template, blank and filled from a 30-member stress network, read back from
the PDF: page counts, no word past the right margin, the fields a coach needs. Each PDF and a
PNG per page land in artifacts/pdf/ (the CI artefact folder) for a person to look at."""

import pytest
from django.urls import reverse

from youths.youth_texts import LANGUAGES
from zorgnetwerk.tests.pdf_helpers import (
    build_stress_network,
    last_page_fill,
    pdf_page_count,
    pdf_response_bytes,
    pdf_text,
    pdf_word_boxes,
    save_artifacts,
    words_past_right_margin,
)

pytestmark = pytest.mark.django_db

LEAFLET_CODES = list(LANGUAGES)


@pytest.fixture
def stress(network):
    return build_stress_network(network)


def _get(client, name, *args, **params) -> bytes:
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200, (name, response.status_code)
    return pdf_response_bytes(response)


def _page_words(pdf: bytes, page: int) -> str:
    return " ".join(word["text"] for word in pdf_word_boxes(pdf) if word["page"] == page)


def _check_margins(pdf: bytes, label: str) -> None:
    overflow = words_past_right_margin(pdf)
    assert not overflow, f"{label}: words past the margin: {[(w['page'], w['text']) for w in overflow[:8]]}"


@pytest.mark.parametrize("code", LEAFLET_CODES)
def test_the_blank_leaflet_fits_one_sheet_in_every_language(coach_client, code):
    pdf = _get(coach_client, "youths:youth_leaflet_blank_pdf", lang=code)
    save_artifacts(f"p09-blank-{code}", pdf)
    assert pdf_page_count(pdf) == 1
    _check_margins(pdf, f"p.9 blank {code}")


@pytest.mark.parametrize("code", LEAFLET_CODES)
def test_the_filled_leaflet_of_a_normal_network_fits_one_sheet_in_every_language(coach_client, network, code):
    pdf = _get(coach_client, "youths:youth_leaflet_pdf", network.youth.pk, lang=code)
    save_artifacts(f"p09-filled-{code}", pdf)
    assert pdf_page_count(pdf) == 1
    _check_margins(pdf, f"p.9 filled {code}")
    text = pdf_text(pdf)
    assert "Sara Vermeulen" in text and "Karim El Idrissi" in text


@pytest.mark.parametrize("code", LEAFLET_CODES)
def test_the_leaflet_with_the_qr_code_of_the_youths_link_fits_one_sheet_in_every_language(coach_client, network, code):
    response = coach_client.post(reverse("youthpage:youthlink_create", args=[network.pk]), {"code": "112233"})
    token = response.context["token"]
    response = coach_client.post(
        reverse("youthpage:youthlink_leaflet", args=[network.pk]), {"token": token, "lang": code}
    )
    assert response.status_code == 200
    pdf = pdf_response_bytes(response)
    save_artifacts(f"p09-qr-{code}", pdf)
    assert pdf_page_count(pdf) == 1
    _check_margins(pdf, f"p.9 with QR {code}")
    assert token in "".join(pdf_text(pdf).split())


def test_the_filled_leaflet_of_thirty_members_stays_inside_the_margins(coach_client, stress):
    for code in ("nl", "ar", "prs", "ti"):
        pdf = _get(coach_client, "youths:youth_leaflet_pdf", stress.youth.pk, lang=code)
        save_artifacts(f"p09-stress-{code}", pdf)
        _check_margins(pdf, f"p.9 stress {code}")


def test_the_blank_first_conversation_fits_two_pages_with_consent_on_the_first(coach_client):
    pdf = _get(coach_client, "youths:intake_blank_pdf")
    save_artifacts("p10-blank", pdf)
    assert pdf_page_count(pdf) <= 2
    _check_margins(pdf, "p.10 blank")
    first = _page_words(pdf, 1)
    for words in ("Toestemming", "Handtekening van de jongere", "Handtekening van de begeleider"):
        assert words in first, words
    for words in ("De eigen hulpvraag van de jongere", "Wie de jongere in het netwerk wil, en wie niet"):
        assert words in pdf_text(pdf), words


def test_the_first_conversation_of_the_stress_network_stays_inside_the_margins(coach_client, stress):
    pdf = _get(coach_client, "youths:youth_intake_pdf", stress.youth.pk)
    save_artifacts("p10-stress", pdf)
    _check_margins(pdf, "p.10 stress")
    assert "(niet ingevuld)" not in pdf_text(pdf)
    assert "Handtekening van de jongere" in _page_words(pdf, 1)


def test_the_blank_network_map_fits_two_pages(coach_client):
    pdf = _get(coach_client, "networks:network_map_blank_pdf")
    save_artifacts("p11-blank", pdf)
    assert pdf_page_count(pdf) <= 2
    _check_margins(pdf, "p.11 blank")


def test_the_network_map_of_thirty_members_stays_inside_the_margins(coach_client, stress):
    pdf = _get(coach_client, "networks:network_map_pdf", stress.pk)
    save_artifacts("p11-stress", pdf)
    _check_margins(pdf, "p.11 stress")
    assert last_page_fill(pdf) > 0.15, "a near-empty last page"


def test_the_network_map_of_a_small_network(coach_client, network):
    pdf = _get(coach_client, "networks:network_map_pdf", network.pk)
    save_artifacts("p11-filled", pdf)
    _check_margins(pdf, "p.11 filled")
    # The drawing on page 1; the table on page 2, with rows to write on for who joins at the table.
    assert pdf_page_count(pdf) == 2
    assert "Begeleiders" not in _page_words(pdf, 1) and "Sara Vermeulen (trekker)" in _page_words(pdf, 2)


def test_the_network_map_never_ends_on_a_near_empty_page_whatever_the_size(coach_client, network):
    # Before: from five members on, one or two rows sat alone on a second page.
    from accounts.choices import Sector
    from networks.choices import MemberRole
    from networks.services import network_add_member
    from networks.tests.factories import OrganisationFactory, SupporterFactory

    pdfs = {3: _get(coach_client, "networks:network_map_pdf", network.pk)}
    for count in range(4, 29):
        organisation = OrganisationFactory(name=f"Dienst {count} Gent-Zuid", sector=list(Sector)[count % 10])
        supporter = SupporterFactory(
            first_name=f"Voornaam{count}",
            last_name="Van den Broecke",
            organisation=organisation,
            email=f"begeleider{count}@dienst{count}.example",
            phone="0470 12 34 56",
        )
        network_add_member(network=network, supporter=supporter, role=MemberRole.SOCIAL_WORKER)
        if count in (5, 9, 14, 20, 21, 28):
            pdfs[count] = _get(coach_client, "networks:network_map_pdf", network.pk)
    for count, pdf in pdfs.items():
        assert pdf_page_count(pdf) == 2, count
        assert last_page_fill(pdf) > 0.4, (count, last_page_fill(pdf))
        _check_margins(pdf, f"p.11 with {count} members")


def test_the_blank_action_plan_takes_at_most_two_pages(coach_client):
    pdf = _get(coach_client, "actionplans:plan_blank_pdf")
    save_artifacts("p12-blank", pdf)
    assert pdf_page_count(pdf) <= 2
    _check_margins(pdf, "p.12 blank")


def test_the_action_plan_of_the_stress_network_stays_inside_the_margins(coach_client, stress):
    pdf = _get(coach_client, "actionplans:plan_pdf", stress.pk)
    save_artifacts("p12-stress", pdf)
    _check_margins(pdf, "p.12 stress")
    text = pdf_text(pdf)
    assert "MindSpring (MindSpring)" not in text


def test_the_action_plan_before_the_first_round_table_prints_rows_to_write_on(coach_client, network):
    pdf = _get(coach_client, "actionplans:plan_pdf", network.pk)
    save_artifacts("p12-no-plan", pdf)
    _check_margins(pdf, "p.12 no plan")
    assert pdf_page_count(pdf) <= 2


def test_the_shared_dossier_of_thirty_members_stays_inside_the_margins(coach_client, stress):
    pdf = _get(coach_client, "handovers:shared_dossier_pdf", stress.pk)
    save_artifacts("overdracht-stress", pdf)
    _check_margins(pdf, "overdrachtsdossier stress")
    text = pdf_text(pdf)
    for words in ("Met welke vraag bij wie", "Volgend overleg", "Wie roept samen", "Sinds", "Na 18"):
        assert words in text, words
    assert "+32 470 12 34 26" in text  # the last of 30 members, with a phone on its own line


def test_a_young_network_with_a_handover_note_keeps_its_shared_dossier_on_one_sheet(coach_client, network):
    # Empty lists print as one line, not as empty tables (with empty tables the demo's dossier of
    # Nour put its handover note alone on a second page, 18 % full; now it is one sheet).
    from django.utils import timezone

    from handovers.models import Handover
    from networks.tests.factories import SupporterFactory

    karim = network.memberships.get(supporter__first_name="Karim")
    karim.left_on = timezone.localdate()
    karim.save(update_fields=["left_on"])
    Handover.objects.create(
        network=network,
        leaver=karim,
        successor=SupporterFactory(first_name="Nina", last_name="Janssens"),
        successor_role="housing_counsellor",
        reason="youth_moves",
        status="accepted",
        note=(
            "Ahmad woont sinds deze maand in Minor Ndako.\nWat werkt: samen koken, dan praat hij het makkelijkst.\n"
            "Let op: hij mist zijn broer, die in Antwerpen woont; contact met hem helpt.\n"
            "Hij wil na de zomer starten met een opleiding elektriciteit bij het CVO."
        ),
    )
    pdf = _get(coach_client, "handovers:shared_dossier_pdf", network.pk)
    save_artifacts("overdracht-filled", pdf)
    assert pdf_page_count(pdf) == 1
    text = pdf_text(pdf)
    assert "Geen open drempels. Geen open doorverwijzingen." in text and "Nog niets opgelijst." in text
    assert "Ahmad woont sinds deze maand in Minor Ndako." in text


@pytest.mark.parametrize("code", ["nl", "prs", "ti"])
def test_the_leaflet_of_a_twelve_member_network_with_long_names_fits_one_sheet(coach_client, network, code):
    from actionplans.models import QuestionRoute

    build_stress_network(network, members=12)
    QuestionRoute.objects.filter(plan__network=network).update(question="Vragen over school en papieren")
    pdf = _get(coach_client, "youths:youth_leaflet_pdf", network.youth.pk, lang=code)
    save_artifacts(f"p09-twelve-{code}", pdf)
    assert pdf_page_count(pdf) == 1
    _check_margins(pdf, f"p.9 twelve members {code}")


@pytest.mark.parametrize("code", LEAFLET_CODES)
def test_the_leaflet_of_thirty_members_fits_one_sheet_in_every_language_with_and_without_the_qr_code(
    coach_client, stress, code
):
    pdf = _get(coach_client, "youths:youth_leaflet_pdf", stress.youth.pk, lang=code)
    save_artifacts(f"p09-stress-sheet-{code}", pdf)
    assert pdf_page_count(pdf) == 1
    _check_margins(pdf, f"p.9 stress {code}")
    text = pdf_text(pdf)
    assert "+22" in text  # 8 people listed, the other 22: "ask your contact person"
    assert stress.lead.supporter.last_name in text  # the contact person is always listed
    answers = stress.memberships.filter(question_routes__isnull=False).first()
    assert answers.supporter.last_name in text  # and whoever answers a question

    response = coach_client.post(reverse("youthpage:youthlink_create", args=[stress.pk]), {"code": "112233"})
    token = response.context["token"]
    response = coach_client.post(
        reverse("youthpage:youthlink_leaflet", args=[stress.pk]), {"token": token, "lang": code}
    )
    assert response.status_code == 200
    pdf = pdf_response_bytes(response)
    save_artifacts(f"p09-stress-qr-{code}", pdf)
    assert pdf_page_count(pdf) == 1
    _check_margins(pdf, f"p.9 stress with QR {code}")


def test_every_pdf_a_lead_of_the_demo_can_download_prints_well(db, settings, client):
    """Walk the demo as its leads would: every template of every network, p.9 in every language.
    p.9 is one sheet; no word passes the margins; no last page is nearly empty."""
    from django.core.management import call_command

    from networks.models import CareNetwork

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    problems, count = [], 0
    for network in CareNetwork.objects.select_related("youth", "lead__supporter__user"):
        client.force_login(network.lead.supporter.user)
        downloads = {
            "p.10": reverse("youths:youth_intake_pdf", args=[network.youth.pk]),
            "p.11": reverse("networks:network_map_pdf", args=[network.pk]),
            "p.12": reverse("actionplans:plan_pdf", args=[network.pk]),
            "dossier": reverse("handovers:shared_dossier_pdf", args=[network.pk]),
        }
        for code in LEAFLET_CODES:
            downloads[f"p.9 {code}"] = reverse("youths:youth_leaflet_pdf", args=[network.youth.pk]) + f"?lang={code}"
        for name, address in downloads.items():
            response = client.get(address)
            assert response.status_code == 200, (network.youth.first_name, name)
            pdf = pdf_response_bytes(response)
            count += 1
            pages = pdf_page_count(pdf)
            where = f"{network.youth.first_name}: {name}"
            if name.startswith("p.9") and pages != 1:
                problems.append(f"{where} has {pages} pages")
            if pages > 1 and last_page_fill(pdf) < 0.3:
                problems.append(f"{where} ends on a near-empty page ({last_page_fill(pdf):.0%})")
            if words_past_right_margin(pdf):
                problems.append(f"{where} has words past the margin")
    assert count >= 100
    assert not problems, problems
