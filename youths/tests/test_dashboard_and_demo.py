"""The dashboard panel of youths turning 18, and the demo youths."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Sector
from networks.choices import ESSENTIAL_SECTORS, Intensity, MemberRole, NetworkStatus
from networks.models import CareNetwork, Membership, SharingConsent
from youths.dashboard import youths_turning_18
from youths.models import Intake, ResidenceStatus, SchoolSituation, Youth
from youths.tests.factories import years_ago
from youths.tests.helpers import client_for, youths_in_networks_of

pytestmark = pytest.mark.django_db


def test_youths_turning_18_within_six_months_are_listed_soonest_first(coach):
    soon, later, past, far = youths_in_networks_of(coach, 4)
    Youth.objects.filter(pk=soon.pk).update(birth_date=years_ago(18, days=-20))
    Youth.objects.filter(pk=later.pk).update(birth_date=years_ago(18, days=-150))
    Youth.objects.filter(pk=past.pk).update(birth_date=years_ago(18, days=3))
    Youth.objects.filter(pk=far.pk).update(birth_date=years_ago(18, days=-250))
    assert youths_turning_18(coach) == [soon, later]


def test_an_estimated_birth_year_counts_from_1_january():
    today = datetime.date(2026, 9, 1)
    from networks.tests.factories import OrganisationFactory, SupporterFactory, UserFactory

    user = UserFactory(organisation=OrganisationFactory())
    SupporterFactory(user=user, organisation=user.organisation)
    [youth] = youths_in_networks_of(user, 1, birth_date=None, birth_year_estimated=2009)
    assert youths_turning_18(user, today=today) == [youth]  # 18 on 1 January 2027
    assert youths_turning_18(user, today=datetime.date(2026, 5, 1)) == []


def test_the_dashboard_shows_the_panel_and_links_networks(network, coach):
    page = client_for(coach).get(reverse("networks:dashboard")).content.decode()
    assert reverse("networks:network_detail", args=[network.pk]) in page
    assert "turning-18" not in page  # the flag from 17 is handovers.panels's (issue 5)


def test_an_outsiders_dashboard_does_not_show_the_youth(network, outsider):
    Youth.objects.filter(pk=network.youth.pk).update(birth_date=years_ago(18, days=-10))
    page = client_for(outsider).get(reverse("networks:dashboard")).content.decode()
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
