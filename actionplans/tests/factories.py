import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from actionplans.models import Action, ActionPlan, Domain, Meeting, Referral


class ActionPlanFactory(DjangoModelFactory):
    class Meta:
        model = ActionPlan
        django_get_or_create = ["network"]

    network = factory.SubFactory("networks.tests.factories.CareNetworkFactory")
    question_for_help = "Ahmad wil Nederlands leren en later als elektricien werken."


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ActionPlanFactory)
    domain = Domain.SCHOOL
    description = factory.Sequence(lambda n: f"Actie {n}")
    owner_is_youth = True
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = Referral

    plan = factory.SubFactory(ActionPlanFactory)
    partner = "Jobteam Gent"
    reason = "Begeleiding naar een job na het 18de jaar."


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory("networks.tests.factories.CareNetworkFactory")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + datetime.timedelta(hours=1))
    location = "Atheneum Gent-Zuid, lokaal 12"
