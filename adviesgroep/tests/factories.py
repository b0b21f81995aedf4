import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from actionplans.models import ActionPlan, Barrier, BarrierCategory
from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal, SignalKind, Theme


class BarrierCategoryFactory(DjangoModelFactory):
    class Meta:
        model = BarrierCategory
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Testcategorie {n}")
    slug = factory.Sequence(lambda n: f"testcategorie-{n}")
    order = 900


class ActionPlanFactory(DjangoModelFactory):
    class Meta:
        model = ActionPlan
        django_get_or_create = ["network"]

    network = factory.SubFactory("networks.tests.factories.CareNetworkFactory")


class BarrierFactory(DjangoModelFactory):
    class Meta:
        model = Barrier

    plan = factory.SubFactory(ActionPlanFactory)
    category = factory.SubFactory(BarrierCategoryFactory)
    description = "Geen plaats in de gekozen richting in een school in de buurt."


class SignalFactory(DjangoModelFactory):
    class Meta:
        model = Signal
        skip_postgeneration_save = True

    network = factory.SubFactory("networks.tests.factories.CareNetworkFactory")
    kind = SignalKind.STRUCTURAL
    theme = Theme.CHOICES
    question = "Hoe verbreden we de studiekeuze na OKAN?"
    case_summary = "Jongere: A.\nLeeftijd: 16"
    sent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class AdviceFactory(DjangoModelFactory):
    class Meta:
        model = Advice

    signal = factory.SubFactory(SignalFactory)
    text = "Vraag een oriëntatiegesprek met tolk aan bij het CLB."


class LessonFactory(DjangoModelFactory):
    class Meta:
        model = Lesson

    title = factory.Sequence(lambda n: f"Les {n}")
    body = "Informeer de jongere herhaaldelijk en met een tolk over de mogelijkheden."
    theme = Theme.CHOICES


class PolicyFeedbackFactory(DjangoModelFactory):
    class Meta:
        model = PolicyFeedback

    recipient = "Kernteam Lokaal Sociaal Beleid Gent"
    summary = "Groeipakket preventief inhouden."
