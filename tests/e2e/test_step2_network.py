"""Step 2 of the playbook: map the network — supporters from other organisations, the map, the coverage check."""

import pytest

from accounts.choices import Sector
from networks.models import Membership
from networks.tests.factories import OrganisationFactory, SupporterFactory
from youths.models import ResidenceStatus

pytestmark = pytest.mark.browser


def test_coach_adds_supporters_from_other_organisations_and_the_coverage_warning_disappears(
    page, url, log_in, follow, visit, coach, network
):
    caw = OrganisationFactory(name="CAW Oost-Vlaanderen", sector=Sector.WELFARE)
    pieter = SupporterFactory(
        first_name="Pieter", last_name="Desmet", organisation=caw, function="Maatschappelijk assistent"
    )
    # Sara knows Pieter from another youth's network: the picker lists only people she may know.
    from networks.choices import MemberRole
    from networks.services import network_add_member
    from networks.tests.factories import CareNetworkFactory
    from youths.tests.factories import YouthFactory

    other = CareNetworkFactory(youth=YouthFactory(first_name="Samir", last_name="Haddad"))
    network_add_member(network=other, supporter=coach.supporter, role=MemberRole.OKAN_COACH)
    network_add_member(network=other, supporter=pieter, role=MemberRole.SOCIAL_WORKER)
    OrganisationFactory(name="Minor Ndako Gent", sector=Sector.HOUSING)
    log_in(coach)
    follow(page.get_by_role("region", name="Mijn netwerken").get_by_role("link", name="Ahmad Rahimi"))
    assert page.url == url("networks:network_detail", network.pk)

    warning = page.get_by_test_id("coverage-missing")
    assert "Welzijn" in warning.inner_text() and "Wonen" in warning.inner_text()
    ecomap = page.get_by_role("region", name="Netwerkkaart").get_by_role("img")
    assert "Karim El Idrissi" in ecomap.text_content()

    # An existing supporter of another organisation: the youth's consent to share is asked for first.
    follow(page.get_by_role("link", name="Lid toevoegen"))
    page.get_by_label("Bestaande begeleider").select_option(
        label="Pieter Desmet (Maatschappelijk assistent, CAW Oost-Vlaanderen)"
    )
    page.get_by_label("Rol in dit netwerk").select_option(label="Maatschappelijk werker")
    follow(page.get_by_role("button", name="Toevoegen aan het netwerk"))
    # Reported at the top (the error summary, linking to the field) and at the field.
    assert (
        page.locator("[data-error-summary]")
        .get_by_text("De jongere gaf geen toestemming om informatie te delen met CAW Oost-Vlaanderen")
        .is_visible()
    )
    # The member form's box (the proposal form further down has its own consent box).
    page.locator("#id_share_consent").check()
    assert page.locator("#id_share_consent").is_checked()
    follow(page.get_by_role("button", name="Toevoegen aan het netwerk"))
    assert "Pieter Desmet kwam in het netwerk." in page.get_by_role("status").inner_text()
    assert "Welzijn" not in page.get_by_test_id("coverage-missing").inner_text()

    # Someone new, from the housing organisation.
    follow(page.get_by_role("link", name="Lid toevoegen"))
    page.get_by_label("Voornaam", exact=True).fill("Nina")
    page.get_by_label("Achternaam", exact=True).fill("Janssens")
    page.get_by_label("Functie", exact=True).fill("Begeleider")
    page.get_by_label("Organisatie", exact=True).select_option(label="Minor Ndako Gent")
    page.get_by_label("E-mail", exact=True).fill("nina@minorndako.example")
    page.get_by_label("Rol in dit netwerk").select_option(label="Woonbegeleider")
    page.get_by_label("Blijft na 18").check()
    # The member form's box (the proposal form further down has its own consent box).
    page.locator("#id_share_consent").check()
    assert page.locator("#id_share_consent").is_checked()
    follow(page.get_by_role("button", name="Toevoegen aan het netwerk"))

    assert "Nina Janssens kwam in het netwerk." in page.get_by_role("status").inner_text()
    assert page.get_by_test_id("coverage-missing").count() == 0
    assert page.get_by_text("Onderwijs, welzijn, werk, de voogd en wonen zitten allemaal in het netwerk.").is_visible()
    ecomap = page.get_by_role("region", name="Netwerkkaart").get_by_role("img")
    assert "Pieter Desmet" in ecomap.text_content() and "Nina Janssens" in ecomap.text_content()
    members = page.get_by_role("region", name="Leden").get_by_role("table")
    assert "Minor Ndako Gent" in members.inner_text()
    assert Membership.objects.active().filter(network=network).count() == 5


def test_the_guardian_sees_the_residence_situation_that_the_school_does_not(
    page, url, log_in, follow, visit, coach, guardian, network
):
    youth = network.youth
    youth.residence_status = ResidenceStatus.ASYLUM_PROCEDURE
    youth.save(update_fields=["residence_status"])

    log_in(guardian)
    follow(page.get_by_role("region", name="Mijn netwerken").get_by_role("link", name="Ahmad Rahimi"))
    follow(page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Ahmad Rahimi"))
    assert page.url == url("youths:youth_detail", youth.pk)
    assert page.get_by_test_id("residence-status").inner_text() == "Asielprocedure loopt"

    follow(page.get_by_role("button", name="Afmelden"))
    log_in(coach)
    visit(url("youths:youth_detail", youth.pk))
    assert page.get_by_test_id("residence-status").inner_text() == "Alleen zichtbaar voor de voogd en welzijn"
