"""Django admin is no second door.

DESIGN.md: "Admins work in Django admin. Admin is no second door: every admin change to
memberships, consent, handovers or the lead goes through the same service functions as the app
(access follows, the audit names the admin), or admin shows it read-only. No admin page writes
guardian rows."

The tests drive Django admin with the test client, as a superuser and as a staff user who only
has model permissions, then compare every affected user's access with what the memberships say.

How these tests were checked to fail: CareNetworkAdmin was put back on guardian's
GuardedModelAdmin (the permissions page answered 200 and granted), the membership inline and the
consent admin were made writable again (access stayed after ending/revoking), the admin actions
were pointed at a plain `.update(left_on=...)` / `.update(revoked_on=...)`, and save_model of
CareNetworkAdmin was reduced to `obj.save()`: each time the tests naming that door went red.
"""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from guardian.admin import GuardedModelAdmin

from accounts.choices import Sector
from audit.models import AuditEvent
from handovers.models import Handover, TransitionDomain
from networks.choices import NetworkStatus, TimelineKind
from networks.models import (
    CareNetwork,
    Membership,
    NetworkGroupObjectPermission,
    NetworkUserObjectPermission,
    SharingConsent,
    TimelineEntry,
)
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory, UserFactory
from youths.tests.helpers import client_for

pytestmark = pytest.mark.django_db

STAFF_PERMISSIONS = [
    "view_carenetwork",
    "change_carenetwork",
    "add_carenetwork",
    "view_membership",
    "change_membership",
    "view_sharingconsent",
    "add_sharingconsent",
    "change_sharingconsent",
    "view_handover",
    "change_handover",
    "view_timelineentry",
    "change_timelineentry",
    "view_transitionconfirmation",
    "add_transitionconfirmation",
    "change_transitionconfirmation",
    "delete_transitionconfirmation",
    "view_supporter",
    "change_supporter",
    "view_user",
    "change_user",
    "view_networkgroupobjectpermission",
    "add_networkgroupobjectpermission",
    "change_networkgroupobjectpermission",
]


@pytest.fixture
def staff(school_b):
    """A staff user without superuser rights, with model permissions, of another school."""
    user = UserFactory(email="beheer@sintlieven.example", organisation=school_b, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["networks", "handovers", "accounts"], codename__in=STAFF_PERMISSIONS
        )
    )
    return user


@pytest.fixture(params=["superuser", "staff"])
def admin_actor(request, admin_user, staff):
    return {"superuser": admin_user, "staff": staff}[request.param]


@pytest.fixture
def everyone(coach, guardian, vdab, outsider, staff, admin_user, vdab_org):
    return [coach, guardian, vdab, outsider, staff, admin_user, UserFactory(organisation=vdab_org)]


def networks_the_memberships_give(user) -> set[int]:
    """The networks a user should see, computed from the memberships alone (DESIGN.md's rule)."""
    members = Membership.objects.active().exclude(network__status=NetworkStatus.CLOSED)
    if user.organisation_id:
        members = members.filter(supporter__organisation_id=user.organisation_id)
    else:
        members = members.filter(supporter__user=user, supporter__organisation__isnull=True)
    return set(members.values_list("network_id", flat=True))


def assert_access_follows_the_memberships(users):
    for user in users:
        seen = set(CareNetwork.objects.visible_to(user).values_list("pk", flat=True))
        assert seen == networks_the_memberships_give(user), user.email


def assert_audit_names(actor, *, object_type, object_id, field):
    events = AuditEvent.objects.filter(user_id=actor.pk, object_type=object_type, object_id=str(object_id))
    assert any(field in event.fields for event in events), list(events.values("action", "fields", "user_email"))


class _FormValues(HTMLParser):
    """The values a browser would post from an admin change form."""

    def __init__(self):
        super().__init__()
        self.values, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def form_values(page: str) -> dict:
    parser = _FormValues()
    parser.feed(page)
    return parser.values


def run_action(client, model: str, action: str, pks, **extra):
    return client.post(
        reverse(f"admin:networks_{model}_changelist"),
        {"action": action, "index": 0, "_selected_action": [str(pk) for pk in pks], **extra},
    )


