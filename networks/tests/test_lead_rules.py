"""The lead role and memberships cannot be taken over; consent is changed only by those who may.

DESIGN.md, "Who may see what": "The lead role moves only when the lead passes it on, by an
accepted handover, or by an admin; the lead's membership cannot be ended before that. A member
may end their own membership or one of their own organisation's; the lead may end any
membership, with a reason on the timeline. Consent is recorded or revoked by the lead, the
guardian, or a member of that organisation."

How these tests were checked to fail: each rule's check in networks/services.py was removed
once (the lead guard in membership_end, each clause of membership_may_end, the reason rule,
network_may_set_lead in network_rotate_lead, consent_may_change in sharing_consent_give,
sharing_consent_revoke and network_join) and the tests naming that rule went red.
"""

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from accounts.choices import Sector
from networks.choices import Intensity, MemberRole, TimelineKind
from networks.models import CareNetwork, SharingConsent, TimelineEntry
from networks.services import (
    membership_end,
    membership_remove,
    network_add_member,
    network_join,
    network_rotate_lead,
    sharing_consent_give,
    sharing_consent_revoke,
)
from networks.tests.factories import OrganisationFactory, SupporterFactory, UserFactory
from youths.tests.helpers import client_for, in_language

pytestmark = pytest.mark.django_db

REASON = "Karim volgt Ahmad niet meer op; VDAB draagt over aan Jobteam."


def _member(network, user):
    return network.memberships.active().get(supporter__user=user)


def _end_url(membership):
    return reverse("networks:membership_end", args=[membership.pk])


def _sees(user, network) -> bool:
    return CareNetwork.objects.visible_to(user).filter(pk=network.pk).exists()


@pytest.fixture
def caw():
    return OrganisationFactory(name="CAW Oost-Vlaanderen", sector=Sector.WELFARE, email="onthaal@caw.example")


@pytest.fixture
def vdab_colleague(vdab_org):
    return UserFactory(email="lies@vdab.example", organisation=vdab_org)


# --- the lead role moves only when the lead passes it on ----------------------------------------


def test_a_member_cannot_end_the_leads_membership(network, vdab, coach):
    lead = network.lead
    response = client_for(vdab).post(_end_url(lead), {"reason": "Ik word de trekker"})
    assert response.status_code == 403
    assert (
        in_language(
            "This member is the lead of the network. The lead passes the role on to another member first; "
            "then the membership can end."
        )
        in response.content.decode()
    )
    lead.refresh_from_db()
    network.refresh_from_db()
    assert lead.is_active and network.lead == lead
    assert _sees(coach, network)


def test_the_lead_cannot_end_their_own_membership_before_passing_the_role_on(network, coach):
    response = client_for(coach).post(_end_url(network.lead))
    assert response.status_code == 403
    assert network.lead.is_active


def test_the_service_never_ends_the_leads_membership(network):
    with pytest.raises(ValidationError):
        membership_end(membership=network.lead)
    network.refresh_from_db()
    assert network.lead.is_active


def test_after_passing_the_role_on_the_former_lead_may_leave(network, coach, guardian):
    network_rotate_lead(network=network, new_lead=_member(network, guardian), by=coach)
    response = client_for(coach).post(_end_url(_member(network, coach)))
    assert response.status_code == 302
    assert not network.memberships.active().filter(supporter__user=coach).exists()
    network.refresh_from_db()
    assert network.lead.supporter.user == guardian


def test_a_member_cannot_hand_the_lead_to_themselves(network, vdab):
    with pytest.raises(ValidationError):
        network_rotate_lead(network=network, new_lead=_member(network, vdab), by=vdab)
    network.refresh_from_db()
    assert network.lead.supporter.full_name == "Sara Vermeulen"


def test_nobody_in_the_app_takes_an_empty_lead_role(network, vdab):
    network.lead = None
    network.save(update_fields=["lead"])
    with pytest.raises(ValidationError):
        network_rotate_lead(network=network, new_lead=_member(network, vdab), by=vdab)
    client_for(vdab).post(
        reverse("networks:network_update", args=[network.pk]),
        {"intensity": Intensity.LIGHT, "lead": _member(network, vdab).pk},
    )
    client_for(vdab).post(
        reverse("actionplans:lead_rotate", args=[network.pk]), {"new_lead": _member(network, vdab).pk}
    )
    network.refresh_from_db()
    assert network.lead is None


