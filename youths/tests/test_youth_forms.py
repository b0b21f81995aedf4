"""Registering and editing a youth: validation in the user's language, the network that comes with it,
and the residence situation that only the guardian and welfare see."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Sector
from networks.choices import MemberRole, NetworkStatus
from networks.models import CareNetwork, Membership, Supporter
from networks.services import membership_end, network_add_member
from networks.tests.factories import OrganisationFactory, SupporterFactory, UserFactory
from youths.models import ResidenceStatus, Youth
from youths.services import youth_create, youth_may_see_residence_status
from youths.tests.factories import years_ago
from youths.tests.helpers import client_for, in_language

pytestmark = pytest.mark.django_db


def youth_data(**overrides):
    data = {
        "first_name": "Nour",
        "last_name": "Haidari",
        "birth_date": years_ago(15).isoformat(),
        "birth_year_estimated": "",
        "gender": "female",
        "country_of_origin": "Afghanistan",
        "languages": "Dari",
        "interpreter_language": "Dari",
        "arrival_date": "",
        "residence_status": ResidenceStatus.NO_DOCUMENTS,
        "school_situation": "okan",
        "school_name": "",
        "study_choice": "",
        "housing": "reception",
    }
    data.update(overrides)
    return data


def test_registering_a_youth_starts_a_network_with_the_creator_as_lead(coach):
    response = client_for(coach).post(reverse("youths:youth_create"), youth_data())
    youth = Youth.objects.get(first_name="Nour")
    assert response.status_code == 302
    assert response.url == reverse("youths:youth_detail", args=[youth.pk])
    network = CareNetwork.objects.get(youth=youth)
    assert network.status == NetworkStatus.PREPARING
    [membership] = network.memberships.all()
    assert membership.supporter == coach.supporter
    assert network.lead == membership
    assert list(Youth.objects.visible_to(coach)) == [youth]


def test_a_user_without_a_supporter_record_gets_one_when_registering_a_youth(school_b):
    user = UserFactory(first_name="Els", last_name="Mertens", organisation=school_b)
    youth = youth_create(by=user, first_name="Nour", last_name="Haidari", birth_date=years_ago(15))
    supporter = Supporter.objects.get(user=user)
    assert (supporter.full_name, supporter.organisation) == ("Els Mertens", school_b)
    assert Membership.objects.get(network__youth=youth).supporter == supporter


@pytest.mark.parametrize(
    ("overrides", "field", "message", "values"),
    [
        (
            {"birth_date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()},
            "birth_date",
            "The date of birth cannot be in the future.",
            {},
        ),
        (
            {"birth_date": years_ago(5).isoformat()},
            "birth_date",
            "The age must be between %(min)d and %(max)d years.",
            {"min": 6, "max": 25},
        ),
        (
            {"birth_date": years_ago(26).isoformat()},
            "birth_date",
            "The age must be between %(min)d and %(max)d years.",
            {"min": 6, "max": 25},
        ),
        (
            {"birth_date": "", "birth_year_estimated": str(timezone.localdate().year - 30)},
            "birth_year_estimated",
            "The age must be between %(min)d and %(max)d years.",
            {"min": 6, "max": 25},
        ),
        ({"birth_date": ""}, "birth_date", "Give a date of birth or an estimated year of birth.", {}),
        (
            {"birth_year_estimated": "2010"},
            "birth_year_estimated",
            "Give either a date of birth or an estimated year of birth, not both.",
            {},
        ),
    ],
)
def test_invalid_birth_data_gives_a_clear_message_and_saves_nothing(coach, overrides, field, message, values):
    response = client_for(coach).post(reverse("youths:youth_create"), youth_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    assert in_language(message, **values) in response.content.decode()
    assert not Youth.objects.exists()
    assert not CareNetwork.objects.exists()
    assert 'value="Nour"' in response.content.decode()  # the user's input is kept


def test_the_message_is_dutch_for_a_dutch_user(coach):
    """Dutch is the default language: the page speaks the Dutch catalogue's words."""
    response = client_for(coach).post(
        reverse("youths:youth_create"),
        youth_data(birth_date=(timezone.localdate() + datetime.timedelta(days=3)).isoformat()),
    )
    assert response.headers["Content-Language"] == "nl"
    assert in_language("The date of birth cannot be in the future.", "nl") in response.content.decode()


