"""A PDF never fetches anything but our own static files, whatever a user types.

The URL fetcher is the last wall: templates escape user text, so it cannot reach the fetcher
at all; and even raw HTML (as if a template forgot to escape) fetches nothing outside static/.
"""

import logging
import socket

import pytest
from django.urls import reverse

from actionplans.models import ActionPlan
from networks.models import Supporter
from youths.models import Intake
from zorgnetwerk.pdf import (
    DATA_URL_MAX_BYTES,
    PDFFetchRefused,
    StaticOnlyURLFetcher,
    html_to_pdf,
    pdf_filename,
    pdf_response,
    static_base_url,
)
from zorgnetwerk.tests.pdf_helpers import pdf_response_bytes, pdf_text

PASSWD_LINE = "root:x:0:0"
STATIC = static_base_url()

HOSTILE_URLS = [
    "file:///etc/passwd",
    "file://localhost/etc/passwd",
    "file://evil.example/share/x.css",
    "http://169.254.169.254/latest/meta-data/",
    "https://example.org/tracker.png",
    "ftp://example.org/x.css",
    "gopher://example.org/",
    "file:///dev/urandom",
    STATIC + "../manage.py",
    STATIC + "pdf/%2e%2e/%2e%2e/zorgnetwerk/settings.py",
    STATIC + "pdf/does-not-exist.css",
    "data:text/plain;base64," + "A" * (DATA_URL_MAX_BYTES * 2),
    # A drawing no view made for this document (a fetcher without drawings serves none).
    "generated:ecomap.svg",
    "generated:../../etc/passwd",
]

HOSTILE_HTML = """<!doctype html><html><head>
<link rel="stylesheet" href="http://169.254.169.254/latest/meta-data/">
<link rel="stylesheet" href="file:///etc/passwd">
<style>
  @import url("file:///etc/passwd");
  @import "http://169.254.169.254/style.css";
  @font-face { font-family: Evil; src: url("https://example.org/font.woff2"); }
  body { background: url("file:///etc/passwd"); font-family: Evil, sans-serif; }
</style></head><body>
<p>Still renders</p>
<img src="file:///etc/passwd"><img src="/dev/urandom"><img src="../../../../etc/passwd">
<img src="http://169.254.169.254/latest/meta-data/iam">
<object data="file:///etc/passwd"></object><embed src="file:///etc/passwd"><iframe src="file:///etc/passwd"></iframe>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
  <image href="file:///etc/passwd" width="10" height="10"/>
  <image xlink:href="http://169.254.169.254/" width="10" height="10"/>
</svg>
<img src="pdf/icon-heart.svg">
</body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a PDF tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def fetch_log(monkeypatch):
    """Every URL any fetcher is asked for, and whether it was served."""
    log = []
    original = StaticOnlyURLFetcher.fetch

    def recording(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except PDFFetchRefused:
            log.append((url, False))
            raise
        log.append((url, True))
        return response

    monkeypatch.setattr(StaticOnlyURLFetcher, "fetch", recording)
    return log


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_fetcher_refuses_everything_outside_our_static_files(url, caplog):
    fetcher = StaticOnlyURLFetcher()
    with caplog.at_level(logging.WARNING, logger="zorgnetwerk.pdf"), pytest.raises(PDFFetchRefused):
        fetcher.fetch(url)
    assert fetcher.served == []
    assert "PDF resource refused" in caplog.text


def test_fetcher_serves_our_stylesheet_and_pictograms():
    fetcher = StaticOnlyURLFetcher()
    css = fetcher.fetch(STATIC + "pdf/print.css")
    assert css.content_type == "text/css"
    assert b"@page" in css.read()
    svg = fetcher.fetch(STATIC + "pdf/icon-network.svg")
    assert svg.content_type == "image/svg+xml"


def test_fetcher_serves_a_small_data_url_from_memory():
    response = StaticOnlyURLFetcher().fetch("data:text/plain;base64,aGFsbG8=")
    assert response.read() == b"hallo"


def test_fetcher_serves_only_the_drawings_made_for_its_document():
    fetcher = StaticOnlyURLFetcher(generated={"ecomap.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>'})
    response = fetcher.fetch("generated:ecomap.svg")
    assert response.content_type == "image/svg+xml"
    assert response.read() == b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    for url in ("generated:other.svg", "generated:", "generated:/etc/passwd"):
        with pytest.raises(PDFFetchRefused):
            fetcher.fetch(url)


def test_fetcher_refuses_a_symlink_that_leaves_static(tmp_path, settings):
    static_dir = tmp_path / "static"
    static_dir.mkdir()
    (static_dir / "passwd.css").symlink_to("/etc/passwd")
    settings.STATICFILES_DIRS = [static_dir]
    with pytest.raises(PDFFetchRefused):
        StaticOnlyURLFetcher().fetch(static_dir.as_uri() + "/passwd.css")


def test_raw_hostile_html_fetches_nothing_and_still_renders(db, fetch_log, no_network):
    pdf = html_to_pdf(HOSTILE_HTML)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Still renders" in text
    assert PASSWD_LINE not in text and b"root:x:0:0" not in pdf
    served = [url for url, ok in fetch_log if ok]
    refused = [url for url, ok in fetch_log if not ok]
    assert served == [STATIC + "pdf/icon-heart.svg"]
    assert any("etc/passwd" in url for url in refused)
    assert any("169.254.169.254" in url for url in refused)


INJECTIONS = [
    '<img src="file:///etc/passwd">',
    '<link rel=stylesheet href="http://169.254.169.254/latest/meta-data/">',
    '<style>@import url("file:///etc/passwd");</style>',
    "@import url(http://169.254.169.254/);",
    "/dev/urandom",
    '<svg><image href="file:///etc/passwd"/></svg>',
]


@pytest.fixture
def hostile_network(network):
    """Ahmad's network where every free text a user can type is an injection attempt."""
    youth = network.youth
    youth.first_name = INJECTIONS[0][:100]
    youth.last_name = INJECTIONS[4]
    youth.languages = INJECTIONS[3]
    youth.save()
    Intake.objects.filter(youth=youth).update(
        needs=" ".join(INJECTIONS), strengths=INJECTIONS[1], current_support=INJECTIONS[2]
    )
    Supporter.objects.filter(first_name="Karim").update(first_name=INJECTIONS[5][:100], email="")
    ActionPlan.objects.create(network=network, question_for_help=" ".join(INJECTIONS), goal_short_term=INJECTIONS[2])
    return network


