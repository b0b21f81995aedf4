"""Print templates as PDF with WeasyPrint, fetching nothing but the project's own static files.

DESIGN.md: "PDFs never fetch anything over the network or from the file system outside the
project's own static files." WeasyPrint asks its URL fetcher for every stylesheet, image and
font a document mentions. `StaticOnlyURLFetcher` serves a file only when the staticfiles
finders resolve its path to that very file, serves small data: URLs from memory, serves the
drawings the view made for this one document (`generated:<name>`, such as the eco-map of p.11),
and refuses (and logs) everything else without opening it. User text is escaped by the templates, so it
cannot even reach the fetcher; the fetcher is the second wall.
"""

import base64
import gc
import logging
import mimetypes
import os
import re
import threading
import unicodedata
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("zorgnetwerk.pdf")

# Our own pictograms are files; a data: URL larger than this is refused unread.
DATA_URL_MAX_BYTES = 16 * 1024

_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")

# A drawing the view made for this document is asked for as `generated:<name>` (GENERATED_SCHEME).
# WeasyPrint reads it as an image file with the C XML parser, where the same SVG inline in the
# HTML goes through the pure-Python HTML parser first (bench/pdf_bench.py: 40 ms of p.11).
GENERATED_SCHEME = "generated"


# A document longer than this is refused before WeasyPrint starts: about 60 pages of text, far
# beyond any plan whose fields keep to zorgnetwerk.limits, while a 2.4 MB field once took 99 s.
PDF_HTML_MAX_CHARS = 250_000


class PDFFetchRefused(ValueError):
    """A resource the PDF asked for that is not one of our static files."""


class PDFTooLarge(ValueError):
    """The document is too long to draw; the user is asked to shorten its longest texts."""


def static_roots() -> list[Path]:
    """The directories the staticfiles finders search (project static/ and the apps' static/)."""
    roots = []
    for finder in finders.get_finders():
        for _prefix, root in getattr(finder, "locations", []):
            roots.append(Path(root).resolve())
        for storage in getattr(finder, "storages", {}).values():
            if isinstance(storage, FileSystemStorage):
                roots.append(Path(storage.location).resolve())
    return list(dict.fromkeys(roots))


