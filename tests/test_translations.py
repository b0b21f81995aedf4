"""Complete translations: nl (the default) and fr catalogues, and no visible template text left untranslated.

English is the source language (gettext msgids); `make messages` extracts them into
locale/{nl,fr}/LC_MESSAGES/django.po and compiles the .mo files, which are committed.
"""

import datetime
import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

BASE_DIR = Path(settings.BASE_DIR)
LANGUAGES = ("nl", "fr")
IN_CI = os.environ.get("CI", "").lower() == "true"
# The same folders `make messages` ignores.
MAKEMESSAGES_IGNORE = [".venv", "staticfiles", "node_modules", "artifacts", "tests"]
# Names that stay the same in every language.
UNTRANSLATED_NAMES = {"Zorgnetwerk", "OKAN", "VDAB", "CLB", "PDF", "CAW", "JES", "NBMV", "Ndako", "Minor", "Gent"}


def catalogue(language: str) -> Path:
    return BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"


def needs_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} (GNU gettext) is not installed: apt-get install gettext"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def catalogue_problems(po: polib.POFile) -> list[str]:
    """Every entry that is untranslated or fuzzy, described for a person who has to fix it."""
    problems = []
    if po.metadata_is_fuzzy:
        problems.append("the header is marked fuzzy")
    for entry in po:
        if entry.obsolete:
            continue
        where = ", ".join(sorted({file for file, _line in entry.occurrences})) or "?"
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r} ({where})")
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                problems.append(f"plural not (fully) translated: {entry.msgid!r} ({where})")
        elif not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid!r} ({where})")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    po = polib.pofile(str(catalogue(language)))
    problems = catalogue_problems(po)
    assert not problems, f"locale/{language}: {len(problems)} entries to translate:\n" + "\n".join(problems)
    assert len(po) > 100, "the catalogue is suspiciously small"


