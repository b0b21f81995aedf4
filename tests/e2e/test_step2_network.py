"""Step 2 of the playbook: map the network — supporters from other organisations, the map, the coverage check."""

import pytest
from django.utils import translation

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


def test_coach_proposes_a_new_partner_and_hears_what_the_admin_decided(
    page, url, log_in, follow, visit, coach, network, admin_user
):
    from networks.models import OrganisationProposal
    from networks.services import organisation_proposal_approve, organisation_proposal_reject

    log_in(coach)
    visit(url("networks:membership_create", network.pk))

    def propose(name: str, first_name: str, email: str) -> None:
        page.get_by_text("Staat hun organisatie niet in de lijst?").click()
        proposal = page.get_by_test_id("organisation-propose")
        proposal.get_by_label("Naam van de organisatie").fill(name)
        proposal.get_by_label("Sector").select_option(label="Werk")
        proposal.get_by_label("Voornaam van de contactpersoon").fill(first_name)
        proposal.get_by_label("E-mail van de contactpersoon").fill(email)
        proposal.get_by_label("Rol van de contactpersoon in dit netwerk").select_option(label="VDAB-jobcoach")
        proposal.get_by_role("checkbox").check()
        follow(proposal.get_by_role("button", name="De organisatie voorstellen"))

    # A rejected form keeps what was typed and says what is wrong.
    propose("Groep Intro Gent", "Nadia", "geen-adres")
    proposal = page.get_by_test_id("organisation-propose")
    assert proposal.get_by_label("Naam van de organisatie").input_value() == "Groep Intro Gent"
    assert proposal.get_by_text("Voer een geldig e-mailadres in.").first.is_visible()
    proposal.get_by_label("E-mail van de contactpersoon").fill("nadia@groepintro.example")
    follow(proposal.get_by_role("button", name="De organisatie voorstellen"))
    assert "Groep Intro Gent is voorgesteld." in page.get_by_role("status").inner_text()
    assert page.url == url("networks:network_detail", network.pk)

    visit(url("networks:membership_create", network.pk))
    propose("CAW Gent", "Pieter", "pieter@caw-gent.example")

    # The admin decides in Django admin (covered in networks/tests/test_organisation_proposal.py),
    # in Dutch: the timeline keeps the line in the language it was written in.
    reason = "Staat al in de app als CAW Oost-Vlaanderen."
    with translation.override("nl"):
        organisation_proposal_approve(
            proposal=OrganisationProposal.objects.get(organisation__name="Groep Intro Gent"), by=admin_user
        )
        organisation_proposal_reject(
            proposal=OrganisationProposal.objects.get(organisation__name="CAW Gent"), by=admin_user, reason=reason
        )

    visit(url("networks:network_detail", network.pk))
    members = page.get_by_role("region", name="Leden").get_by_role("table")
    assert "Nadia" in members.inner_text() and "Groep Intro Gent" in members.inner_text()
    visit(url("youths:youth_detail", network.youth.pk))
    assert page.get_by_text(f"CAW Gent werd niet goedgekeurd als partnerorganisatie: {reason}").is_visible()
    # Proposing the same name again shows why it was not approved.
    visit(url("networks:membership_create", network.pk))
    propose("CAW Gent", "Pieter", "pieter@caw-gent.example")
    assert page.get_by_test_id("organisation-propose").get_by_text(reason).is_visible()