def static_base_url() -> str:
    """The base URL of the print templates: relative URLs resolve inside the project's static/."""
    return (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"


def _shorten(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[:limit] + "…"


class StaticOnlyURLFetcher(URLFetcher):
    """Serves the project's static files and small data: URLs; refuses everything else.

    Every URL asked for is kept in `requested` (tests read it); every refusal is logged.
    A refusal raises PDFFetchRefused, which WeasyPrint treats as a missing resource.
    """

    def __init__(self, *, data_url_max_bytes: int = DATA_URL_MAX_BYTES, generated: dict[str, str] | None = None):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=False)
        self.data_url_max_bytes = data_url_max_bytes
        # name -> SVG text: drawings made by our own (auto-escaping) templates for this document.
        self.generated = dict(generated or {})
        self.requested: list[str] = []
        self.served: list[str] = []
        self._roots = static_roots()

    def fetch(self, url, headers=None):
        self.requested.append(url)
        match = _SCHEME_RE.match(url)
        scheme = match[1].lower() if match else ""
        if scheme == "data":
            response = self._data(url)
        elif scheme == "file":
            response = self._static_file(url)
        elif scheme == GENERATED_SCHEME:
            response = self._generated(url)
        else:
            self._refuse(url, "scheme not allowed")
        self.served.append(url)
        return response

    def _refuse(self, url: str, reason: str):
        logger.warning("PDF resource refused (%s): %s", reason, _shorten(url))
        raise PDFFetchRefused(f"{reason}: {_shorten(url)}")

    def _data(self, url: str) -> URLFetcherResponse:
        # Bound the raw URL first: a huge data: URL is refused before it is decoded.
        if len(url) > self.data_url_max_bytes * 4 // 3 + 200:
            self._refuse(url, "data URL too large")
        header, sep, payload = url[len("data:") :].partition(",")
        if not sep:
            self._refuse(url, "malformed data URL")
        params = header.split(";")
        is_base64 = params[-1].strip().lower() == "base64"
        media_type = (params[0].strip() or "text/plain").lower()
        try:
            body = base64.b64decode(payload, validate=False) if is_base64 else unquote_to_bytes(payload)
        except ValueError:
            self._refuse(url, "malformed data URL")
        if len(body) > self.data_url_max_bytes:
            self._refuse(url, "data URL too large")
        return URLFetcherResponse(url, body, {"Content-Type": media_type})

    def _generated(self, url: str) -> URLFetcherResponse:
        name = url[len(GENERATED_SCHEME) + 1 :]
        if name not in self.generated:
            self._refuse(url, "no such generated drawing")
        return URLFetcherResponse(url, self.generated[name].encode(), {"Content-Type": "image/svg+xml"})

    def _static_file(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            self._refuse(url, "remote file URL")
        raw_path = url2pathname(unquote(parts.path))
        if ".." in Path(raw_path).parts or "\x00" in raw_path:
            self._refuse(url, "path traversal")
        path = Path(os.path.normpath(raw_path))
        relative = None
        for root in self._roots:
            if path.is_relative_to(root):
                relative = path.relative_to(root).as_posix()
                break
        if not relative:
            self._refuse(url, "outside the static files")
        found = finders.find(relative)
        # The finders must resolve the name to this very file (no symlink out of static/).
        if not found or Path(found).resolve() != path.resolve():
            self._refuse(url, "not a static file")
        real = Path(found).resolve()
        if not any(real.is_relative_to(root) for root in self._roots) or not real.is_file():
            self._refuse(url, "not a static file")
        media_type = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        return URLFetcherResponse(real.as_uri(), real.read_bytes(), {"Content-Type": media_type})


_thread_state = threading.local()


def _font_config() -> FontConfiguration:
    """One font configuration per thread, kept: a new one per document leaks memory
    (bench/pdf_bench.py: about 0.2 MiB per render) and costs time."""
    if not hasattr(_thread_state, "font_config"):
        _thread_state.font_config = FontConfiguration()
    return _thread_state.font_config


# While WeasyPrint lays out a document it makes hundreds of thousands of objects that live until
# the document is written. With Python's default thresholds (700 allocations) they are scanned
# again and again, and a full collection often falls inside the largest render: p.11 paid about
# 70 ms of every 560 ms for it in bench/pdf_bench.py, the smaller templates hardly anything.
# During a render the first generation is collected every GC_THRESHOLD_WHILE_RENDERING
# allocations instead; garbage is still collected, in larger batches.
GC_THRESHOLD_WHILE_RENDERING = 10_000


class _GarbageCollectionBatches:
    """Raises the collector's first threshold while at least one thread renders a PDF."""

    def __init__(self):
        self._lock = threading.Lock()
        self._renders = 0
        self._saved: tuple[int, ...] | None = None

    @contextmanager
    def __call__(self):
        with self._lock:
            if self._renders == 0:
                self._saved = gc.get_threshold()
                if self._saved[0] and self._saved[0] < GC_THRESHOLD_WHILE_RENDERING:
                    gc.set_threshold(GC_THRESHOLD_WHILE_RENDERING, *self._saved[1:])
            self._renders += 1
        try:
            yield
        finally:
            with self._lock:
                self._renders -= 1
                if self._renders == 0 and self._saved is not None:
                    gc.set_threshold(*self._saved)


_batched_garbage_collection = _GarbageCollectionBatches()


def html_to_pdf(
    html: str, *, url_fetcher: StaticOnlyURLFetcher | None = None, generated: dict[str, str] | None = None
) -> bytes:
    """Render an HTML string to PDF bytes; relative URLs point into the project's static/.

    `generated` holds the drawings of this document by name, for `<img src="generated:name">`.

    Refuses (PDFTooLarge) a document over PDF_HTML_MAX_CHARS, so one huge text cannot hold a
    worker for minutes; zorgnetwerk.middleware turns the refusal into a message.
    """
    if len(html) > PDF_HTML_MAX_CHARS:
        logger.warning("PDF refused: %d characters of HTML (limit %d)", len(html), PDF_HTML_MAX_CHARS)
        raise PDFTooLarge(len(html))
    fetcher = url_fetcher or StaticOnlyURLFetcher(generated=generated)
    with _batched_garbage_collection():
        document = HTML(string=html, base_url=static_base_url(), url_fetcher=fetcher)
        return document.write_pdf(font_config=_font_config())


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render a template under templates/pdf/ to PDF bytes with the static-only fetcher.

    The drawings in `context["drawings"]` (name -> SVG) are served to the template as
    `generated:<name>`.
    """
    html = render_to_string(template_name, context, request=request)
    return html_to_pdf(html, generated=context.get("drawings"))


def print_context(*, template_no: str, doc_title: str, blank: bool, youth=None, **extra) -> dict:
    """What every print template needs: the header (initials, date), blank or filled."""
    return {
        "template_no": template_no,
        "doc_title": doc_title,
        "blank": blank,
        "youth": None if blank else youth,
        "today": timezone.localdate(),
        "blank_rows": range(6),
        **extra,
    }


def answer_fields(model, obj, names, *, lines: int = 3) -> list[dict]:
    """Label (the field's verbose name), hint and value of each field, for pdf/_answer.html."""
    fields = []
    for name in names:
        field = model._meta.get_field(name)
        fields.append(
            {
                "label": field.verbose_name,
                "hint": field.help_text,
                "value": getattr(obj, name) if obj is not None else "",
                "lines": range(lines),
            }
        )
    return fields


def safe_initials(value: str) -> str:
    """ASCII letters only, for a file name: 'Ömer Şahin' -> 'OS'; never empty."""
    ascii_text = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode()
    letters = re.sub(r"[^A-Za-z]", "", ascii_text).upper()[:4]
    return letters or "X"


def pdf_filename(template: str, initials: str = "", day: date | None = None) -> str:
    """`actieplan-AR-2026-11-23.pdf`: what it is, whose initials and the date, never a name."""
    slug = re.sub(r"[^a-z0-9-]", "", template.lower()) or "document"
    parts = [slug]
    if initials:
        parts.append(safe_initials(initials))
    if day:
        parts.append(day.isoformat())
    return "-".join(parts) + ".pdf"


def pdf_response(pdf_bytes: bytes, filename: str) -> HttpResponse:
    """A download that no cache keeps: the PDF holds a youth's personal data."""
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    safe_name = re.sub(r"[^A-Za-z0-9._-]", "", Path(filename).stem).strip(".-") or "document"
    response["Content-Disposition"] = content_disposition_header(True, safe_name + ".pdf")
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
