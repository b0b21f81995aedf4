"""Signals are pseudonymous in every field (DESIGN.md, "Who may see what").

"Signals carry no name, birth date or school of the youth and no member's name in any free text;
prefills are pseudonymised; the sender shows as a sector and the network as a stable pseudonymous
code, unless the network ticked 'share more'."

How we checked that these tests can fail (each check removed once, the named test went red):
- `texts_are_pseudonymous` made to return at once: the form, service, advice, lesson and policy
  tests below fail, and the end-to-end test fails when the prefill is not pseudonymised either;
- `pseudonymise` made to return the text unchanged: the prefill tests and the end-to-end sweep fail;
- the inbox and the signal page showing `sent_by.organisation.name` / the network id again:
  `test_no_advisory_group_page_names_the_youth_the_school_or_the_sender` fails;
- `network_code` returning the id: `test_the_network_code_is_stable_and_not_the_database_id` fails.
"""

import csv
import datetime
import io
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.choices import Sector
from adviesgroep import services
from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal, SignalKind, Theme
from adviesgroep.pseudonyms import (
    BIRTH_DATE,
    KIND_LABELS,
    MEMBER_NAME,
    SCHOOL,
    YOUTH_FIRST_NAME,
    YOUTH_LAST_NAME,
    identifiers_for,
    identifying_details_in,
    network_code,
    pseudonymise,
)
from adviesgroep.tests.factories import AdviceFactory, BarrierFactory, LessonFactory, SignalFactory

pytestmark = pytest.mark.django_db

BORN = datetime.date(2009, 3, 14)
YOUTH_SCHOOL = "Sint-Barbaracollege"


@pytest.fixture
def named_youth(network):
    """Ahmad Rahimi with an exact birth date and a school; Sara of Atheneum Gent-Zuid (OKAN) is the lead."""
    youth = network.youth
    youth.birth_date = BORN
    youth.school_name = YOUTH_SCHOOL
    youth.save(update_fields=["birth_date", "school_name"])
    return youth


@pytest.fixture
def identifiers(named_youth, network):
    return identifiers_for(network)


# --- the rule: what counts as identifying --------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Ahmad wil naar het ASO.", YOUTH_FIRST_NAME),
        ("AHMAD wil naar het ASO.", YOUTH_FIRST_NAME),
        ("Áhmad wil naar het ASO.", YOUTH_FIRST_NAME),
        ("Het dossier van Rahimi ligt bij de voogd.", YOUTH_LAST_NAME),
        ("De broer van rahimi, die al in Gent woont, helpt.", YOUTH_LAST_NAME),
        ("Hij is geboren op 2009-03-14.", BIRTH_DATE),
        ("Hij is geboren op 14/03/2009.", BIRTH_DATE),
        ("Hij is geboren op 14-03-2009.", BIRTH_DATE),
        ("Hij is geboren op 14.3.2009.", BIRTH_DATE),
        ("Hij is geboren op 14 maart 2009.", BIRTH_DATE),
        ("Il est né le 14 mars 2009.", BIRTH_DATE),
        ("Born March 14, 2009.", BIRTH_DATE),
        ("Hij zit op het Sint-Barbaracollege.", SCHOOL),
        ("Hij zit op het sint barbaracollege", SCHOOL),
        ("Het Atheneum Gent-Zuid vindt geen plaats.", SCHOOL),
        ("Sara belde de school.", MEMBER_NAME),
        ("Mevrouw Vermeulen belde de school.", MEMBER_NAME),
        ("De voogd (De Smet) is akkoord.", MEMBER_NAME),
        ("Karim El Idrissi zoekt een stage.", MEMBER_NAME),
        ("Idrissi zoekt een stage.", MEMBER_NAME),
    ],
)
def test_the_rule_finds_names_birth_dates_and_schools_as_whole_words(identifiers, text, kind):
    assert kind in identifying_details_in(text, identifiers)


@pytest.mark.parametrize(
    "text",
    [
        "Jongere: A., 16 jaar, uit Afghanistan, OKAN.",
        "Ahmadi en Rahimian zijn andere namen; Janssens ook.",
        "Op 14/03/2010 was de rondetafel.",
        "VDAB Gent heeft een wachtlijst.",  # an organisation of the sector work: not a school
        "De school zoekt een stageplaats.",
    ],
)
def test_the_rule_lets_pseudonymous_text_through(identifiers, text):
    assert identifying_details_in(text, identifiers) == []


