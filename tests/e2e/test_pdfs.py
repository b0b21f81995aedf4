"""The four printable templates of the playbook (p.9–p.12) and the shared dossier, downloaded in the browser."""

import io

import pytest
from pypdf import PdfReader

from actionplans.tests.factories import ActionFactory, ActionPlanFactory

pytestmark = pytest.mark.browser


def download(page, locator) -> tuple[str, str]:
    """Click a download link; return the suggested file name and the PDF's text."""
    with page.expect_download() as info:
        locator.click()
    download = info.value
    content = open(download.path(), "rb").read()  # noqa: SIM115
    assert content.startswith(b"%PDF-"), f"{download.suggested_filename} is not a PDF"
    text = "\n".join(pdf_page.extract_text() or "" for pdf_page in PdfReader(io.BytesIO(content)).pages)
    return download.suggested_filename, text


def test_coach_downloads_each_filled_pdf_from_the_network_page(page, url, log_in, visit, follow, coach, network):
    ActionFactory(plan=ActionPlanFactory(network=network), description="Intake bij VDAB plannen")
    log_in(coach)
    visit(url("networks:network_detail", network.pk))
    downloads = page.get_by_role("region", name="Afdrukken (pdf)")

    name, text = download(page, downloads.get_by_role("button", name="p. 9 · Voor de jongere (PDF)"))
    assert name.endswith(".pdf") and "zorgnetwerkje" in text.lower()
    downloads.get_by_label("Taal van de folder").select_option(index=1)
    name, text = download(page, downloads.get_by_role("button", name="p. 9 · Voor de jongere (PDF)"))
    assert name.endswith(".pdf") and text.strip()

    name, text = download(page, downloads.get_by_role("link", name="p. 10 · Eerste gesprek"))
    assert "Ahmad" in text and "Eerste gesprek" in text
    name, text = download(page, downloads.get_by_role("link", name="p. 11 · Netwerkkaart"))
    assert "Karim El Idrissi" in text and "Netwerkkaart" in text
    name, text = download(page, downloads.get_by_role("link", name="p. 12 · Actieplan"))
    assert "Intake bij VDAB plannen" in text and "Actieplan" in text

    follow(page.get_by_role("link", name="Gedeeld dossier").first)
    name, text = download(page, page.get_by_role("link", name="Downloaden als pdf (overdrachtsdossier)"))
    assert "Ahmad" in text and "Sara Vermeulen" in text


def test_blank_templates_to_print_are_downloadable_including_the_youth_leaflet_in_arabic(page, log_in, follow, coach):
    log_in(coach)
    follow(page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Sjablonen"))
    main = page.get_by_role("main")

    name, text = download(page, main.get_by_role("button", name="Pdf downloaden"))
    assert "zorgnetwerkje" in text.lower()
    assert "vertaling na te kijken door een moedertaalspreker" in main.get_by_label("Taal").inner_text()
    main.get_by_label("Taal").select_option(value="ar")
    name, text = download(page, main.get_by_role("button", name="Pdf downloaden"))
    arabic_script = [c for c in text if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff"]
    assert arabic_script, "the p.9 leaflet in Arabic script"

    links = main.get_by_role("link", name="Pdf downloaden")
    assert links.count() == 3
    for index, title in enumerate(["Eerste gesprek", "Netwerkkaart", "Actieplan"]):
        name, text = download(page, links.nth(index))
        assert title in text, f"the blank {title} template"
