import factory
from factory.django import DjangoModelFactory

from accounts.choices import Sector
from accounts.models import Organisation, User
from networks.choices import MemberRole
from networks.models import CareNetwork, Membership, Supporter


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    sector = Sector.EDUCATION


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    password = factory.django.Password("correct horse battery staple")


class SupporterFactory(DjangoModelFactory):
    class Meta:
        model = Supporter

    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    function = "Leerlingenbegeleider"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"supporter{n}@example.org")


class CareNetworkFactory(DjangoModelFactory):
    class Meta:
        model = CareNetwork

    youth = factory.SubFactory("youths.tests.factories.YouthFactory")


class MembershipFactory(DjangoModelFactory):
    """A membership created directly; use network_add_member in tests about access."""

    class Meta:
        model = Membership

    network = factory.SubFactory(CareNetworkFactory)
    supporter = factory.SubFactory(SupporterFactory)
    role = MemberRole.SCHOOL_COACH