def test_the_edit_form_locks_an_empty_lead_field_and_says_who_appoints_one(network, guardian):
    network.lead = None
    network.save(update_fields=["lead"])
    response = client_for(guardian).get(reverse("networks:network_update", args=[network.pk]))
    assert response.context["form"].fields["lead"].disabled
    assert in_language("This network has no lead. An administrator appoints one.") in response.content.decode()


def test_an_admin_appoints_a_lead_when_there_is_none(network, admin_user, guardian):
    network.lead = None
    network.save(update_fields=["lead"])
    network_rotate_lead(network=network, new_lead=_member(network, guardian), by=admin_user)
    network.refresh_from_db()
    assert network.lead.supporter.user == guardian


# --- a member ends their own membership or one of their own organisation's ----------------------


def test_a_member_ends_their_own_membership_without_a_reason(network, vdab, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(vdab).post(_end_url(_member(network, vdab)))
    assert response.status_code == 302
    assert not _sees(vdab, network)
    assert mail.outbox == []  # nobody else removed them: no message to the organisation


def test_a_colleague_ends_a_membership_of_their_own_organisation(network, vdab, vdab_colleague):
    membership = _member(network, vdab)
    response = client_for(vdab_colleague).post(_end_url(membership))
    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active


def test_a_member_cannot_end_another_organisations_membership(network, vdab, guardian):
    membership = _member(network, guardian)
    client = client_for(vdab)
    assert client.get(_end_url(membership)).status_code == 403
    response = client.post(_end_url(membership), {"reason": "weg ermee"})
    assert response.status_code == 403
    assert 'data-testid="end-refused"' in response.content.decode()
    membership.refresh_from_db()
    assert membership.is_active
    assert _sees(guardian, network)


def test_the_service_refuses_a_member_who_ends_another_organisations_membership(network, vdab, guardian):
    with pytest.raises(PermissionDenied):
        membership_remove(membership=_member(network, guardian), by=vdab, reason="weg ermee")
    assert _member(network, guardian).is_active


def test_an_outsider_gets_404_for_ending_a_membership(network, outsider, vdab):
    assert client_for(outsider).post(_end_url(_member(network, vdab)), {"reason": "x"}).status_code == 404
    assert _member(network, vdab).is_active


# --- the lead may end any membership, with a reason ------------------------------------------------


def test_the_lead_needs_a_reason_to_end_another_organisations_membership(network, coach, vdab):
    membership = _member(network, vdab)
    response = client_for(coach).post(_end_url(membership), {"reason": "  "})
    assert response.status_code == 200
    assert response.context["form"].has_error("reason")
    assert membership.is_active
    with pytest.raises(ValidationError):
        membership_remove(membership=membership, by=coach, reason="")


def test_the_leads_reason_goes_to_the_timeline_and_to_the_removed_organisation(
    network, coach, vdab, vdab_org, django_capture_on_commit_callbacks
):
    vdab_org.email = "gent@vdab.example"
    vdab_org.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coach).post(_end_url(_member(network, vdab)), {"reason": REASON})
    assert response.status_code == 302
    assert not _sees(vdab, network)
    entry = TimelineEntry.objects.filter(network=network, kind=TimelineKind.MEMBER).first()
    assert REASON in entry.summary and entry.actor == coach
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "gent@vdab.example",
        "karim@vdab.example",
    ]
    for message in mail.outbox:
        assert REASON in message.body
        assert "Rahimi" not in message.body and "Rahimi" not in message.subject  # initials only


def test_the_end_button_shows_only_where_the_user_may_use_it(network, coach, vdab, guardian):
    def end_links(user):
        page = client_for(user).get(reverse("networks:network_detail", args=[network.pk])).content.decode()
        return {m.pk for m in network.memberships.all() if _end_url(m) in page}

    assert end_links(vdab) == {_member(network, vdab).pk}
    assert end_links(coach) == {_member(network, guardian).pk, _member(network, vdab).pk}  # not the lead's own


# --- consent: the lead, the guardian, or a member of that organisation -----------------------------


def _consent(network, organisation):
    return SharingConsent.objects.create(youth=network.youth, organisation=organisation)


