"""Step 2 in one sitting: the picker lists only supporters the user may know, searchable; several at once."""

from django.urls import reverse

from accounts.choices import Sector
from networks.choices import MemberRole
from networks.forms import supporters_user_may_know
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory
from youths.tests.factories import YouthFactory
from youths.tests.helpers import client_for


def test_the_picker_lists_colleagues_and_members_of_my_networks_but_not_strangers(network, coach):
    colleague = SupporterFactory(organisation=coach.organisation, first_name="Collega")
    stranger = SupporterFactory(organisation=OrganisationFactory(), first_name="Vreemde")
    # a member of another network of the coach
    other = CareNetworkFactory(youth=YouthFactory())
    network_add_member(network=other, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    known = SupporterFactory(organisation=OrganisationFactory(sector=Sector.WELFARE), first_name="Gekend")
    network_add_member(network=other, supporter=known, role=MemberRole.SOCIAL_WORKER)
    listed = set(supporters_user_may_know(user=coach, network=network))
    assert colleague in listed and known in listed
    assert stranger not in listed
    assert coach.supporter not in listed  # already in this network


def test_the_picker_narrows_by_search_words(network, coach):
    SupporterFactory(organisation=coach.organisation, first_name="Fatima", last_name="Ouali")
    SupporterFactory(organisation=coach.organisation, first_name="Pieter", last_name="Claes")
    page = client_for(coach).get(reverse("networks:membership_create", args=[network.pk]), {"q": "fati"})
    html = page.content.decode()
    assert "Fatima Ouali" in html and "Pieter Claes" not in html


def test_several_supporters_join_at_once_in_the_role_of_their_sector(network, coach):
    first = SupporterFactory(organisation=coach.organisation, first_name="Fatima")
    second = SupporterFactory(organisation=coach.organisation, first_name="Pieter")
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]),
        {"several": "1", "several-supporters": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    joined = network.memberships.active().filter(supporter__in=[first, second])
    assert joined.count() == 2
    assert {membership.role for membership in joined} == {MemberRole.SCHOOL_COACH}


def test_several_at_once_refuses_all_when_a_new_organisation_has_no_consent(network, coach):
    colleague = SupporterFactory(organisation=coach.organisation)
    other_org = OrganisationFactory(sector=Sector.HOUSING)
    other = CareNetworkFactory(youth=YouthFactory())
    network_add_member(network=other, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    housing = SupporterFactory(organisation=other_org)
    network_add_member(network=other, supporter=housing, role=MemberRole.HOUSING_COUNSELLOR)
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]),
        {"several": "1", "several-supporters": [colleague.pk, housing.pk]},
    )
    assert response.status_code == 200
    assert not network.memberships.filter(supporter__in=[colleague, housing]).exists()


def test_a_supporter_the_user_cannot_know_cannot_be_posted(network, coach):
    stranger = SupporterFactory(organisation=OrganisationFactory())
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]), {"several": "1", "several-supporters": [stranger.pk]}
    )
    assert response.status_code == 200
    assert not network.memberships.filter(supporter=stranger).exists()


def test_the_interpreter_prompt_shows_when_the_youth_needs_one(network, coach):
    network.youth.interpreter_language = "Dari"
    network.youth.save()
    html = client_for(coach).get(reverse("networks:membership_create", args=[network.pk])).content.decode()
    assert 'data-testid="interpreter-prompt"' in html


def test_the_playbook_roles_are_offered(network, coach):
    html = client_for(coach).get(reverse("networks:membership_create", args=[network.pk])).content.decode()
    assert 'value="next_school_coach"' in html and 'value="psychologist"' in html


def test_an_outsider_gets_404_for_the_picker(network, outsider):
    url = reverse("networks:membership_create", args=[network.pk])
    assert client_for(outsider).get(url, {"q": "a"}).status_code == 404
