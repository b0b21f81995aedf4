"""Step 2: "Bevraag bij de jongeren zelf wie hen allemaal ondersteunt" -- the youth's answer becomes members."""

from django.urls import reverse

from networks.forms import answer_lines
from networks.tests.factories import OrganisationFactory, SupporterFactory
from youths.models import Intake
from youths.tests.helpers import client_for


def _answer(network, text):
    Intake.objects.filter(youth=network.youth).update(current_support=text)


def _page(user, network):
    return client_for(user).get(reverse("networks:membership_create", args=[network.pk]))


def test_the_youths_answer_is_split_into_one_line_per_person():
    assert answer_lines("Mijn oom Hassan, juf Els en de buddy van JES.\n- Ahmed (vriend)") == [
        "Mijn oom Hassan",
        "juf Els",
        "de buddy van JES",
        "Ahmed (vriend)",
    ]


def test_the_add_member_page_shows_each_line_of_the_youths_answer_with_a_picker(network, coach):
    SupporterFactory(organisation=coach.organisation, first_name="Els", last_name="Peeters", function="Leerkracht")
    _answer(network, "Juf Els\nMijn buddy van JES")
    html = _page(coach, network).content.decode()
    assert 'data-testid="from-answer"' in html
    assert "Juf Els" in html and "Mijn buddy van JES" in html
    assert "Els Peeters" in html


def test_a_line_that_names_a_known_supporter_comes_preselected(network, coach):
    els = SupporterFactory(organisation=coach.organisation, first_name="Els", last_name="Peeters")
    _answer(network, "Juf Els")
    form = _page(coach, network).context["answer"]
    assert form["line_0"].value() == els.pk


def test_the_chosen_supporters_join_at_once_and_skipped_lines_add_nobody(network, coach):
    els = SupporterFactory(organisation=coach.organisation, first_name="Els")
    pieter = SupporterFactory(organisation=coach.organisation, first_name="Pieter")
    _answer(network, "Juf Els\nMeester Pieter\nMijn oom in Antwerpen")
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]),
        {"from_answer": "1", "answer-line_0": els.pk, "answer-line_1": pieter.pk, "answer-line_2": ""},
    )
    assert response.status_code == 302
    assert network.memberships.active().filter(supporter__in=[els, pieter]).count() == 2


def test_nothing_chosen_adds_nobody_and_says_so(network, coach):
    _answer(network, "Mijn oom in Antwerpen")
    before = network.memberships.count()
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]), {"from_answer": "1", "answer-line_0": ""}
    )
    assert response.status_code == 200
    assert "Kies minstens één begeleider" in response.content.decode()
    assert network.memberships.count() == before


def test_a_supporter_the_user_cannot_know_cannot_be_posted_for_a_line(network, coach):
    stranger = SupporterFactory(organisation=OrganisationFactory())
    _answer(network, "Iemand")
    response = client_for(coach).post(
        reverse("networks:membership_create", args=[network.pk]), {"from_answer": "1", "answer-line_0": stranger.pk}
    )
    assert response.status_code == 200
    assert not network.memberships.filter(supporter=stranger).exists()


def test_no_checklist_without_an_answer(network, coach):
    _answer(network, "")
    assert 'data-testid="from-answer"' not in _page(coach, network).content.decode()


def test_an_outsider_gets_404_and_adds_nobody(network, outsider, coach):
    els = SupporterFactory(organisation=coach.organisation, first_name="Els")
    _answer(network, "Juf Els")
    client = client_for(outsider)
    assert client.get(reverse("networks:membership_create", args=[network.pk])).status_code == 404
    response = client.post(
        reverse("networks:membership_create", args=[network.pk]), {"from_answer": "1", "answer-line_0": els.pk}
    )
    assert response.status_code == 404
    assert not network.memberships.filter(supporter=els).exists()


def test_the_page_with_a_long_answer_stays_within_its_queries(network, coach, django_assert_max_num_queries):
    for index in range(8):
        SupporterFactory(organisation=coach.organisation, first_name=f"Collega{index}")
    _answer(network, "\n".join(f"Persoon {index}" for index in range(10)))
    client = client_for(coach)
    url = reverse("networks:membership_create", args=[network.pk])
    client.get(url)
    with django_assert_max_num_queries(24):
        assert client.get(url).status_code == 200