def test_the_check_notices_an_untranslated_a_fuzzy_and_a_half_translated_plural_entry():
    po = polib.pofile(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Save"\nmsgstr "Bewaren"\n\n'
        'msgid "Cancel"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Close"\nmsgstr "Sluiten"\n\n'
        'msgid "%(n)d action"\nmsgid_plural "%(n)d actions"\nmsgstr[0] "%(n)d actie"\nmsgstr[1] ""\n'
    )
    problems = catalogue_problems(po)
    assert problems == [
        "untranslated: 'Cancel' (?)",
        "fuzzy: 'Close' (?)",
        "plural not (fully) translated: '%(n)d action' (?)",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_compiles_with_format_checks(language):
    msgfmt = needs_tool("msgfmt")
    result = subprocess.run(  # noqa: S603
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(catalogue(language))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_mo_file_is_compiled_from_the_current_po_file(language):
    po = polib.pofile(str(catalogue(language)))
    mo_path = catalogue(language).with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages` and commit it"
    mo = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(mo_path))}
    stale = []
    for entry in po.translated_entries():
        compiled = mo.get((entry.msgctxt, entry.msgid))
        if compiled is None or compiled.msgstr != entry.msgstr or compiled.msgstr_plural != entry.msgstr_plural:
            stale.append(entry.msgid)
    assert not stale, f"{mo_path.name} is older than the .po ({len(stale)} entries); run `make messages`: {stale[:5]}"


def copy_sources(destination: Path) -> None:
    """The files makemessages reads, without the folders it ignores and without locale/."""
    skipped = set(MAKEMESSAGES_IGNORE) | {"locale", "media", "backups", ".git"}
    for path in BASE_DIR.rglob("*"):
        relative = path.relative_to(BASE_DIR)
        if path.suffix not in {".py", ".html", ".txt"} or not path.is_file():
            continue
        if any(part in skipped or part.startswith(".") for part in relative.parts[:-1]):
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path, monkeypatch):
    """Extracts the msgids afresh (as `make messages` does, in a copy of the sources) and compares."""
    needs_tool("xgettext")
    source = tmp_path / "src"
    copy_sources(source)
    for language in LANGUAGES:
        (source / "locale" / language / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[source / "locale"]):
        call_command(
            "makemessages",
            locale=list(LANGUAGES),
            ignore_patterns=MAKEMESSAGES_IGNORE,
            no_obsolete=True,
            add_location="file",
            verbosity=0,
        )
    for language in LANGUAGES:
        fresh = source / "locale" / language / "LC_MESSAGES" / "django.po"
        extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(fresh))}
        committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue(language))) if not e.obsolete}
        missing = sorted(msgid for _ctx, msgid in extracted - committed)
        assert not missing, (
            f"locale/{language} lacks {len(missing)} string(s) from the code; run `make messages` and translate:\n"
            + "\n".join(repr(m) for m in missing[:40])
        )
        assert len(extracted) > 100, "the extraction found suspiciously few strings"


# --- Visible template text outside {% translate %} -------------------------------------------------

BLANKED = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S),
    re.compile(r"<script\b.*?</script>", re.S | re.I),
    re.compile(r"<style\b.*?</style>", re.S | re.I),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
]
VISIBLE_ATTRIBUTE = re.compile(r"""\b(?:title|alt|placeholder|aria-label|aria-description)\s*=\s*(["'])(.*?)\1""", re.S)
TAG = re.compile(r"<[^>]*>", re.S)
IDENTIFIER = re.compile(r"[a-z][a-z0-9_-]*")
WORD = re.compile(r"[^\W\d_]{2,}")
NAME = re.compile(r"\b(?:" + "|".join(sorted(UNTRANSLATED_NAMES)) + r")\b")


def _blank(match: re.Match) -> str:
    """Replace a match by as many newlines as it spans, so line numbers stay right."""
    return "\n" * match.group().count("\n")


def untranslated_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of each visible text in a template that is not inside a translate tag."""
    for pattern in BLANKED:
        source = pattern.sub(_blank, source)
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        texts = [match.group(2) for match in VISIBLE_ATTRIBUTE.finditer(line)]
        texts += TAG.sub("\n", line).split("\n")
        for text in texts:
            text = NAME.sub("", html.unescape(text)).strip()
            if IDENTIFIER.fullmatch(text):
                continue  # a CSS class or block name such as {% block body_class %}overdrachtsdossier{% endblock %}
            if WORD.search(text) and "<" not in text and ">" not in text and "=" not in text:
                found.append((number, text))
    return found


def project_templates() -> list[Path]:
    folders = [BASE_DIR / "templates"] + [
        path / "templates" for path in BASE_DIR.iterdir() if (path / "templates").is_dir() and path.name != ".venv"
    ]
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in {".html", ".txt", ".svg"})


def test_templates_show_no_text_outside_translate_tags():
    problems = []
    for path in project_templates():
        for line, text in untranslated_texts(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(BASE_DIR)}:{line}: {text!r}")
    assert not problems, "Visible text not marked for translation:\n" + "\n".join(problems)


def test_the_template_scan_notices_plain_text_and_accepts_translated_text():
    template = (
        '{% load i18n %}<h1 title="Open the plan">{% translate "Plan" %}</h1>\n'
        "<p>Zorgnetwerk &nbsp;· {{ youth.first_name }}: 3</p>\n"
        "{% blocktranslate with name=youth.first_name %}Hello {{ name }}{% endblocktranslate %}\n"
        "{# a comment #}<button>Save</button>\n"
    )
    assert untranslated_texts(template) == [(1, "Open the plan"), (4, "Save")]


# --- Dutch is the default language ---------------------------------------------------------------


@pytest.mark.django_db
def test_a_visitor_without_a_language_choice_reads_dutch(client):
    response = client.get(reverse("login"))
    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert "Inloggen" in content
    assert "Wachtwoord vergeten?" in content


@pytest.mark.django_db
def test_a_chosen_language_is_remembered(client):
    client.post(reverse("set_language"), {"language": "fr", "next": reverse("login")})
    content = client.get(reverse("login")).content.decode()
    assert '<html lang="fr"' in content
    assert "Mot de passe oublié ?" in content


# --- Dates follow the active language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"), [("nl", "5 maart 2027"), ("fr", "5 mars 2027"), ("en", "5 March 2027")]
)
def test_dates_on_the_network_page_follow_the_chosen_language(coach_client, network, language, expected):
    network.next_contact_on = datetime.date(2027, 3, 5)
    network.save(update_fields=["next_contact_on"])
    coach_client.post(reverse("set_language"), {"language": language, "next": "/"})
    content = coach_client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    assert f'<html lang="{language}"' in content
    assert expected in content


def test_the_dutch_catalogue_uses_dutch_words_not_the_anglicisms_coaches_stumbled_on():
    """Issue "A design of its own": "uiterste datum", "binnengekomen signalen", "Pdf downloaden"."""
    anglicisms = re.compile(r"\bdeadline|\binbox\b|\bdownload pdf\b|\bonlinelink", re.IGNORECASE)
    found = [
        f"{entry.msgid!r}: {text!r}"
        for entry in polib.pofile(str(BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
        for text in (entry.msgstr, *entry.msgstr_plural.values())
        if anglicisms.search(text)
    ]
    assert found == []