# --- memberships -------------------------------------------------------------------------------


def test_ending_a_membership_in_admin_ends_the_organisations_access_and_names_the_admin(
    network, vdab, admin_actor, everyone
):
    membership = network.memberships.get(supporter=vdab.supporter)
    client = client_for(admin_actor)
    confirm = run_action(client, "membership", "end_memberships", [membership.pk])
    assert confirm.status_code == 200  # asks for the reason first
    membership.refresh_from_db()
    assert membership.is_active

    response = run_action(
        client, "membership", "end_memberships", [membership.pk], confirm="1", reason="Dubbel ingeschreven"
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active
    assert not CareNetwork.objects.visible_to(vdab).exists()
    assert_access_follows_the_memberships(everyone)
    assert_audit_names(admin_actor, object_type="membership", object_id=membership.pk, field="left_on")
    entry = TimelineEntry.objects.filter(network=network, kind=TimelineKind.MEMBER).first()
    assert "Dubbel ingeschreven" in entry.summary and entry.actor == admin_actor


def test_the_leads_membership_does_not_end_in_admin(network, coach, admin_actor, everyone):
    lead = network.lead
    run_action(client_for(admin_actor), "membership", "end_memberships", [lead.pk], confirm="1", reason="weg")
    lead.refresh_from_db()
    assert lead.is_active
    assert_access_follows_the_memberships(everyone)


def test_the_membership_inline_on_the_network_page_is_read_only(network, vdab, admin_actor, everyone):
    client = client_for(admin_actor)
    url = reverse("admin:networks_carenetwork_change", args=[network.pk])
    page = client.get(url).content.decode()
    assert "memberships-0-left_on" not in page
    assert "memberships-0-DELETE" not in page
    data = form_values(page)
    membership = network.memberships.get(supporter=vdab.supporter)
    # A hand-made post as the old inline took it: end Karim's membership and delete another.
    data.update({"memberships-2-id": str(membership.pk), "memberships-2-left_on": "2030-01-01"})
    data.update({"memberships-1-DELETE": "on"})
    client.post(url, data)
    assert network.memberships.active().count() == 3
    assert_access_follows_the_memberships(everyone)


def test_memberships_cannot_be_added_changed_or_deleted_in_admin(network, vdab, admin_actor):
    client = client_for(admin_actor)
    membership = network.memberships.get(supporter=vdab.supporter)
    assert client.get(reverse("admin:networks_membership_add")).status_code == 403
    assert client.post(reverse("admin:networks_membership_delete", args=[membership.pk])).status_code == 403
    assert client.post(reverse("admin:networks_membership_change", args=[membership.pk]), {}).status_code == 403
    assert membership.is_active


# --- consent -----------------------------------------------------------------------------------


def test_revoking_a_consent_in_admin_ends_the_organisations_memberships_and_access(
    network, vdab, admin_actor, everyone
):
    consent = SharingConsent.objects.create(youth=network.youth, organisation=vdab.organisation)
    response = run_action(client_for(admin_actor), "sharingconsent", "revoke_consents", [consent.pk])
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.revoked_on is not None
    assert not network.memberships.active().filter(supporter=vdab.supporter).exists()
    assert not CareNetwork.objects.visible_to(vdab).exists()
    assert_access_follows_the_memberships(everyone)
    assert_audit_names(admin_actor, object_type="sharingconsent", object_id=consent.pk, field="revoked_on")
    assert TimelineEntry.objects.filter(youth=network.youth, kind=TimelineKind.CONSENT, actor=admin_actor).exists()


def test_a_consent_cannot_be_changed_or_deleted_in_admin(network, vdab, admin_actor, everyone):
    consent = SharingConsent.objects.create(youth=network.youth, organisation=vdab.organisation)
    client = client_for(admin_actor)
    change = client.post(
        reverse("admin:networks_sharingconsent_change", args=[consent.pk]),
        {
            "youth": network.youth.pk,
            "organisation": vdab.organisation.pk,
            "given_on": "2025-01-01",
            "revoked_on": "2025-02-01",
        },
    )
    assert change.status_code == 403
    assert (
        client.post(reverse("admin:networks_sharingconsent_delete", args=[consent.pk]), {"post": "yes"}).status_code
        == 403
    )
    consent.refresh_from_db()
    assert consent.revoked_on is None
    assert_access_follows_the_memberships(everyone)


def test_recording_a_consent_in_admin_goes_through_the_service(network, admin_actor):
    caw = OrganisationFactory(name="CAW Oost-Vlaanderen", sector=Sector.WELFARE)
    response = client_for(admin_actor).post(
        reverse("admin:networks_sharingconsent_add"),
        {"youth": network.youth.pk, "organisation": caw.pk, "given_on": "2025-01-10"},
    )
    assert response.status_code == 302
    consent = SharingConsent.objects.get(organisation=caw)
    assert consent.recorded_by == admin_actor
    assert TimelineEntry.objects.filter(youth=network.youth, kind=TimelineKind.CONSENT, actor=admin_actor).exists()


# --- the lead and the network ------------------------------------------------------------------


def test_changing_the_lead_in_admin_goes_through_the_service(network, guardian, admin_actor, everyone):
    client = client_for(admin_actor)
    url = reverse("admin:networks_carenetwork_change", args=[network.pk])
    data = form_values(client.get(url).content.decode())
    voogd = network.memberships.get(supporter=guardian.supporter)
    data["lead"] = str(voogd.pk)
    response = client.post(url, data)
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.lead == voogd
    assert network.plan_review_due_on is not None  # network_rotate_lead: the new lead reviews the plan
    assert TimelineEntry.objects.filter(network=network, kind=TimelineKind.NETWORK, actor=admin_actor).exists()
    assert_audit_names(admin_actor, object_type="carenetwork", object_id=network.pk, field="lead")
    assert_access_follows_the_memberships(everyone)


def test_a_member_of_another_network_cannot_become_lead_in_admin(network, admin_user):
    other = CareNetworkFactory()
    stranger = other.memberships.create(supporter=SupporterFactory(), role="other")
    client = client_for(admin_user)
    url = reverse("admin:networks_carenetwork_change", args=[network.pk])
    data = form_values(client.get(url).content.decode())
    data["lead"] = str(stranger.pk)
    assert client.post(url, data).status_code == 200  # the form refuses the choice
    network.refresh_from_db()
    assert network.lead.supporter.full_name == "Sara Vermeulen"


def test_status_and_youth_of_a_network_are_read_only_in_admin(network, admin_actor):
    page = client_for(admin_actor).get(reverse("admin:networks_carenetwork_change", args=[network.pk])).content.decode()
    for field in ("status", "youth", "closure_reason", "ended_on"):
        assert f'name="{field}"' not in page, field


@pytest.mark.parametrize(
    "tail", ["permissions/", "permissions/group-manage/{group}/", "permissions/user-manage/{user}/"]
)
def test_guardians_permission_pages_answer_404(network, admin_actor, staff, outsider, tail):
    url = reverse("admin:networks_carenetwork_change", args=[network.pk]).replace("change/", "")
    url += tail.format(group=staff.organisation.group_id, user=staff.pk)
    client = client_for(admin_actor)
    assert client.get(url).status_code == 404
    response = client.post(url, {"group": staff.organisation.group.name, "permissions": ["view_carenetwork"]})
    assert response.status_code == 404
    assert not NetworkGroupObjectPermission.objects.filter(group=staff.organisation.group_id).exists()
    assert not CareNetwork.objects.visible_to(staff).exists()
    assert not CareNetwork.objects.visible_to(outsider).exists()


def test_no_admin_page_is_guardians_or_writes_guardian_rows(admin_user):
    request = type("Request", (), {"user": admin_user})()
    for model, model_admin in admin.site._registry.items():
        assert not isinstance(model_admin, GuardedModelAdmin), model
    for model in (NetworkGroupObjectPermission, NetworkUserObjectPermission):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)


