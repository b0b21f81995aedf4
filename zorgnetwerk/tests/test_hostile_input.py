"""Hostile input: random and malicious values posted to every form of the project.

The forms are found, not listed: every URL of the resolver (filled like the permission matrix)
is opened as a member of the network, and each `<form method="post">` that posts back to its
own page is read for its field names. Hypothesis then posts very long strings, control
characters, HTML/JS, SQL fragments, wrong types, huge numbers and impossible dates to it.

Each example runs inside a savepoint that is rolled back, so every form meets the same world.
Checked: no response is a server error, and every row the post created or changed passes its
model's validation (nothing invalid is stored). A second test posts script and tag payloads to
every form, then reads every page as a member and as the advisory group: the payload is shown
escaped, never as a tag.

Deterministic: this test failed about one run in seven on the same code because every run drew
a new random seed (`database=None`, no seed), and some seeds, not others, posted an id beyond
the integer range ("99999999999999999999999999") to the signal form's categories, a real bug
(OverflowError on SQLite). Now the hypothesis profile "ci" (conftest.py) fixes the
seed and replays the committed examples in zorgnetwerk/tests/hypothesis-examples/ read-only;
the overflow and a birth year of 10000 stay in FIXED_EXAMPLES, posted on every run. `make fuzz` runs
profile "fuzz": a new seed each run, many examples, and every failure it finds is saved in that
folder (commit it; CI replays it from then on) and printed with `@reproduce_failure`; write the
value into FIXED_EXAMPLES when it should stay readable.

How we know the checks can fail (each tried for real under the "ci" profile, then restored):
- `{{ note.text|safe }}` in templates/networks/_notes_section.html, or `{{ signal.question|safe }}`
  in templates/adviesgroep/signal_detail.html, makes the escaping test fail on those pages (the
  latter for the member and the advisory group);
- `int(text)` in NoteForm.clean_text (a server error) and a note saved with an organisation id
  that does not exist (an invalid row) each make the hostile-input test fail on note_create.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from zorgnetwerk.tests.test_permission_matrix import World, matrix_routes

# The seed of every run under the "ci" profile; `make fuzz` draws a new one each run.
CI_SEED = 20261201
PROJECT_APPS = ("youths", "networks", "actionplans", "handovers", "adviesgroep")

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
            field = self._current.setdefault(name, {"kind": kind, "options": [], "value": attrs.get("value")})
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
            if model._meta.label == "audit.AuditEvent":
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

    # One entry per form in the example database: the URL name and the form's fields, not the ids
    # in the URL (those differ between SQLite and PostgreSQL). pytest's own plugin does the same.
    post_hostile.hypothesis.inner_test._hypothesis_internal_add_digest = form_key(label, fields).encode()
    if hypothesis_settings.get_current_profile_name() != "fuzz":
        post_hostile = seed(CI_SEED)(post_hostile)
    return post_hostile


def form_key(label: str, fields: dict) -> str:
    return f"{label.split(' ', 1)[0]} {sorted(fields)}"


@pytest.fixture
def world(network, coach, guardian, vdab, pending_handover):
    return World(network, coach, guardian, vdab, pending_handover)


# Values that once broke a form, posted on every run: (url name, {field: value}, reason).
FIXED_EXAMPLES = [
    ("youths:youth_create", {"birth_year_estimated": "10000", "birth_date": ""}, "a birth year of 10000"),
    ("youths:youth_update", {"birth_year_estimated": "10000", "birth_date": ""}, "a birth year of 10000"),
    ("adviesgroep:signal_create", {"categories": "99999999999999999999999999"}, "an id beyond the range"),
]


def test_every_form_survives_hostile_input_and_stores_nothing_invalid(client, coach, world):
    client.force_login(coach)
    forms = discover_forms(client, world)
    assert len(forms) >= 10, f"only {len(forms)} forms found: {[name for name, _ in forms]}"
    failures = []

    for label, fields in forms:
        name, url = label.split(" ", 1)
        try:
            for values in (values for example_name, values, _why in FIXED_EXAMPLES if example_name == name):
                data = {field_name: valid_value(field) for field_name, field in fields.items()} | values
                assert client.post(url, data).status_code < 500, f"server error for {values!r}"
            hostile_poster(client, label, fields)()
        except Exception as error:  # collect every form's failure, then report them together
            failures.append(f"{label}: {type(error).__name__}: {str(error)[:800]}")
    assert not failures, "\n\n".join(failures)


# --- escaping ------------------------------------------------------------------------------------

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
RAW = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
TEXT_KINDS = {"text", "textarea", "search"}

# Forms whose POST ends the world the other forms need, or that show nothing back; not posted.
NOT_POSTED = {
    "handovers:network_close": "closes the network: every later form would be refused",
    "networks:membership_end": "ends a membership the other forms use",
    "networks:consent_revoke": "revokes the consent the other forms use",
    "actionplans:meeting_cancel": "cancels the meeting the other forms use",
    "password_change": "the account's password, never shown",
    "accounts:account_reauth": "a password, never shown",
    "accounts:account_email_change": "a password and an e-mail address, never shown",
    "accounts:account_otp_setup": "a one-time code, never shown",
}


def valid_value(field) -> str | list[str]:
    """A value the form is likely to accept, so the payloads in the text fields get saved."""
    kind = field["kind"]
    options = [value for value in field["options"] if value]
    if kind in ("select", "radio", "hidden") and options:
        return field["value"] if kind == "hidden" and field.get("value") else options[0]
    if kind == "checkbox":
        return options[:1]
    defaults = {"date": timezone.localdate().isoformat(), "number": "1", "email": "xss@example.org", "time": "10:00"}
    return field.get("value") or defaults.get(kind, "x")


def pages(client, world) -> list[tuple[str, str]]:
    """(url name and url, body) of every HTML page this client can open."""
    found = []
    for name, route, kwarg_names, _callback in matrix_routes():
        url, _types = world.url(name, route, kwarg_names)
        response = client.get(url)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            found.append((f"{name} {url}", response.content.decode(errors="ignore")))
    return found


def test_script_and_tag_payloads_are_shown_escaped_on_every_page(client, coach, advisor, world):
    client.force_login(coach)
    posted = []
    for index, (label, fields) in enumerate(discover_forms(client, world)):
        name, url = label.split(" ", 1)
        if name in NOT_POSTED:
            continue
        payload = PAYLOADS[index % len(PAYLOADS)]
        data = {
            field_name: payload if field["kind"] in TEXT_KINDS else valid_value(field)
            for field_name, field in fields.items()
        }
        response = client.post(url, data)
        assert response.status_code < 500, f"{label}: {response.status_code}"
        posted.append(label)
    # The advisory group reads what networks send: a signal whose every text is a payload.
    signal = world.get("signal", "adviesgroep:signal_detail")
    type(signal).objects.filter(pk=signal.pk).update(case_summary=PAYLOADS[0], question=PAYLOADS[1])

    stored = stored_payloads()
    assert stored >= 10, f"only {stored} stored values hold a payload: the posts were refused ({posted})"

    problems, escaped = [], 0
    for user in (coach, advisor):
        client.force_login(user)
        for label, body in pages(client, world):
            problems += [f"{label} as {user.email}: {raw}" for raw in RAW if raw in body]
            escaped += "&lt;script&gt;alert(1)&lt;/script&gt;" in body or "&lt;img src=x onerror=alert(1)&gt;" in body
    assert escaped >= 5, f"the payloads are shown escaped on only {escaped} pages"
    assert not problems, "unescaped on:\n" + "\n".join(problems)


def stored_payloads() -> int:
    """How many text values in the project's tables hold a payload."""
    count = 0
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            text_fields = [
                f.attname for f in model._meta.concrete_fields if f.get_internal_type() in ("CharField", "TextField")
            ]
            for values in model._default_manager.values_list(*text_fields) if text_fields else []:
                count += sum(1 for value in values if isinstance(value, str) and "alert(1)" in value)
    return count