def test_an_estimated_year_is_accepted_instead_of_a_date(coach):
    year = timezone.localdate().year - 16
    client_for(coach).post(reverse("youths:youth_create"), youth_data(birth_date="", birth_year_estimated=str(year)))
    youth = Youth.objects.get()
    assert youth.birth_date is None and youth.birth_date_is_estimated
    assert youth.age in (15, 16)


def test_editing_a_youth_saves_and_notes_it_in_the_timeline(network, coach):
    youth = network.youth
    data = youth_data(
        first_name="Ahmad", last_name="Rahimi", school_situation="secondary", study_choice="Elektriciteit"
    )
    response = client_for(coach).post(reverse("youths:youth_update", args=[youth.pk]), data)
    assert response.status_code == 302
    youth.refresh_from_db()
    assert (youth.school_situation, youth.study_choice) == ("secondary", "Elektriciteit")
    assert youth.timeline.filter(kind="youth").exists()


def test_a_get_on_the_forms_changes_nothing(network, coach):
    client = client_for(coach)
    client.get(reverse("youths:youth_create"), youth_data())
    client.get(reverse("youths:youth_update", args=[network.youth.pk]), youth_data(first_name="X"))
    assert Youth.objects.count() == 1
    assert Youth.objects.get().first_name == "Ahmad"


# --- the residence situation: only the guardian and welfare in the network -----------------------


def test_the_guardian_in_the_network_may_see_the_residence_situation(network, guardian):
    assert youth_may_see_residence_status(guardian, network.youth)


def test_a_welfare_organisation_in_the_network_may_see_the_residence_situation(network):
    caw = OrganisationFactory(name="CAW", sector=Sector.WELFARE)
    worker = UserFactory(organisation=caw)
    assert not youth_may_see_residence_status(worker, network.youth)  # not yet in the network
    network_add_member(network=network, supporter=SupporterFactory(organisation=caw), role=MemberRole.SOCIAL_WORKER)
    assert youth_may_see_residence_status(worker, network.youth)


def test_school_and_work_do_not_see_the_residence_situation(network, coach, vdab, advisor):
    for user in (coach, vdab, advisor):
        assert not youth_may_see_residence_status(user, network.youth)


def test_a_guardian_who_left_the_network_no_longer_sees_the_residence_situation(network, guardian):
    membership_end(membership=network.memberships.get(supporter=guardian.supporter))
    assert not youth_may_see_residence_status(guardian, network.youth)


def test_a_guardianship_colleague_outside_the_network_does_not_see_it(network, guardianship):
    other_youth_guardian = UserFactory(organisation=OrganisationFactory(name="Andere voogdij", sector="guardianship"))
    assert not youth_may_see_residence_status(other_youth_guardian, network.youth)


def test_the_dossier_hides_the_residence_situation_from_the_school(network, coach, guardian):
    youth = network.youth
    youth.residence_status = ResidenceStatus.NO_DOCUMENTS
    youth.save()
    label = in_language("No documents")
    school_page = client_for(coach).get(reverse("youths:youth_detail", args=[youth.pk])).content.decode()
    guardian_page = client_for(guardian).get(reverse("youths:youth_detail", args=[youth.pk])).content.decode()
    assert label not in school_page
    assert in_language("Only visible to the guardian and welfare") in school_page
    assert label in guardian_page


def test_the_school_cannot_see_or_change_the_residence_situation_in_the_form(network, coach, guardian):
    youth = network.youth
    youth.residence_status = ResidenceStatus.ASYLUM_PROCEDURE
    youth.save()
    url = reverse("youths:youth_update", args=[youth.pk])
    assert "residence_status" not in client_for(coach).get(url).context["form"].fields
    assert "residence_status" in client_for(guardian).get(url).context["form"].fields

    client_for(coach).post(url, youth_data(first_name="Ahmad", residence_status=ResidenceStatus.RECOGNISED))
    youth.refresh_from_db()
    assert youth.residence_status == ResidenceStatus.ASYLUM_PROCEDURE