def test_a_member_cannot_revoke_another_organisations_consent(network, vdab, guardianship, guardian):
    consent = _consent(network, guardianship)
    url = reverse("networks:consent_revoke", args=[consent.pk])
    assert client_for(vdab).get(url).status_code == 403
    response = client_for(vdab).post(url)
    assert response.status_code == 403
    assert 'data-testid="revoke-refused"' in response.content.decode()
    consent.refresh_from_db()
    assert consent.revoked_on is None
    assert _sees(guardian, network)
    with pytest.raises(PermissionDenied):
        sharing_consent_revoke(consent=consent, by=vdab)


def test_the_guardian_revokes_another_organisations_consent_and_it_is_on_the_timeline(network, guardian, vdab):
    consent = _consent(network, vdab.organisation)
    response = client_for(guardian).post(reverse("networks:consent_revoke", args=[consent.pk]))
    assert response.status_code == 302
    assert not _sees(vdab, network)
    with translation.override(settings.LANGUAGE_CODE):
        summary = translation.gettext("The youth revoked the consent to share information with %(organisation)s") % {
            "organisation": "VDAB Gent"
        }
    entry = TimelineEntry.objects.get(youth=network.youth, kind=TimelineKind.CONSENT)
    assert (entry.summary, entry.actor) == (summary, guardian)


def test_an_organisations_own_member_revokes_its_consent(network, vdab):
    consent = _consent(network, vdab.organisation)
    response = client_for(vdab).post(reverse("networks:consent_revoke", args=[consent.pk]))
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.revoked_on is not None
    assert not _sees(vdab, network)


def test_the_consent_of_the_leads_organisation_waits_until_the_lead_role_moves(network, coach, school_a):
    consent = _consent(network, school_a)
    response = client_for(coach).post(reverse("networks:consent_revoke", args=[consent.pk]))
    assert response.status_code == 200
    assert 'data-testid="revoke-error"' in response.content.decode()
    consent.refresh_from_db()
    assert consent.revoked_on is None
    assert network.lead.is_active and _sees(coach, network)


def test_a_member_cannot_record_a_consent_for_another_organisation(network, vdab, caw):
    response = client_for(vdab).post(
        reverse("networks:consent_create", args=[network.youth.pk]), {"organisation": caw.pk, "given_on": "2025-01-10"}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("organisation")
    assert not SharingConsent.objects.filter(organisation=caw).exists()
    with pytest.raises(PermissionDenied):
        sharing_consent_give(youth=network.youth, organisation=caw, by=vdab)


def test_the_guardian_records_a_consent_for_another_organisation(network, guardian, caw):
    sharing_consent_give(youth=network.youth, organisation=caw, by=guardian)
    assert SharingConsent.objects.active().get(organisation=caw).recorded_by == guardian


def _known_to(user, supporter):
    """`user` and `supporter` meet in another youth's network."""
    from networks.tests.factories import CareNetworkFactory
    from youths.tests.factories import YouthFactory

    other = CareNetworkFactory(youth=YouthFactory())
    network_add_member(network=other, supporter=user.supporter, role=MemberRole.JOB_COACH)
    network_add_member(network=other, supporter=supporter, role=MemberRole.SOCIAL_WORKER)


def test_a_member_cannot_pull_in_an_organisation_by_ticking_the_consent_box(network, vdab, caw):
    worker = SupporterFactory(first_name="Pieter", organisation=caw)
    _known_to(vdab, worker)  # the picker lists only supporters the user may know
    response = client_for(vdab).post(
        reverse("networks:membership_create", args=[network.pk]),
        {"supporter": worker.pk, "role": MemberRole.SOCIAL_WORKER, "share_consent": "on"},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("share_consent")
    with pytest.raises(ValidationError):
        network_join(network=network, by=vdab, role=MemberRole.SOCIAL_WORKER, supporter=worker, share_consent=True)
    assert not network.memberships.filter(supporter=worker).exists()
    assert not SharingConsent.objects.filter(organisation=caw).exists()


def test_the_revoke_and_record_buttons_show_only_to_those_who_may(network, vdab, guardian, guardianship):
    own = _consent(network, vdab.organisation)
    other = _consent(network, guardianship)
    page = client_for(vdab).get(reverse("networks:consent_list", args=[network.youth.pk])).content.decode()
    assert reverse("networks:consent_revoke", args=[own.pk]) in page
    assert reverse("networks:consent_revoke", args=[other.pk]) not in page
    page = client_for(guardian).get(reverse("networks:consent_list", args=[network.youth.pk])).content.decode()
    assert reverse("networks:consent_revoke", args=[own.pk]) in page
    assert reverse("networks:consent_revoke", args=[other.pk]) in page