def test_the_message_says_what_kind_was_found_and_never_the_name(coach_client, named_youth, network, category):
    data = _signal_data(category, question="Ahmad zit op het Sint-Barbaracollege. Wat nu?")
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert response.status_code == 200
    assert not Signal.objects.exists()
    errors = response.context["form"].errors["question"]
    message = " ".join(errors)
    assert str(KIND_LABELS[YOUTH_FIRST_NAME]) in message and str(KIND_LABELS[SCHOOL]) in message
    assert "Ahmad" not in message and "Barbara" not in message


# --- every field of the signal, in the form and in the service -----------------------------------


def _signal_data(category, **overrides):
    data = {
        "kind": SignalKind.STRUCTURAL,
        "theme": Theme.CHOICES,
        "categories": [category.pk],
        "question": "Er is geen plaats in de gekozen richting. Wat kunnen we nog proberen?",
        "case_summary": "Jongere: A.\nLeeftijd: 16",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "field, text",
    [
        ("question", "Rahimi vindt geen school. Wat kunnen we doen?"),
        ("question", "Geboren 14.3.2009, nog geen school. Wat nu?"),
        ("question", "Vermeulen vraagt raad over de studiekeuze."),
        ("case_summary", "Jongere van het Sint-Barbaracollege, 16 jaar."),
        ("case_summary", "Jongere: A., geboren 14 maart 2009."),
    ],
)
def test_a_signal_naming_the_youth_in_any_field_is_refused(coach_client, named_youth, network, category, field, text):
    data = _signal_data(category, **{field: text})
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Signal.objects.exists()


def test_sharing_more_frees_the_summary_but_not_the_question(coach_client, named_youth, network, category):
    url = reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk})
    data = _signal_data(category, question="Ahmad wil naar het ASO.", case_summary="Ahmad (16)", share_more="on")
    response = coach_client.post(url, data)
    assert response.status_code == 200
    assert "question" in response.context["form"].errors
    assert "case_summary" not in response.context["form"].errors
    assert not Signal.objects.exists()


def test_the_service_refuses_a_named_youth_too(named_youth, network, coach, category):
    """Services enforce the rule, whatever form (or script) calls them."""
    with pytest.raises(ValidationError) as refused:
        services.signal_send(
            network=network,
            by=coach,
            kind=SignalKind.STUCK,
            theme=Theme.CHOICES,
            question="Wat doen we met Ahmad?",
            case_summary="Jongere: A.",
            categories=[category],
        )
    assert "question" in refused.value.message_dict
    assert not Signal.objects.exists()


def test_the_service_records_the_senders_sector(named_youth, network, coach, category):
    signal = services.signal_send(
        network=network,
        by=coach,
        kind=SignalKind.STUCK,
        theme=Theme.CHOICES,
        question="Wat kunnen we nog proberen?",
        case_summary="Jongere: A.",
        categories=[category],
    )
    assert signal.sender_sector == Sector.EDUCATION


# --- prefills ------------------------------------------------------------------------------------


def test_pseudonymise_replaces_names_dates_and_schools_by_placeholders(identifiers):
    text = "Ahmad Rahimi (14/03/2009) zit op het Sint-Barbaracollege; Sara Vermeulen volgt op."
    assert pseudonymise(text, identifiers) == (
        f"{_('[youth]')} ({_('[date of birth]')}) zit op het {_('[school]')}; {_('[supporter]')} volgt op."
    )


class _FormValues(HTMLParser):
    """The values a browser would send for the form on the page: inputs, checked boxes, textareas, selects."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values.setdefault(name, []).append(attrs.get("value", "on"))
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = [""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.setdefault(self._select, []).append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][0] += data


def _form_values(html: str) -> dict:
    parser = _FormValues()
    parser.feed(html)
    values = {name: (value if len(value) > 1 else value[0]) for name, value in parser.values.items()}
    # A browser drops the newline that directly follows <textarea>.
    return {name: value.removeprefix("\n") if isinstance(value, str) else value for name, value in values.items()}


@pytest.fixture
def naming_barrier(named_youth, network, category, guardian):
    """A barrier written by the network, as networks do: with the youth's name, birth date, school and a member."""
    return BarrierFactory(
        plan__network=network,
        category=category,
        description=(
            "Ahmad Rahimi (geboren 14/03/2009) vindt na OKAN geen plaats: het Sint-Barbaracollege "
            "en het Atheneum Gent-Zuid zijn vol. Jan De Smet (voogd) en Sara Vermeulen zoeken mee."
        ),
    )


