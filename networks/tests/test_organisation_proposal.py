"""Step 2: a partner the app does not know yet is proposed by a member, pending until an admin approves it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.choices import Sector
from accounts.models import Organisation
from audit.models import AuditEvent
from networks.choices import MemberRole
from networks.forms import OrganisationProposalForm, SharingConsentForm, supporters_user_may_know
from networks.models import CareNetwork, OrganisationProposal, Supporter
from networks.services import (
    organisation_proposal_approve,
    organisation_proposal_reject,
    organisation_propose,
    sharing_consent_give,
)
from networks.tests.factories import SupporterFactory, UserFactory
from youths.tests.helpers import client_for


def _propose(network, by, share_consent=True, **overrides):
    fields = {
        "name": "Groep Intro Gent",
        "sector": Sector.WORK,
        "contact_first_name": "Nadia",
        "contact_last_name": "Bouzid",
        "contact_email": "nadia@groepintro.example",
        "contact_role": MemberRole.JOB_COACH,
        "share_consent": share_consent,
        **overrides,
    }
    return organisation_propose(network=network, by=by, **fields)


def _approve_in_admin(admin_user, proposal):
    return client_for(admin_user).post(
        reverse("admin:networks_organisationproposal_changelist"),
        {"action": "approve_proposals", "index": 0, "_selected_action": [str(proposal.pk)]},
    )


def test_a_member_proposes_an_organisation_from_the_add_member_page_and_it_stays_pending(network, coach):
    page = client_for(coach).get(reverse("networks:membership_create", args=[network.pk]))
    assert 'data-testid="organisation-propose"' in page.content.decode()
    response = client_for(coach).post(
        reverse("networks:organisation_propose", args=[network.pk]),
        {
            "proposal-name": "MindSpring Gent",
            "proposal-sector": Sector.WELFARE,
            "proposal-contact_first_name": "Nadia",
            "proposal-contact_email": "nadia@mindspring.example",
            "proposal-contact_role": MemberRole.SOCIAL_WORKER,
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="MindSpring Gent")
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.proposal.proposed_by == coach
    assert not network.memberships.filter(supporter__organisation=organisation).exists()


def test_proposing_is_post_only(network, coach):
    response = client_for(coach).get(reverse("networks:organisation_propose", args=[network.pk]))
    assert response.status_code == 405
    assert not OrganisationProposal.objects.exists()


def test_an_outsider_cannot_propose_for_a_network_they_are_not_in(network, outsider):
    response = client_for(outsider).post(
        reverse("networks:organisation_propose", args=[network.pk]),
        {
            "proposal-name": "OCMW Gent",
            "proposal-sector": Sector.WELFARE,
            "proposal-contact_first_name": "Els",
            "proposal-contact_email": "els@ocmw.example",
            "proposal-contact_role": MemberRole.SOCIAL_WORKER,
        },
    )
    assert response.status_code == 404
    assert not Organisation.objects.filter(name="OCMW Gent").exists()


def test_a_known_name_cannot_be_proposed_twice(network, coach):
    _propose(network, coach)
    form = OrganisationProposalForm(
        {
            "name": "groep intro gent",
            "sector": Sector.WORK,
            "contact_first_name": "Tom",
            "contact_email": "tom@example.org",
            "contact_role": MemberRole.JOB_COACH,
        }
    )
    assert not form.is_valid() and "name" in form.errors


def test_a_pending_organisation_is_in_no_picker_and_its_people_get_no_access(network, coach, guardian):
    proposal = _propose(network, coach)
    organisation = proposal.organisation
    person = SupporterFactory(organisation=organisation, first_name="Wachtend")
    login = UserFactory(organisation=organisation)
    person.user = login
    person.save()
    from networks.services import network_add_member

    # Even a membership (e.g. made in a shell) gives a pending organisation's people no access.
    network_add_member(network=network, supporter=person, role=MemberRole.OTHER)
    assert not CareNetwork.objects.visible_to(login).exists()
    assert client_for(login).get(reverse("networks:network_detail", args=[network.pk])).status_code == 404
    assert person not in supporters_user_may_know(user=guardian, network=network)
    consent_choices = SharingConsentForm(youth=network.youth, user=coach).fields["organisation"].queryset
    assert organisation not in consent_choices
    page = client_for(guardian).get(reverse("networks:membership_create", args=[network.pk])).content.decode()
    assert "Groep Intro Gent" not in page


def test_approval_makes_the_contact_a_member_grants_access_and_mails_the_proposer(
    network, coach, admin_user, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = _propose(network, coach, share_consent=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = _approve_in_admin(admin_user, proposal)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.DONE
    assert proposal.organisation.status == Organisation.Status.APPROVED
    assert proposal.approved_by == admin_user
    membership = network.memberships.active().get(supporter__email="nadia@groepintro.example")
    assert membership.role == MemberRole.JOB_COACH
    assert membership.supporter.organisation == proposal.organisation
    colleague = UserFactory(organisation=proposal.organisation)
    assert CareNetwork.objects.visible_to(colleague).filter(pk=network.pk).exists()
    assert [message.to for message in mailoutbox] == [[coach.email]]
    assert "Groep Intro Gent" in mailoutbox[0].subject
    assert AuditEvent.objects.filter(object_type="organisationproposal", user_email=admin_user.email).exists()


def test_without_consent_the_membership_waits_until_the_consent_is_recorded(
    network, coach, admin_user, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = _propose(network, coach, share_consent=False)
    with django_capture_on_commit_callbacks(execute=True):
        organisation_proposal_approve(proposal=proposal, by=admin_user)
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.WAITING_FOR_CONSENT
    assert not network.memberships.filter(supporter=proposal.supporter).exists()
    assert "toestemming" in mailoutbox[0].body  # the proposer is told to record the consent
    sharing_consent_give(youth=network.youth, organisation=proposal.organisation, by=coach)
    assert network.memberships.active().filter(supporter=proposal.supporter).exists()
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.DONE


def test_only_an_admin_approves(network, coach, guardian):
    from django.core.exceptions import PermissionDenied

    proposal = _propose(network, coach)
    with pytest.raises(PermissionDenied):
        organisation_proposal_approve(proposal=proposal, by=guardian)
    assert client_for(coach).post(
        reverse("admin:networks_organisationproposal_changelist"),
        {"action": "approve_proposals", "index": 0, "_selected_action": [str(proposal.pk)]},
    ).status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.PENDING
    assert not Supporter.objects.filter(email="nadia@groepintro.example").exists()


def test_approving_twice_adds_the_contact_once(network, coach, admin_user):
    proposal = _propose(network, coach)
    _approve_in_admin(admin_user, proposal)
    _approve_in_admin(admin_user, proposal)
    assert network.memberships.filter(supporter__email="nadia@groepintro.example").count() == 1


def test_the_organisation_admin_form_cannot_approve_by_hand(network, coach, admin_user):
    proposal = _propose(network, coach)
    organisation = proposal.organisation
    client_for(admin_user).post(
        reverse("admin:accounts_organisation_change", args=[organisation.pk]),
        {"name": organisation.name, "sector": organisation.sector, "is_active": "on", "status": "approved"},
    )
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_the_admin_sees_the_pending_proposal_with_its_approve_action(network, coach, admin_user):
    _propose(network, coach)
    page = client_for(admin_user).get(reverse("admin:networks_organisationproposal_changelist"))
    html = page.content.decode()
    assert "Groep Intro Gent" in html and "approve_proposals" in html


def test_a_pending_organisations_people_are_no_successor_for_a_handover(network, coach):
    from handovers.forms import successors_known_to

    proposal = _propose(network, coach)
    waiting = SupporterFactory(organisation=proposal.organisation)
    assert waiting not in successors_known_to(network)


def test_the_youths_family_stays_in_the_picker_next_to_a_pending_organisation(network, coach, guardian):
    from networks.services import membership_end, network_add_member

    _propose(network, coach)
    aunt = SupporterFactory(first_name="Zahra", organisation=None)
    membership = network_add_member(network=network, supporter=aunt, role=MemberRole.FAMILY_MEMBER)
    membership_end(membership=membership)
    assert aunt in supporters_user_may_know(user=guardian, network=network)


def _reject_in_admin(admin_user, proposal, reason=None):
    data = {"action": "reject_proposals", "index": 0, "_selected_action": [str(proposal.pk)]}
    if reason is not None:
        data.update({"confirm": "1", "reason": reason})
    return client_for(admin_user).post(reverse("admin:networks_organisationproposal_changelist"), data)


def test_the_admin_does_not_approve_a_proposal_and_the_proposer_reads_why(
    network, coach, admin_user, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = _propose(network, coach)
    # The action first asks for the reason and changes nothing.
    page = _reject_in_admin(admin_user, proposal)
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode() and "Groep Intro Gent" in page.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.PENDING

    reason = "Already in the app as Groep INTRO vzw: add Nadia as a member of it."
    with django_capture_on_commit_callbacks(execute=True):
        response = _reject_in_admin(admin_user, proposal, reason)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.REJECTED
    assert (proposal.rejected_by, proposal.rejection_reason) == (admin_user, reason)
    assert not proposal.organisation.is_active
    assert proposal.organisation not in Organisation.objects.usable()
    assert not Supporter.objects.filter(email="nadia@groepintro.example").exists()
    assert network.youth.timeline.filter(network=network, summary__contains=reason).exists()
    assert [message.to for message in mailoutbox] == [[coach.email]]
    assert reason in mailoutbox[0].body
    # Decided is decided: approving afterwards adds nobody.
    _approve_in_admin(admin_user, proposal)
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.REJECTED
    assert not Supporter.objects.filter(email="nadia@groepintro.example").exists()


def test_not_approving_needs_a_reason_and_an_admin(network, coach, guardian, admin_user):
    proposal = _propose(network, coach)
    page = _reject_in_admin(admin_user, proposal, reason="   ")
    assert page.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == OrganisationProposal.Status.PENDING
    with pytest.raises(PermissionDenied):
        organisation_proposal_reject(proposal=proposal, by=guardian, reason="Bestaat al.")


def test_a_name_that_was_not_approved_cannot_be_proposed_again_and_the_form_says_why(network, coach, admin_user):
    proposal = _propose(network, coach)
    organisation_proposal_reject(proposal=proposal, by=admin_user, reason="Bestaat al als Groep INTRO vzw.")
    form = OrganisationProposalForm(
        {
            "proposal-name": "groep intro gent",
            "proposal-sector": Sector.WORK,
            "proposal-contact_first_name": "Nadia",
            "proposal-contact_email": "nadia@groepintro.example",
            "proposal-contact_role": MemberRole.JOB_COACH,
        },
        prefix="proposal",
    )
    assert not form.is_valid()
    assert "Bestaat al als Groep INTRO vzw." in form.errors["name"][0]
