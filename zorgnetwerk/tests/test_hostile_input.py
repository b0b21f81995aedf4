"""Hostile input: random and malicious values posted to every form of the project.

The forms are found, not listed: every URL of the resolver (filled like the permission matrix)
is opened as a member of the network, and each `<form method="post">` that posts back to its
own page is read for its field names. Hypothesis then posts very long strings, control
characters, HTML/JS, SQL fragments, wrong types, huge numbers and impossible dates to it.

Each example runs inside a savepoint that is rolled back, so every form meets the same world.
Checked: no response is a server error, and every row the post created or changed passes its
model's validation (nothing invalid is stored).
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgnetwerk.tests.test_permission_matrix import World, matrix_routes

EXAMPLES_PER_FORM = 6
PROJECT_APPS = ("youths", "networks", "actionplans", "adviesgroep")

HOSTILE = [
    "",
    " ",
    "A" * 5000,
    "\x00",
    "abc\x00def",
    "\x1b[31mred\x1b[0m",
    "\u202egnp.exe",
    "\r\n\r\nSet-Cookie: x=1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'; DROP TABLE youths_youth; --",
    "1 OR 1=1",
    "{{ 7*7 }}{% debug %}",
    "../../../../etc/passwd",
    "-1",
    "0",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "1e308",
    "NaN",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "31/12/2026",
    "2026-13-01T25:61",
    "true",
    "[]",
    "😀" * 300,
]
hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300))


class FormFinder(HTMLParser):
    """The POST forms of a page that post back to the page itself, with their fields."""

    def __init__(self, page_url):
        super().__init__()
        self.page_url = page_url
        self.forms = []
        self._current = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = attrs.get("action") or ""
            own = action in ("", self.page_url, "?") or action.startswith(self.page_url + "?")
            if (attrs.get("method") or "").lower() == "post" and own:
                self._current = {}
                self.forms.append(self._current)
            return
        if self._current is None or not attrs.get("name"):
            return
        name = attrs["name"]
        if name == "csrfmiddlewaretoken":
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            field = self._current.setdefault(name, {"kind": kind, "options": []})
            if kind in ("checkbox", "radio", "hidden"):
                field["options"].append(attrs.get("value") or "on")
        elif tag == "textarea":
            self._current.setdefault(name, {"kind": "textarea", "options": []})
        elif tag == "select":
            self._select = self._current.setdefault(name, {"kind": "select", "options": []})
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


def value_for(field):
    """A strategy for one field: hostile text, or (sometimes) a valid choice so deeper code runs."""
    options = [value for value in field["options"] if value is not None]
    if options:
        return st.one_of(st.sampled_from(options), hostile_text, st.lists(st.sampled_from(options), max_size=3))
    return hostile_text


def rows_state() -> dict:
    state = {}
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            for obj in model._default_manager.all():
                state[(model._meta.label, obj.pk)] = repr(
                    [getattr(obj, f.attname) for f in model._meta.concrete_fields]
                )
    return state


def invalid_rows(before: dict) -> list[str]:
    """Rows created or changed since `before` that fail their model's own validation."""
    problems = []
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label == "networks.AuditEvent":
                continue
            for obj in model._default_manager.all():
                key = (model._meta.label, obj.pk)
                values = repr([getattr(obj, f.attname) for f in model._meta.concrete_fields])
                if before.get(key) == values:
                    continue
                try:
                    obj.full_clean(validate_unique=False, validate_constraints=False)
                except ValidationError as error:
                    problems.append(f"{key}: {error.message_dict}")
    return problems


def discover_forms(client, world) -> list[tuple[str, dict]]:
    found = []
    for name, route, kwarg_names, _callback in matrix_routes():
        url, _types = world.url(name, route, kwarg_names)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        finder = FormFinder(url)
        finder.feed(response.content.decode(errors="ignore"))
        for fields in finder.forms:
            if fields:
                found.append((f"{name} {url}", fields))
    return found


def hostile_poster(client, label: str, fields: dict):
    """A hypothesis test that posts hostile values to one form."""
    url = label.split(" ", 1)[1]
    strategy = st.fixed_dictionaries({name: value_for(field) for name, field in fields.items()})

    @settings(
        max_examples=EXAMPLES_PER_FORM,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=strategy)
    def post_hostile(data):
        savepoint = transaction.savepoint()
        try:
            before = rows_state()
            response = client.post(url, data)
            assert response.status_code < 500, f"{label}: {response.status_code} for {data!r}"
            bad = invalid_rows(before)
            assert not bad, f"{label} stored invalid data for {data!r}: {bad}"
        finally:
            transaction.savepoint_rollback(savepoint)

    return post_hostile


@pytest.fixture
def world(network, coach, guardian, vdab, pending_handover):
    return World(network, coach, guardian, vdab, pending_handover)


def test_every_form_survives_hostile_input_and_stores_nothing_invalid(client, coach, world):
    client.force_login(coach)
    forms = discover_forms(client, world)
    assert len(forms) >= 10, f"only {len(forms)} forms found: {[name for name, _ in forms]}"
    failures = []

    for label, fields in forms:
        try:
            hostile_poster(client, label, fields)()
        except Exception as error:  # collect every form's failure, then report them together
            failures.append(f"{label}: {type(error).__name__}: {str(error)[:800]}")
    assert not failures, "\n\n".join(failures)