@pytest.fixture
def signal_sent_as_offered(coach_client, naming_barrier, network):
    """The barrier turned into a signal exactly as the form offers it: its prefilled values posted back."""
    form_page = coach_client.post(reverse("adviesgroep:signal_from_barrier", kwargs={"barrier_pk": naming_barrier.pk}))
    assert form_page.status_code == 200
    values = _form_values(form_page.content.decode())
    values["theme"] = Theme.CHOICES  # the one choice the form leaves to the sender
    response = coach_client.post(reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk}), values)
    signal = Signal.objects.get()  # sent, not refused: the prefill was already pseudonymous
    assert response.status_code == 302
    return signal


def test_a_signal_from_a_barrier_that_names_the_youth_is_sent_without_the_name(signal_sent_as_offered, naming_barrier):
    signal = signal_sent_as_offered
    assert signal.source_barrier == naming_barrier
    stored = f"{signal.question}\n{signal.case_summary}"
    for identifying in ("Ahmad", "Rahimi", "14/03/2009", "Barbara", "Atheneum", "De Smet", "Sara", "Vermeulen"):
        assert identifying not in stored
    assert _("[youth]") in signal.question and _("[school]") in signal.question


SECRET_WORDS = ("Ahmad", "Rahimi", "Barbara", "Atheneum", "Gent-Zuid", "Sara", "Vermeulen", "sara@atheneum")


def _advisory_pages(client, signal) -> dict[str, str]:
    pages = {
        "dashboard": reverse("dashboard"),
        "inbox": reverse("adviesgroep:inbox"),
        "signal": reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}),
        "aggregation": reverse("adviesgroep:aggregation"),
        "csv": reverse("adviesgroep:aggregation_csv"),
        "stats": reverse("adviesgroep:stats"),
        "lessons": reverse("adviesgroep:lesson_list"),
        "lesson form": reverse("adviesgroep:lesson_create") + f"?signal={signal.pk}",
        "policy": reverse("adviesgroep:policy_list"),
        "policy form": reverse("adviesgroep:policy_create") + f"?signals={signal.pk}",
    }
    contents = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        contents[name] = response.content.decode()
    return contents


def test_no_advisory_group_page_names_the_youth_the_school_or_the_sender(
    signal_sent_as_offered, client, advisor, network
):
    signal = signal_sent_as_offered
    AdviceFactory(signal=signal, text="Vraag een oriëntatiegesprek met tolk aan.")
    LessonFactory(source_signal=signal)
    feedback = PolicyFeedback.objects.create(given_on=datetime.date(2026, 11, 1), recipient="Beleid", summary="Zie")
    feedback.signals.set([signal])
    client.force_login(advisor)
    pages = _advisory_pages(client, signal)
    for name, content in pages.items():
        for word in SECRET_WORDS:
            assert word not in content, (name, word)
    # The sender as a sector, the network as a pseudonymous code (not "network <id>").
    assert str(Sector.EDUCATION.label) in pages["inbox"] and str(Sector.EDUCATION.label) in pages["signal"]
    assert network_code(network.pk) in pages["inbox"] and network_code(network.pk) in pages["signal"]
    assert _("network %(number)s") % {"number": network.pk} not in pages["inbox"]


def test_the_network_that_shares_more_shows_the_sender_to_the_advisory_group(advisor_client, network, coach):
    signal = SignalFactory(network=network, sent_by=coach, share_more=True, sender_sector=Sector.EDUCATION)
    inbox = advisor_client.get(reverse("adviesgroep:inbox")).content.decode()
    page = advisor_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})).content.decode()
    assert "Atheneum Gent-Zuid (OKAN)" in inbox
    assert "Sara Vermeulen" in page and "Atheneum Gent-Zuid (OKAN)" in page


def test_the_network_still_sees_who_of_them_sent_the_signal(coach_client, network, coach):
    signal = SignalFactory(network=network, sent_by=coach, sender_sector=Sector.EDUCATION)
    page = coach_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})).content.decode()
    assert "Sara Vermeulen" in page


