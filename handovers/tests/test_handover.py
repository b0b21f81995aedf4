"""The warm handover (playbook step 5): a leaving member hands over, the successor accepts."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from accounts.choices import Sector
from actionplans.models import Action, ActionPlan, ActionStatus, Domain
from handovers.models import Handover, HandoverReason, HandoverStatus
from handovers.services import handover_accept, handover_decline, handover_start
from networks.choices import MemberRole, TimelineKind
from networks.models import CareNetwork, Membership, NetworkGroupObjectPermission, Supporter
from networks.services import network_add_member
from networks.tests.factories import OrganisationFactory, SupporterFactory, UserFactory
from youths.models import Youth

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are asserted in the source language, whatever the catalogues hold."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def vervolgschool(db):
    return OrganisationFactory(name="Sint-Lievenscollege (vervolgschool)", sector=Sector.EDUCATION)


@pytest.fixture
def tom(vervolgschool):
    """Tom, follow-up school coach: takes over from Sara, the lead."""
    user = UserFactory(email="tom@vervolgschool.example", organisation=vervolgschool, first_name="Tom")
    SupporterFactory(first_name="Tom", last_name="Wouters", organisation=vervolgschool, user=user, email=user.email)
    return user


@pytest.fixture
def plan(network):
    return ActionPlan.objects.create(network=network, question_for_help="Een plaats in het vervolgonderwijs")


def _action(plan, owner, description, status=ActionStatus.OPEN, **fields):
    return Action.objects.create(
        plan=plan,
        domain=Domain.WORK,
        description=description,
        owner=owner,
        deadline=timezone.localdate() + datetime.timedelta(days=14),
        status=status,
        drop_reason="niet meer nodig" if status == ActionStatus.DROPPED else "",
        **fields,
    )


def _membership(network, user) -> Membership:
    return network.memberships.active().get(supporter__user=user)


def _propose(network, leaver_user, successor_user, *, by=None, reason=HandoverReason.TURNS_18, role=None):
    return handover_start(
        network=network,
        leaver=_membership(network, leaver_user),
        successor=successor_user.supporter,
        successor_role=role or MemberRole.JOB_COACH,
        reason=reason,
        note="Werkt goed met korte afspraken. Let op: examens in juni.",
        share_consent=True,
        # The lead proposes: only the lead, the guardian or that organisation records the consent.
        by=by or network.lead.supporter.user,
    )


def _visible(user, network) -> bool:
    return CareNetwork.objects.visible_to(user).filter(pk=network.pk).exists()


# --- after acceptance ---------------------------------------------------------------------


def test_after_an_accepted_handover_the_leavers_organisation_loses_the_dossier_and_the_successors_gets_it(
    network, vdab, lore, client
):
    handover = _propose(network, vdab, lore)
    handover_accept(handover=handover, by=lore)

    client.force_login(vdab)
    assert client.get(reverse("youths:youth_detail", args=[network.youth_id])).status_code == 404
    assert client.get(reverse("networks:network_detail", args=[network.pk])).status_code == 404
    assert client.get(reverse("handovers:shared_dossier", args=[network.pk])).status_code == 404
    client.force_login(lore)
    assert client.get(reverse("youths:youth_detail", args=[network.youth_id])).status_code == 200
    assert client.get(reverse("networks:network_detail", args=[network.pk])).status_code == 200
    assert client.get(reverse("handovers:shared_dossier", args=[network.pk])).status_code == 200


def test_open_actions_change_owner_and_finished_ones_keep_their_history(network, plan, vdab, lore):
    karim = _membership(network, vdab)
    open_action = _action(plan, karim, "Inschrijven bij VDAB")
    done_action = _action(plan, karim, "Cv opstellen", status=ActionStatus.DONE)
    handover = _propose(network, vdab, lore)

    handover_accept(handover=handover, by=lore)

    successor = _membership(network, lore)
    open_action.refresh_from_db()
    done_action.refresh_from_db()
    assert open_action.owner == successor
    assert done_action.owner == karim


def test_the_leavers_membership_ends_and_the_successor_joins_with_the_proposed_role(network, vdab, lore):
    handover = _propose(network, vdab, lore, role=MemberRole.JOB_COACH)
    handover_accept(handover=handover, by=lore)

    karim = network.memberships.get(supporter__user=vdab)
    assert karim.left_on == timezone.localdate()
    new = _membership(network, lore)
    assert new.role == MemberRole.JOB_COACH
    assert new.continues_after_18  # handed over because the youth turns 18
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.ACCEPTED
    assert handover.decided_by == lore


def test_until_acceptance_the_leaver_keeps_access_and_the_successor_has_none(network, vdab, lore):
    _propose(network, vdab, lore)
    assert _visible(vdab, network)
    assert not _visible(lore, network)


def test_an_organisation_with_another_active_member_keeps_access_after_the_handover(network, vdab, lore, vdab_org):
    colleague = SupporterFactory(organisation=vdab_org)
    network_add_member(network=network, supporter=colleague, role=MemberRole.JOB_COACH)
    handover_accept(handover=_propose(network, vdab, lore), by=lore)
    assert _visible(vdab, network)


def test_the_lead_role_moves_and_a_plan_review_is_due_within_30_days(network, coach, tom, client):
    handover = _propose(network, coach, tom, reason=HandoverReason.SCHOOL_CHANGE, role=MemberRole.SCHOOL_COACH)
    handover_accept(handover=handover, by=tom)

    network.refresh_from_db()
    assert network.lead == _membership(network, tom)
    assert network.plan_review_due_on == timezone.localdate() + datetime.timedelta(days=30)
    client.force_login(tom)
    response = client.get(reverse("dashboard"))
    assert "review the plan" in response.content.decode()
    assert reverse("handovers:plan_review_done", args=[network.pk]) in response.content.decode()


def test_the_new_lead_marks_the_plan_reviewed_by_post_only(network, coach, tom, client):
    handover_accept(handover=_propose(network, coach, tom, role=MemberRole.SCHOOL_COACH), by=tom)
    client.force_login(tom)
    url = reverse("handovers:plan_review_done", args=[network.pk])
    assert client.get(url).status_code == 405
    client.post(url)
    network.refresh_from_db()
    assert network.plan_review_due_on is None


def test_the_continuity_figure_moves_with_the_handover(network, guardian, guardianship):
    fatima_user = UserFactory(email="fatima@voogdij.example", organisation=guardianship)
    SupporterFactory(organisation=guardianship, user=fatima_user, first_name="Fatima")
    handover = _propose(network, guardian, fatima_user, reason=HandoverReason.OTHER, role=MemberRole.GUARDIAN)
    handover_accept(handover=handover, by=fatima_user)
    network.refresh_from_db()
    assert network.continuity_figure == _membership(network, fatima_user)
    assert network.plan_review_due_on is None  # the lead did not change


def test_an_existing_member_can_take_over_without_a_second_membership(network, coach, vdab, plan):
    sara = _membership(network, coach)
    action = _action(plan, sara, "Schoolkeuze bespreken")
    handover = _propose(network, coach, vdab, role=MemberRole.JOB_COACH)
    handover_accept(handover=handover, by=vdab)
    karim = _membership(network, vdab)
    assert network.memberships.filter(supporter__user=vdab).count() == 1
    action.refresh_from_db()
    network.refresh_from_db()
    assert action.owner == karim
    assert network.lead == karim


def test_the_history_shows_who_held_what_when(network, vdab, lore):
    handover_accept(handover=_propose(network, vdab, lore), by=lore)
    kinds = list(network.timeline.filter(kind=TimelineKind.HANDOVER).values_list("summary", flat=True))
    assert any("took over" in summary for summary in kinds)
    assert any("proposed a handover" in summary for summary in kinds)
    former = network.memberships.get(supporter__user=vdab)
    assert former.joined_on <= former.left_on


# --- declined -------------------------------------------------------------------------------


def test_a_declined_handover_changes_no_access(network, vdab, lore, plan):
    karim = _membership(network, vdab)
    action = _action(plan, karim, "Inschrijven bij VDAB")
    before = set(NetworkGroupObjectPermission.objects.filter(content_object=network).values_list("group_id", flat=True))
    handover = _propose(network, vdab, lore)

    handover_decline(handover=handover, reason="Geen plaats meer in mijn caseload.", by=lore)

    after = set(NetworkGroupObjectPermission.objects.filter(content_object=network).values_list("group_id", flat=True))
    assert before == after
    assert _visible(vdab, network)
    assert not _visible(lore, network)
    action.refresh_from_db()
    assert action.owner == karim
    assert _membership(network, vdab).is_active


def test_the_decline_reason_goes_back_to_the_lead_by_mail_and_dashboard(
    network, vdab, lore, coach, client, django_capture_on_commit_callbacks
):
    handover = _propose(network, vdab, lore)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        handover_decline(handover=handover, reason="Geen plaats meer in mijn caseload.", by=lore)
    assert len(mail.outbox) == 1
    assert coach.email in mail.outbox[0].to
    assert "Geen plaats meer" in mail.outbox[0].body

    client.force_login(coach)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Geen plaats meer" in page


def test_declining_without_a_reason_is_refused_with_a_message(network, vdab, lore, client):
    handover = _propose(network, vdab, lore)
    client.force_login(lore)
    response = client.post(reverse("handovers:handover_decline", args=[handover.pk]), {"reason": ""})
    assert response.status_code == 400
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.PROPOSED
    with pytest.raises(ValidationError):
        handover_decline(handover=handover, reason="  ", by=lore)


def test_after_a_decline_the_leaver_can_propose_someone_else(network, vdab, lore, tom):
    handover_decline(handover=_propose(network, vdab, lore), reason="Volzet", by=lore)
    second = _propose(network, vdab, tom)
    assert second.status == HandoverStatus.PROPOSED


# --- starting ---------------------------------------------------------------------------------


def _start_data(leaver, **overrides):
    data = {
        "leaver": leaver.pk,
        "reason": HandoverReason.SCHOOL_CHANGE,
        "successor_kind": "existing",
        "successor": "",
        "successor_role": MemberRole.SCHOOL_COACH,
        "note": "Ahmad werkt graag met een vaste planning.",
        "introduced_to_youth": "on",
        "share_consent": "on",
        "handover_on": timezone.localdate().isoformat(),
    }
    data.update(overrides)
    return data


def test_a_member_starts_a_handover_to_an_existing_supporter(network, coach_client, coach, tom, plan):
    _action(plan, _membership(network, coach), "Bezoek aan de vervolgschool plannen")
    url = reverse("handovers:handover_start", args=[network.pk])
    page = coach_client.get(url)
    assert page.status_code == 200
    assert "Bezoek aan de vervolgschool plannen" in page.content.decode()  # the leaver's open actions

    response = coach_client.post(url, _start_data(_membership(network, coach), successor=tom.supporter.pk))
    handover = Handover.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("handovers:handover_detail", args=[handover.pk])
    assert handover.successor == tom.supporter
    assert handover.introduced_to_youth and not handover.documents_shared
    assert handover.proposed_by == coach


def test_a_new_successor_is_created_in_the_same_form(network, coach_client, coach, vervolgschool):
    data = _start_data(
        _membership(network, coach),
        successor_kind="new",
        new_first_name="Ilse",
        new_last_name="Claeys",
        new_function="Vervolgschoolcoach",
        new_organisation=vervolgschool.pk,
        new_email="ilse@vervolgschool.example",
    )
    coach_client.post(reverse("handovers:handover_start", args=[network.pk]), data)
    ilse = Supporter.objects.get(email="ilse@vervolgschool.example")
    assert Handover.objects.get().successor == ilse
    assert ilse.organisation == vervolgschool


def test_a_successor_without_login_is_accepted_by_the_lead_on_their_behalf(network, coach, vdab, client, jobteam):
    newcomer = SupporterFactory(organisation=jobteam, user=None)
    handover = handover_start(
        network=network,
        leaver=_membership(network, vdab),
        successor=newcomer,
        successor_role=MemberRole.JOB_COACH,
        reason=HandoverReason.TURNS_18,
        note="Overdracht",
        share_consent=True,
        by=coach,
    )
    client.force_login(vdab)
    client.post(reverse("handovers:handover_accept", args=[handover.pk]))
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.PROPOSED  # the leaver cannot accept for the successor

    client.force_login(coach)
    client.post(reverse("handovers:handover_accept", args=[handover.pk]))
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.ACCEPTED


def test_a_second_pending_handover_for_the_same_leaver_gets_a_friendly_message(network, coach_client, coach, tom, vdab):
    _propose(network, coach, tom, role=MemberRole.SCHOOL_COACH)
    response = coach_client.post(
        reverse("handovers:handover_start", args=[network.pk]),
        _start_data(_membership(network, coach), successor=vdab.supporter.pk),
    )
    assert response.status_code == 200
    assert "already has a handover waiting" in response.content.decode()
    assert Handover.objects.count() == 1


def test_the_successor_must_be_someone_else(network, coach_client, coach):
    response = coach_client.post(
        reverse("handovers:handover_start", args=[network.pk]),
        _start_data(_membership(network, coach), successor=coach.supporter.pk),
    )
    assert response.status_code == 200
    assert not Handover.objects.exists()
    assert "someone else" in response.content.decode()


def test_a_member_cannot_hand_over_someone_of_another_organisation(network, client, vdab, coach, tom):
    client.force_login(vdab)
    response = client.post(
        reverse("handovers:handover_start", args=[network.pk]),
        _start_data(_membership(network, coach), successor=tom.supporter.pk),
    )
    assert response.status_code == 200
    assert not Handover.objects.exists()


def test_the_lead_hands_over_on_behalf_of_a_member(network, coach_client, vdab, lore):
    coach_client.post(
        reverse("handovers:handover_start", args=[network.pk]),
        _start_data(_membership(network, vdab), successor=lore.supporter.pk, successor_role=MemberRole.JOB_COACH),
    )
    assert Handover.objects.get().leaver == _membership(network, vdab)


def test_the_successor_is_told_by_mail_after_commit(network, coach, tom, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        handover = _propose(network, coach, tom)
    assert mail.outbox[0].to == [tom.email]
    assert reverse("handovers:handover_detail", args=[handover.pk]) in mail.outbox[0].body
    assert network.youth.last_name not in mail.outbox[0].body  # initials only in an e-mail


# --- the successor's dashboard and pages --------------------------------------------------------


def test_the_successor_sees_the_handover_on_the_dashboard_and_its_page_before_joining(network, coach, tom, client):
    handover = _propose(network, coach, tom)
    client.force_login(tom)
    page = client.get(reverse("dashboard")).content.decode()
    assert reverse("handovers:handover_detail", args=[handover.pk]) in page
    detail = client.get(reverse("handovers:handover_detail", args=[handover.pk]))
    assert detail.status_code == 200
    assert "examens in juni" in detail.content.decode()
    assert reverse("handovers:handover_accept", args=[handover.pk]) in detail.content.decode()
    # access is to the handover, not to the network
    assert client.get(reverse("handovers:shared_dossier", args=[network.pk])).status_code == 404


def test_the_successor_accepts_by_post(network, coach, tom, client):
    handover = _propose(network, coach, tom)
    client.force_login(tom)
    url = reverse("handovers:handover_accept", args=[handover.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.ACCEPTED


def test_only_the_successor_can_accept(network, coach, tom, guardian, client):
    handover = _propose(network, coach, tom)
    client.force_login(guardian)
    client.post(reverse("handovers:handover_accept", args=[handover.pk]), follow=True)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.PROPOSED


def test_a_decided_handover_cannot_be_accepted_twice(network, vdab, lore):
    handover = _propose(network, vdab, lore)
    handover_accept(handover=handover, by=lore)
    with pytest.raises(ValidationError):
        handover_accept(handover=handover, by=lore)


@pytest.mark.parametrize("name", ["handover_detail", "handover_accept", "handover_decline"])
def test_handover_pages_are_404_for_outsiders_and_need_a_login(network, coach, tom, outsider, client, name):
    handover = _propose(network, coach, tom)
    url = reverse(f"handovers:{name}", args=[handover.pk])
    method = client.get if name == "handover_detail" else client.post
    response = method(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    client.force_login(outsider)
    assert method(url).status_code == 404
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.PROPOSED


def test_members_see_the_handover_page(network, coach, tom, guardian, client):
    handover = _propose(network, coach, tom)
    client.force_login(guardian)
    response = client.get(reverse("handovers:handover_detail", args=[handover.pk]))
    assert response.status_code == 200
    assert reverse("handovers:handover_accept", args=[handover.pk]) not in response.content.decode()


def test_handover_start_page_member_200_outsider_404_anonymous_login(network, coach_client, outsider, client):
    url = reverse("handovers:handover_start", args=[network.pk])
    assert coach_client.get(url).status_code == 200
    coach_client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


def test_handover_visible_to_is_one_rule_for_members_and_the_successor(network, coach, tom, outsider, vdab):
    handover = _propose(network, coach, tom)
    assert list(Handover.objects.visible_to(vdab)) == [handover]
    assert list(Handover.objects.visible_to(tom)) == [handover]
    assert not Handover.objects.visible_to(outsider).exists()


def test_the_youth_stays_visible_to_the_successor_only_after_acceptance(network, vdab, lore):
    handover = _propose(network, vdab, lore)
    assert not Youth.objects.visible_to(lore).exists()
    handover_accept(handover=handover, by=lore)
    assert list(Youth.objects.visible_to(lore)) == [network.youth]
    assert not Youth.objects.visible_to(vdab).exists()


def test_an_organisation_new_to_the_network_needs_the_youths_consent_first(network, coach_client, coach, tom):
    data = _start_data(_membership(network, coach), successor=tom.supporter.pk)
    del data["share_consent"]
    response = coach_client.post(reverse("handovers:handover_start", args=[network.pk]), data)
    assert response.status_code == 200
    assert "has not agreed to share information" in response.content.decode()
    assert not Handover.objects.exists()

    coach_client.post(reverse("handovers:handover_start", args=[network.pk]), {**data, "share_consent": "on"})
    assert Handover.objects.filter(successor=tom.supporter).exists()
    assert network.youth.sharing_consents.active().filter(organisation=tom.organisation).exists()


def test_a_consent_revoked_before_acceptance_stops_the_acceptance(network, coach, tom):
    handover = _propose(network, coach, tom)
    network.youth.sharing_consents.filter(organisation=tom.organisation).update(revoked_on=timezone.localdate())
    with pytest.raises(ValidationError):
        handover_accept(handover=handover, by=tom)
    assert not _visible(tom, network)