# --- handovers, the timeline, supporters and users ---------------------------------------------


def test_handovers_and_the_timeline_are_read_only_in_admin(network, vdab, admin_actor):
    handover = Handover.objects.create(
        network=network,
        leaver=network.memberships.get(supporter=vdab.supporter),
        successor=SupporterFactory(),
        successor_role="job_coach",
        reason="new_job",
        note="Overdracht",
    )
    entry = TimelineEntry.objects.filter(network=network).first()
    client = client_for(admin_actor)
    assert client.get(reverse("admin:handovers_handover_add")).status_code == 403
    assert (
        client.post(reverse("admin:handovers_handover_change", args=[handover.pk]), {"status": "accepted"}).status_code
        == 403
    )
    assert (
        client.post(reverse("admin:handovers_handover_delete", args=[handover.pk]), {"post": "yes"}).status_code == 403
    )
    assert (
        client.post(reverse("admin:networks_timelineentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    )
    handover.refresh_from_db()
    assert handover.status == "proposed"
    assert TimelineEntry.objects.filter(pk=entry.pk).exists()


def test_a_supporters_organisation_is_read_only_in_admin_while_they_are_a_member(network, vdab, admin_user):
    page = client_for(admin_user).get(reverse("admin:networks_supporter_change", args=[vdab.supporter.pk]))
    assert 'name="organisation"' not in page.content.decode()


def test_giving_a_buddy_a_login_in_admin_gives_access_through_the_service(network, admin_user, everyone):
    from networks.choices import MemberRole
    from networks.services import network_add_member

    buddy = SupporterFactory(first_name="Bram", last_name="Buddy", organisation=None, user=None)
    network_add_member(network=network, supporter=buddy, role=MemberRole.BUDDY)
    login = UserFactory(email="bram@buddy.example", organisation=None)
    client = client_for(admin_user)
    url = reverse("admin:networks_supporter_change", args=[buddy.pk])
    data = form_values(client.get(url).content.decode())
    data["user"] = str(login.pk)
    assert client.post(url, data).status_code == 302
    assert list(CareNetwork.objects.visible_to(login)) == [network]
    assert_access_follows_the_memberships([*everyone, login])


def test_a_staff_user_cannot_put_themselves_in_another_organisations_group(network, staff, school_a, coach):
    client = client_for(staff)
    url = reverse("admin:accounts_user_change", args=[staff.pk])
    page = client.get(url).content.decode()
    assert f"org-{school_a.pk}:" not in page
    data = form_values(page)
    data["groups"] = [str(school_a.group_id)]
    client.post(url, data)
    staff.refresh_from_db()
    assert list(staff.groups.values_list("pk", flat=True)) == [staff.organisation.group_id]
    assert not CareNetwork.objects.visible_to(staff).exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/networks/user/", "/admin/accounts/user/"),
        ("/admin/networks/organisation/3/change/", "/admin/accounts/organisation/3/change/"),
        ("/admin/networks/auditevent/?action=read", "/admin/audit/auditevent/?action=read"),
        ("/admin/networks/handover/", "/admin/handovers/handover/"),
        ("/admin/networks/meeting/", "/admin/actionplans/meeting/"),
    ],
)
def test_admin_pages_of_moved_models_keep_their_old_address(admin_user, old, new):
    response = client_for(admin_user).get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_admin_pages_of_models_that_stayed_are_not_redirected(admin_user):
    assert client_for(admin_user).get("/admin/networks/carenetwork/").status_code == 200


def test_the_turning_18_confirmations_are_read_only_in_admin(network, coach, admin_actor):
    from handovers.models import TransitionConfirmation

    confirmation = TransitionConfirmation.objects.create(
        network=network, domain=TransitionDomain.MONEY, note="Leefloon aangevraagd bij OCMW Gent", confirmed_by=coach
    )
    client = client_for(admin_actor)
    listing = client.get(reverse("admin:handovers_transitionconfirmation_changelist"))
    assert listing.status_code == 200
    assert str(confirmation) in listing.content.decode()
    assert client.get(reverse("admin:handovers_transitionconfirmation_add")).status_code == 403
    change = reverse("admin:handovers_transitionconfirmation_change", args=[confirmation.pk])
    assert client.post(change, {"note": "weg"}).status_code == 403
    delete = reverse("admin:handovers_transitionconfirmation_delete", args=[confirmation.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    confirmation.refresh_from_db()
    assert confirmation.note == "Leefloon aangevraagd bij OCMW Gent"
