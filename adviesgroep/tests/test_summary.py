"""The pseudonymised case summary: initial, age, country, school situation, housing, intensity; nothing more."""

import datetime

import pytest
from django.utils import formats, translation

from adviesgroep.pseudonyms import identifiers_for, identifying_details_in
from adviesgroep.selectors import signal_summary_for
from networks.choices import Intensity, NetworkStatus
from networks.tests.factories import CareNetworkFactory
from youths.models import Housing, SchoolSituation
from youths.tests.factories import YouthFactory, years_ago

pytestmark = pytest.mark.django_db

MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]  # fmt: skip


def _date_formats(day: datetime.date) -> set[str]:
    """The ways a birth date is commonly written in Flanders and in English."""
    texts = {
        day.isoformat(),
        day.strftime("%d/%m/%Y"),
        day.strftime("%d-%m-%Y"),
        day.strftime("%d.%m.%Y"),
        day.strftime("%d/%m/%y"),
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day}-{day.month}-{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        day.strftime("%m/%d/%Y"),
        day.strftime("%d %B %Y"),
        day.strftime("%B %d, %Y"),
        f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}",
        str(day.year),
    }
    for language in ("nl", "en", "fr"):
        with translation.override(language):
            texts.add(formats.date_format(day, "DATE_FORMAT"))
            texts.add(formats.date_format(day, "SHORT_DATE_FORMAT"))
    return {text.lower() for text in texts}


@pytest.fixture
def demo_like_youth():
    """A youth as the demo has them: full name, exact birth date, a school with a name."""
    return YouthFactory(
        first_name="Ahmad",
        last_name="Rahimi",
        birth_date=years_ago(16, days=75),
        country_of_origin="Afghanistan",
        school_situation=SchoolSituation.OKAN,
        school_name="Atheneum Gent-Zuid",
        housing=Housing.MINOR_NDAKO,
    )


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_summary_of_a_demo_youth_names_no_name_no_birth_date_and_no_school(demo_like_youth, language):
    network = CareNetworkFactory(youth=demo_like_youth, intensity=Intensity.INTENSIVE, status=NetworkStatus.ACTIVE)
    with translation.override(language):
        summary = signal_summary_for(demo_like_youth, network).lower()
    assert "ahmad" not in summary
    assert "rahimi" not in summary
    assert "atheneum" not in summary
    assert "gent-zuid" not in summary
    for written in _date_formats(demo_like_youth.birth_date):
        assert written not in summary, written


def test_summary_gives_initial_age_country_school_situation_housing_and_intensity(demo_like_youth):
    network = CareNetworkFactory(youth=demo_like_youth, intensity=Intensity.INTENSIVE)
    with translation.override("en"):
        summary = signal_summary_for(demo_like_youth, network)
    assert "A." in summary
    assert "Age: 16" in summary
    assert "Afghanistan" in summary
    assert "OKAN (reception class)" in summary
    assert "Minor Ndako" in summary
    assert "Intensive" in summary


def test_an_estimated_birth_year_gives_an_approximate_age():
    youth = YouthFactory(first_name="Bilal", birth_date=None, birth_year_estimated=years_ago(17).year)
    network = CareNetworkFactory(youth=youth)
    with translation.override("en"):
        summary = signal_summary_for(youth, network)
    assert "about" in summary
    assert str(youth.birth_year_estimated) not in summary


def test_the_check_on_the_edited_summary_finds_a_name_a_school_and_a_birth_date(demo_like_youth):
    born = demo_like_youth.birth_date
    identifiers = identifiers_for(CareNetworkFactory(youth=demo_like_youth))

    def personal_details_in(text, youth):
        return identifying_details_in(text, identifiers)

    assert personal_details_in("Ahmad is gemotiveerd", demo_like_youth)
    assert personal_details_in("zit op Atheneum Gent-Zuid", demo_like_youth)
    assert personal_details_in(f"geboren {born:%d/%m/%Y}", demo_like_youth)
    assert personal_details_in(f"geboren {born.isoformat()}", demo_like_youth)
    assert personal_details_in("Jongere: A., 16 jaar, uit Afghanistan", demo_like_youth) == []
