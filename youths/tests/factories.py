import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from youths.models import Housing, Intake, SchoolSituation, Youth


def years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:
        day = today.replace(year=today.year - years, day=28)
    return day - datetime.timedelta(days=days)


class YouthFactory(DjangoModelFactory):
    class Meta:
        model = Youth

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    birth_date = factory.LazyFunction(lambda: years_ago(16, days=40))
    country_of_origin = "Afghanistan"
    languages = "Dari, Pashto"
    school_situation = SchoolSituation.OKAN
    housing = Housing.RECEPTION


class IntakeFactory(DjangoModelFactory):
    class Meta:
        model = Intake

    youth = factory.SubFactory(YouthFactory)
    needs = "Wil graag Nederlands leren en later een opleiding volgen."
    strengths = "Doorzetter, goed in wiskunde"
    consent_given = True
    consent_date = factory.LazyFunction(timezone.localdate)
    consent_explained_by = "Sara (OKAN-coach)"
    consent_language = "Dari"