def test_the_network_code_is_stable_and_not_the_database_id(network, other_network):
    code = network_code(network.pk)
    assert code == network_code(network.pk) == SignalFactory(network=network).network_code
    assert code.startswith("N-") and len(code) == 8
    assert code != network_code(other_network.pk)
    with override_settings(SECRET_KEY="another key, another set of codes" * 2):
        assert network_code(network.pk) != code


def test_the_csv_has_no_network_id_or_name(signal_sent_as_offered, advisor_client):
    content = advisor_client.get(reverse("adviesgroep:aggregation_csv")).content.decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows[0]) == 4
    assert all(word not in content for word in SECRET_WORDS)


# --- advice, lessons and policy feedback, checked against the signal's network -------------------


def test_advice_that_names_the_youth_is_refused(advisor_client, named_youth, network):
    signal = SignalFactory(network=network)
    url = reverse("adviesgroep:signal_answer", kwargs={"signal_pk": signal.pk})
    response = advisor_client.post(url, {"text": "Laat Ahmad een oriëntatiegesprek aanvragen."})
    assert response.status_code == 400
    assert "text" in response.context["advice_form"].errors
    assert not Advice.objects.exists()


def test_the_answer_service_refuses_a_name_too(named_youth, network, advisor):
    signal = SignalFactory(network=network)
    with pytest.raises(ValidationError):
        services.signal_answer(signal=signal, text="Bel het Sint-Barbaracollege.", by=advisor)
    assert not Advice.objects.exists()


def test_a_lesson_from_a_signal_that_names_the_youth_is_refused(advisor_client, named_youth, network):
    signal = SignalFactory(network=network)
    data = {"title": "Studiekeuze", "body": "Rahimi kreeg een tolk.", "theme": Theme.CHOICES}
    data["source_signal"] = signal.pk
    response = advisor_client.post(reverse("adviesgroep:lesson_create"), data)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not Lesson.objects.exists()


def test_the_lesson_service_refuses_a_name_too(named_youth, network, advisor):
    signal = SignalFactory(network=network)
    lesson = Lesson(title="Ahmad vond een school", body="Met een tolk.", source_signal=signal)
    with pytest.raises(ValidationError):
        services.lesson_save(lesson=lesson, categories=[], by=advisor)
    assert not Lesson.objects.exists()


def test_policy_feedback_that_names_a_member_is_refused(advisor_client, named_youth, network):
    signal = SignalFactory(network=network)
    data = {
        "given_on": "2026-11-20",
        "recipient": "Kernteam",
        "summary": "Sara Vermeulen meldde dat de wachtlijst te lang is.",
        "signal_numbers": str(signal.pk),
    }
    response = advisor_client.post(reverse("adviesgroep:policy_create"), data)
    assert response.status_code == 200
    assert "summary" in response.context["form"].errors
    assert not PolicyFeedback.objects.exists()


def test_the_policy_service_refuses_a_name_too(named_youth, network, advisor):
    signal = SignalFactory(network=network)
    with pytest.raises(ValidationError):
        services.policy_feedback_record(
            given_on=datetime.date(2026, 11, 20),
            recipient="Kernteam",
            summary="Over Ahmad.",
            signals=[signal],
            by=advisor,
        )
    assert not PolicyFeedback.objects.exists()


def test_signals_sent_before_the_rule_are_pseudonymised_by_the_migration(named_youth, network):
    from importlib import import_module

    from django.apps import apps
    from django.utils import translation

    migration = import_module("adviesgroep.migrations.0003_pseudonymise_existing_signals")
    old = SignalFactory(network=network, question="Ahmad vindt geen school.", case_summary="Ahmad, 16")
    shared = SignalFactory(network=network, question="Wat nu?", case_summary="Ahmad, 16", share_more=True)
    advice = AdviceFactory(signal=old, text="Laat Rahimi een tolk vragen.")
    migration.pseudonymise_existing(apps, None)
    old.refresh_from_db()
    shared.refresh_from_db()
    advice.refresh_from_db()
    with translation.override("nl"):
        youth = _("[youth]")
    assert old.question == f"{youth} vindt geen school." and old.case_summary == f"{youth}, 16"
    assert advice.text == f"Laat {youth} een tolk vragen."
    assert shared.case_summary == "Ahmad, 16"  # the network chose to share more
