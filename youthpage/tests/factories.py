import factory
from factory.django import DjangoModelFactory

from youthpage.models import MessageKind, YouthMessage


class YouthMessageFactory(DjangoModelFactory):
    class Meta:
        model = YouthMessage

    network = factory.SubFactory("networks.tests.factories.CareNetworkFactory")
    kind = MessageKind.QUESTION
    text = "Wanneer is de volgende afspraak?"