def test_user_text_in_every_pdf_fetches_nothing_outside_static(coach_client, hostile_network, fetch_log, no_network):
    youth = hostile_network.youth
    urls = [
        reverse("youths:youth_leaflet_pdf", args=[youth.pk]) + "?lang=nl",
        reverse("youths:youth_leaflet_pdf", args=[youth.pk]) + "?lang=ar",
        reverse("youths:youth_intake_pdf", args=[youth.pk]),
        reverse("networks:network_map_pdf", args=[hostile_network.pk]),
        reverse("actionplans:plan_pdf", args=[hostile_network.pk]),
    ]
    for url in urls:
        response = coach_client.get(url)
        assert response.status_code == 200, url
        pdf = pdf_response_bytes(response)
        text = pdf_text(pdf)
        assert PASSWD_LINE not in text and b"root:x:0:0" not in pdf
        assert "etc/passwd" in text  # the user's text is printed as text, not followed
    assert fetch_log, "the templates load their stylesheet through the fetcher"
    # Our static files, and the eco-map that the view of p.11 drew (from an escaping template).
    assert all(ok and (url.startswith(STATIC) or url == "generated:ecomap.svg") for url, ok in fetch_log), fetch_log
    assert ("generated:ecomap.svg", True) in fetch_log


def test_injected_markup_is_printed_as_text(coach_client, hostile_network):
    response = coach_client.get(reverse("youths:youth_intake_pdf", args=[hostile_network.youth.pk]))
    text = pdf_text(pdf_response_bytes(response))
    assert 'src="file:///etc/passwd"' in text
    assert "169.254.169.254" in text
    assert "/dev/urandom" in text


def test_file_name_never_carries_user_text():
    assert pdf_filename("actieplan", '<img src="x">/../', None) == "actieplan-IMGS.pdf"
    assert pdf_filename("eerste-gesprek", "ÖŞ") == "eerste-gesprek-OS.pdf"
    response = pdf_response(b"%PDF-1.7", '../../etc/"passwd"\r\nX-Evil: 1.pdf')
    disposition = response["Content-Disposition"]
    assert "\n" not in disposition and "\r" not in disposition and ".." not in disposition and "/" not in disposition
    assert disposition.startswith("attachment;")
    assert "no-store" in response["Cache-Control"]


def test_a_render_collects_garbage_in_batches_and_restores_the_thresholds(monkeypatch):
    import gc

    from weasyprint import HTML

    from zorgnetwerk import pdf

    seen = []
    original = HTML.write_pdf

    def spy(self, *args, **kwargs):
        seen.append(gc.get_threshold()[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", spy)
    before = gc.get_threshold()
    pdf.html_to_pdf("<p>hallo</p>")
    assert seen == [pdf.GC_THRESHOLD_WHILE_RENDERING]
    assert gc.get_threshold() == before
