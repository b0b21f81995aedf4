"""Youths by date of birth, the dashboard, and the demo youths."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Sector
from networks.choices import ESSENTIAL_SECTORS, Intensity, MemberRole, NetworkStatus
from networks.models import CareNetwork, Membership, SharingConsent
from youths.models import Intake, ResidenceStatus, SchoolSituation, Youth
from youths.tests.factories import years_ago
from youths.tests.helpers import client_for, youths_in_networks_of

pytestmark = pytest.mark.django_db


def test_born_between_takes_exact_dates_and_counts_an_estimated_year_from_1_january():
    from networks.tests.factories import OrganisationFactory, SupporterFactory, UserFactory

    user = UserFactory(organisation=OrganisationFactory())
    SupporterFactory(user=user, organisation=user.organisation)
    exact, estimated = youths_in_networks_of(user, 2)
    Youth.objects.filter(pk=exact.pk).update(birth_date=datetime.date(2008, 12, 24))
    Youth.objects.filter(pk=estimated.pk).update(birth_date=None, birth_year_estimated=2009)

    def born(after, until):
        return set(Youth.objects.born_between(after, until))

    assert born(datetime.date(2008, 9, 1), datetime.date(2009, 3, 1)) == {exact, estimated}
    assert born(datetime.date(2008, 12, 24), datetime.date(2009, 3, 1)) == {estimated}  # after, not on
    assert born(datetime.date(2008, 5, 1), datetime.date(2008, 12, 31)) == {exact}
    assert born(datetime.date(2009, 1, 1), datetime.date(2009, 12, 31)) == set()  # 1 January is not after itself


def test_the_dashboard_shows_the_panel_and_links_networks(network, coach):
    page = client_for(coach).get(reverse("dashboard")).content.decode()
    assert reverse("networks:network_detail", args=[network.pk]) in page
    assert "turning-18" not in page  # the flag from 17 is the handovers panel's


def test_an_outsiders_dashboard_does_not_show_the_youth(network, outsider):
    Youth.objects.filter(pk=network.youth.pk).update(birth_date=years_ago(18, days=-10))
    page = client_for(outsider).get(reverse("dashboard")).content.decode()
    assert "Ahmad" not in page


def seed_youths() -> dict:
    from networks import demo as network_demo
    from youths import demo

    context = network_demo.seed_organisations_and_people()
    demo.seed(context)
    return context


def test_the_demo_has_varied_youths_and_is_idempotent():
    seed_youths()
    counts = (Youth.objects.count(), CareNetwork.objects.count(), Membership.objects.count())
    counts += (SharingConsent.objects.count(), Intake.objects.count())
    seed_youths()
    assert (Youth.objects.count(), CareNetwork.objects.count(), Membership.objects.count()) == counts[:3]
    assert (SharingConsent.objects.count(), Intake.objects.count()) == counts[3:]

    assert Youth.objects.count() >= 8
    assert Youth.objects.filter(residence_status=ResidenceStatus.NO_DOCUMENTS).exists()
    assert Youth.objects.filter(school_situation=SchoolSituation.NONE).exists()
    today = timezone.localdate()
    assert any(
        y.eighteenth_birthday and today < y.eighteenth_birthday <= today + datetime.timedelta(days=92)
        for y in Youth.objects.all()
    )
    assert any(y.age == 17 for y in Youth.objects.all())
    assert {Intensity.LIGHT, Intensity.INTENSIVE} <= set(CareNetwork.objects.values_list("intensity", flat=True))
    assert Intake.objects.filter(consent_given=True).exists()

    missing_work = [
        n
        for n in CareNetwork.objects.all()
        if Sector.WORK not in set(n.memberships.active().values_list("sector", flat=True))
    ]
    assert missing_work
    sara = Membership.objects.active().filter(supporter__email="sara@okan.demo").count()
    jan = Membership.objects.active().filter(supporter__email="jan@voogdij.demo", role=MemberRole.GUARDIAN).count()
    assert sara >= 3
    assert jan > CareNetwork.objects.count() / 2
    assert CareNetwork.objects.filter(status=NetworkStatus.ACTIVE).exists()
    assert len(ESSENTIAL_SECTORS) == 5


def test_the_demo_fills_the_networks_of_the_context():
    context = seed_youths()
    assert set(context["networks"]) >= {"Yonas", "Farida", "Mamadou", "Hamid", "Amina", "Omar", "Tesfay", "Bilal"}
    yonas = context["networks"]["Yonas"]
    assert yonas.lead.supporter.email == "sara@okan.demo"
    assert yonas.continuity_figure.role == MemberRole.GUARDIAN
    assert yonas.memberships.filter(joins_online=True, role=MemberRole.FAMILY_MEMBER).exists()


def test_running_the_demo_again_does_not_bring_back_a_member_who_left():
    from networks.services import membership_end

    context = seed_youths()
    bilal = context["networks"]["Bilal"]
    membership_end(membership=bilal.memberships.get(supporter__email="sara@okan.demo"))
    seed_youths()
    assert not bilal.memberships.active().filter(supporter__email="sara@okan.demo").exists()
