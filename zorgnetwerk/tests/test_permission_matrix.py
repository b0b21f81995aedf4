"""The permission matrix: every URL of the project, for every kind of user.

The URLs come from the resolver, not from a list, so a page added tomorrow is covered the day
it lands. Each URL's parameters are filled with objects of Ahmad's network (the `network`
fixture). Every URL has a kind (KIND_OF; a URL about one network's records is a "network" page
unless listed), and each kind says the ONE status every persona gets (KINDS):

- anonymous: a redirect to the login page with ?next=<the page>;
- a member of the network (Sara, its lead; Eva, who joined through an accepted handover): the
  page (200), or 405 on a GET of a POST-only URL;
- everybody outside the network (another school, the advisory group, an advisor who also works
  at an organisation, an admin, a staff user, the proposed successor of a handover that is still
  waiting): 404 on every page about the network's records, never 403;
- the advisory group's pages: 200 for its members, 404 for everybody else;
- list pages never show the youth to somebody outside the network;
- GET changes nothing, for anybody; a POST-only URL answers a non-member's POST with 404.

The export is a privacy officer's task (a superuser holds every permission); the lead, staff
without the permission and everybody else get 404 there.

A URL the matrix cannot classify (an unknown parameter, an object type it cannot create, a page
without parameters that has no kind) fails with a message saying what to add.

How we know these checks can fail (each tried for real, then restored):
- removing `@advisory_required` from `adviesgroep.views.inbox` makes
  test_every_url_answers_each_persona_as_expected fail for member, outsider, admin, staff, the
  successors ("adviesgroep:inbox ... got 200, expected 404");
- making `CareNetworkQuerySet.visible_to` return every network for any logged-in user makes it
  fail for outsider, staff, admin and the successor (200 instead of 404), and the POST test;
- dropping `@login_required` from `networks.views.network_detail` makes the anonymous persona
  fail (a 404 instead of the redirect to the login page);
- giving `user_is_lead_side` to every member makes `handovers:network_close` fail for Eva (200
  instead of 403).
"""

import importlib
from urllib.parse import quote

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from audit.models import AuditEvent
from audit.registry import registrations, url_objects
from handovers.models import Handover, HandoverStatus
from networks.models import Note, SharingConsent

# URL names that are not pages about anybody's data, with the reason they are left out.
EXCLUDED = {
    "login": "the login page is public (tested in accounts/tests/test_login_security.py)",
    "logout": "POST-only logout (Django's own view)",
    "password_reset": "public password reset (Django's own view)",
    "password_reset_done": "public password reset (Django's own view)",
    "password_reset_confirm": "public, takes a signed token instead of an object",
    "password_reset_complete": "public password reset (Django's own view)",
    "set_language": "the language switch (Django's own view, POST)",
    "privacy:privacy_page": "the public privacy page (checked below: 200 for anybody)",
    "health": "the load balancer's health check (public, no data)",
    "health_ready": "the readiness probe (public, no data: tested in zorgnetwerk/tests/test_health.py)",
    "youthpage:youth_page": "the youth's own page: a token and a code, no login (tested in youthpage/tests)",
    "youthpage:youth_page_message": "the youth's own page, POST behind the code (tested in youthpage/tests)",
    "youthpage:youth_page_action": "the youth's own page, POST behind the code (tested in youthpage/tests)",
    "youthpage:youth_page_leave": "the youth's own page, POST (tested in youthpage/tests)",
}
EXCLUDED_NAMESPACES = {"admin": "Django admin: staff only, read-only where it matters, tested by Django"}

# Objects outside one youth's network: shared knowledge of the advisory group.
NOT_NETWORK_BOUND = {"lesson", "policyfeedback", "signal"}

# persona -> the fixture in conftest.py that logs in as it (None: not logged in).
PERSONAS = {
    "anonymous": None,
    "member": "coach",  # Sara, the network's lead
    "member_by_handover": "successor_after_handover",  # Eva, a member since her handover was accepted
    "outsider": "outsider",  # Lotte, another school
    "advisor": "advisor",  # Marie, the advisory group
    "advisor_with_org": "advisor_with_org",  # Ines, advisory group and Stad Gent
    "admin": "admin_user",  # a superuser
    "staff": "staff_user",  # Wim, staff without superuser and without organisation
    "successor": "successor",  # Nina, proposed successor of Karim, not yet accepted
    "privacy_officer": "privacy_officer",  # Petra, youths.export_youth_data
}
LOGIN = "login"  # a redirect to the login page with ?next=


def kind(default: int, **statuses) -> dict[str, int | str]:
    """The status of every persona for one kind of URL: `default` unless named; anonymous logs in."""
    table = dict.fromkeys(PERSONAS, default)
    table["anonymous"] = LOGIN
    table.update(statuses)
    return table


KINDS = {
    # A page about one network's records: its members only (DESIGN.md "Who may see what").
    "network": kind(404, member=200, member_by_handover=200),
    # POST-only: a GET answers 405 before anything is looked up, so it says nothing.
    "post_only": kind(405),
    # The audit trail of a network: its lead (admins read it in Django admin).
    "lead_only": kind(404, member=200),
    # Closing the network: the lead; another member knows the network and gets 403.
    "lead_change": kind(404, member=200, member_by_handover=403),
    # Ending another organisation's membership or revoking another organisation's consent: the lead,
    # the guardian or that organisation (DESIGN.md); another member knows the network and gets 403.
    "keeper_change": kind(404, member=200, member_by_handover=403),
    # A handover: the network's members, and the proposed successor while it waits for them.
    "handover": kind(404, member=200, member_by_handover=200, successor=200),
    # The GDPR export: a privacy officer's task; superusers hold every permission.
    "export": kind(404, admin=200, privacy_officer=200),
    # A signal: the network that sent it and the advisory group.
    "signal": kind(404, member=200, member_by_handover=200, advisor=200, advisor_with_org=200),
    # The advisory group's own pages.
    "advisory": kind(404, advisor=200, advisor_with_org=200),
    # The advisory group's POST-only work on a signal: 404 before the method is checked.
    "advisory_post": kind(404, advisor=405, advisor_with_org=405),
    # The statistics (counts under 5 suppressed): the advisory group, admins and staff.
    "stats": kind(404, advisor=200, advisor_with_org=200, admin=200, staff=200),
    # Pages of one's own (account, dashboard, lists of what one may see, blank templates, lessons).
    "anybody": kind(200),
    # A new youth: anybody but the advisory group, which never sees a dossier.
    "not_advisory": kind(200, advisor=404, advisor_with_org=404),
    # The second step of the login: without a device it sends you to set one up.
    "otp_verify": kind(302),
    # POST-only with require_POST outside login_required: 405 even before login.
    "post_only_before_login": kind(405, anonymous=405),
}

# The kind of every URL that is not a plain "network" page; a URL without parameters must be here.
KIND_OF = {
    "password_change": "anybody",
    "password_change_done": "anybody",
    "dashboard": "anybody",
    "accounts:account_security": "anybody",
    "accounts:account_reauth": "anybody",
    "accounts:account_email_change": "anybody",
    "accounts:account_otp_setup": "anybody",
    "accounts:account_otp_verify": "otp_verify",
    "accounts:account_backup_codes": "post_only_before_login",
    "networks:network_map_blank_pdf": "anybody",
    "youths:youth_list": "anybody",
    "youths:youth_create": "not_advisory",
    "youths:templates_index": "anybody",
    "youths:youth_leaflet_blank_pdf": "anybody",
    "youths:intake_blank_pdf": "anybody",
    "actionplans:plan_blank_pdf": "anybody",
    "networks:network_activate": "post_only",
    "networks:organisation_propose": "post_only",
    "handovers:handover_accept": "post_only",
    "handovers:handover_decline": "post_only",
    "handovers:handover_withdraw": "post_only",
    "handovers:transition_confirm": "post_only",
    "handovers:plan_review_done": "post_only",
    "youthpage:youthlink_create": "post_only",
    "youthpage:youthlink_renew": "post_only",
    "youthpage:youthlink_leaflet": "post_only",
    "youthpage:youthlink_revoke": "post_only",
    "youthpage:youth_share": "post_only",
    "youthpage:youthmessage_handled": "post_only",
    "handovers:network_reopen": "post_only",
    "privacy:youth_export": "post_only",
    "actionplans:action_reopen": "post_only",
    "actionplans:question_route_delete": "post_only",
    "adviesgroep:signal_from_barrier": "post_only",
    "adviesgroep:advice_to_action": "post_only",
    "adviesgroep:advice_to_barrier": "post_only",
    "networks:network_audit": "lead_only",
    "handovers:network_close": "lead_change",
    "networks:membership_end": "keeper_change",
    "networks:consent_revoke": "keeper_change",
    "handovers:handover_detail": "handover",
    "privacy:youth_export_page": "export",
    "privacy:youth_export_search": "export",
    "adviesgroep:signal_detail": "signal",
    "adviesgroep:inbox": "advisory",
    "adviesgroep:aggregation": "advisory",
    "adviesgroep:aggregation_csv": "advisory",
    "adviesgroep:lesson_create": "advisory",
    "adviesgroep:lesson_update": "advisory",
    "adviesgroep:policy_list": "advisory",
    "adviesgroep:policy_create": "advisory",
    "adviesgroep:signal_assign": "advisory_post",
    "adviesgroep:signal_status": "advisory_post",
    "adviesgroep:signal_answer": "advisory_post",
    "adviesgroep:stats": "stats",
    "adviesgroep:lesson_list": "anybody",
    "adviesgroep:lesson_detail": "anybody",
}

# 200 pages where somebody outside the network reads the youth's name, with the reason.
MAY_SHOW_YOUTH = {
    ("handovers:handover_detail", "successor"): "the successor reads whom they are asked to take over",
    ("dashboard", "successor"): "the handover waiting for the successor's answer",
    ("privacy:youth_export_page", "admin"): "the export of that youth",
    ("privacy:youth_export_page", "privacy_officer"): "the export of that youth",
}

# Non-members' POST to a POST-only URL that is theirs to make, with the status and the reason.
POST_ALLOWED = {
    ("handovers:handover_accept", "successor"): (None, "the successor's own answer (tested in the handover tests)"),
    ("handovers:handover_decline", "successor"): (None, "the successor's own answer (tested in the handover tests)"),
    ("privacy:youth_export", "admin"): (200, "superusers hold the export permission"),
    ("privacy:youth_export", "privacy_officer"): (200, "the privacy officer's export"),
}


# --- the URLs --------------------------------------------------------------------------------


def iter_routes(resolver=None, prefix="", namespace=None, kwarg_names=()):
    """(view name, route, kwarg names, callback) for every URL pattern of the project."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        names = tuple(getattr(pattern.pattern, "converters", {}) or pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from iter_routes(pattern, prefix + str(pattern.pattern), ns, kwarg_names + names)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern), kwarg_names + names, pattern.callback


def matrix_routes():
    for name, route, kwarg_names, callback in iter_routes():
        if name in EXCLUDED or name.split(":")[0] in EXCLUDED_NAMESPACES:
            continue
        yield name, route, kwarg_names, callback


def list_page_urls() -> list[str]:
    """Every page without parameters (lists, dashboards, forms to create)."""
    return [reverse(name) for name, _route, kwarg_names, _cb in matrix_routes() if not kwarg_names]


def url_names() -> list[str]:
    """The English words by which URLs name the models the audit trail knows."""
    return sorted(name for known in registrations() for name in (known.model_name, *known.url_names))


def objects_named(route: str, name: str, kwarg_names) -> dict[str, str]:
    """{kwarg: model name}; fails clearly for a parameter it cannot place."""
    url_name = name.split(":")[-1]
    placed = {}
    for kwarg in kwarg_names:
        found = url_objects(route, url_name, {kwarg: "1"})
        if not found:
            pytest.fail(
                f"The permission matrix cannot fill <{kwarg}> of {name} ({route}). Name it after its model "
                f"(`<int:network_pk>`, `<int:youth_id>`; known words: {url_names()}) or put the id after "
                "a path word a model registers with audit.registry.register, or add the URL to EXCLUDED with a reason."
            )
        placed[kwarg] = next(iter(found))
    return placed


# --- the world: Ahmad's network with one of everything ----------------------------------------


def _factory_for(model):
    """`<Model>Factory` from any app's tests/factories.py, for object types added later."""
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.tests.factories")
        except ImportError:
            continue
        factory = getattr(module, f"{model.__name__}Factory", None)
        if factory is not None:
            return factory
    return None


class World:
    def __init__(self, network, coach, guardian, vdab, handover):
        from actionplans.models import (
            Action,
            ActionPlan,
            Barrier,
            BarrierCategory,
            Evaluation,
            PlanVersion,
            QuestionRoute,
            Referral,
        )
        from actionplans.tests.factories import MeetingFactory
        from adviesgroep.tests.factories import AdviceFactory, SignalFactory

        self.network = network
        self.youth = network.youth
        lead = network.lead
        plan, _ = ActionPlan.objects.get_or_create(network=network)
        category = BarrierCategory.objects.first() or BarrierCategory.objects.create(name="Taal", slug="taal")
        vdab_membership = network.memberships.get(supporter=vdab.supporter)
        self.objects = {
            "carenetwork": network,
            "youth": self.youth,
            "intake": self.youth.intakes.first(),
            "actionplan": plan,
            "action": Action.objects.create(
                plan=plan, domain="school", description="Inschrijven", owner=lead, deadline=timezone.localdate()
            ),
            "barrier": Barrier.objects.create(plan=plan, category=category, description="Geen plaats"),
            "referral": Referral.objects.create(plan=plan, partner="Jobteam", reason="Werk zoeken"),
            "meeting": MeetingFactory(network=network),
            "note": Note.objects.create(network=network, author=coach, organisation=coach.organisation, text="x"),
            "membership": vdab_membership,
            "sharingconsent": SharingConsent.objects.create(youth=self.youth, organisation=coach.organisation),
            "evaluation": Evaluation.objects.create(network=network, went_well="Goed", by=coach),
            "planversion": PlanVersion.objects.create(plan=plan, number=1, snapshot={}, created_by=coach),
            "questionroute": QuestionRoute.objects.create(plan=plan, question="Huiswerk?", member=lead),
            "handover": handover,
            # Advice on a signal of this network: the network takes it up (POST only, members only).
            "advice": AdviceFactory(signal=SignalFactory(network=network, sent_by=coach)),
        }

    def get(self, model_name: str, url_name: str):
        if model_name not in self.objects:
            self.objects[model_name] = self._create(model_name, url_name)
        return self.objects[model_name]

    def _create(self, model_name: str, url_name: str):
        model = next((m for m in apps.get_models() if m._meta.model_name == model_name), None)
        factory = _factory_for(model) if model else None
        if factory is None:
            pytest.fail(
                f"The permission matrix needs a {model_name} for {url_name}: add a {model_name.title()}Factory "
                "to your app's tests/factories.py (it is called with network=/plan=/youth= when the model has them)."
            )
        known = {type(obj): obj for obj in self.objects.values()}
        links = {
            field.name: known[field.related_model]
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model in known
        }
        return factory(**links)

    def url(self, name, route, kwarg_names) -> tuple[str, set[str]]:
        placed = objects_named(route, name, kwarg_names)
        kwargs = {kwarg: self.get(model_name, name).pk for kwarg, model_name in placed.items()}
        return reverse(name, kwargs=kwargs), set(placed.values())


# Bookkeeping of reads that a GET may write, like the audit trail itself (reviewed).
READ_BOOKKEEPING = {
    "actionplans.ActionPlan": {"lead_seen_at"},  # when the lead last looked: flags others' changes
    "adviesgroep.AdvisoryVisit": "all",  # when an advisory member last opened the inbox: what is new
}


def fingerprint() -> dict:
    """Every row of the project's own tables (not the audit trail, not read bookkeeping)."""
    state = {}
    for config in apps.get_app_configs():
        if config.name not in ("youths", "networks", "actionplans", "handovers", "adviesgroep"):
            continue
        for model in config.get_models():
            if model is AuditEvent:
                continue
            skip = READ_BOOKKEEPING.get(model._meta.label, set())
            if skip == "all":
                continue
            columns = [f.attname for f in model._meta.concrete_fields if f.name not in skip]
            state[model._meta.label] = sorted(map(repr, model.objects.values_list(*columns)))
    return state


@pytest.fixture
def world(network, coach, guardian, vdab, pending_handover):
    return World(network, coach, guardian, vdab, pending_handover)


def log_in(client, request, persona: str):
    """Log the client in as the persona (its conftest fixture); anonymous stays logged out."""
    fixture = PERSONAS[persona]
    if fixture is None:
        return None
    user = request.getfixturevalue(fixture)
    client.force_login(user)
    return user


def kind_of(name: str, object_types: set[str]) -> str:
    if name in KIND_OF:
        return KIND_OF[name]
    if object_types - NOT_NETWORK_BOUND:
        return "network"
    pytest.fail(
        f"The permission matrix does not know who may open {name}: give it a kind in KIND_OF "
        f"({sorted(KINDS)}), or add a kind to KINDS that says the one status of every persona."
    )


def expected_status(name: str, persona: str, object_types: set[str]) -> int | str:
    return KINDS[kind_of(name, object_types)][persona]


def check_get(client, world_youth, name: str, url: str, persona: str, want: int | str) -> list[str]:
    """What is wrong with a GET of url for persona (nothing: an empty list)."""
    response = client.get(url)
    status = response.status_code
    if want == LOGIN:
        login = f"{reverse('login')}?next={quote(url)}"
        if status != 302 or response.url != login:
            return [f"{name} {url}: {persona} got {status} {response.get('Location', '')}, expected 302 to {login}"]
        return []
    if status != want:
        return [f"{name} {url}: {persona} got {status}, expected {want}"]
    body = response.content.decode(errors="ignore") if status == 200 else ""
    outside = persona not in ("member", "member_by_handover") and (name, persona) not in MAY_SHOW_YOUTH
    if outside and world_youth.last_name in body:
        return [f"{name} {url}: {persona} sees the youth's name"]
    return []


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_each_persona_as_expected(client, request, world, persona):
    log_in(client, request, persona)
    urls = [(name, *world.url(name, route, kwarg_names)) for name, route, kwarg_names, _cb in matrix_routes()]
    before = fingerprint()
    problems = []
    for name, url, object_types in urls:
        problems += check_get(client, world.youth, name, url, persona, expected_status(name, persona, object_types))
    assert fingerprint() == before, "a GET changed the database"
    assert not problems, "\n".join(problems)


def post_only_urls(world) -> list[tuple[str, str]]:
    return [
        (name, world.url(name, route, kwarg_names)[0])
        for name, route, kwarg_names, _callback in matrix_routes()
        if KIND_OF.get(name) == "post_only"
    ]


@pytest.mark.parametrize(
    "persona", ["outsider", "advisor", "advisor_with_org", "admin", "staff", "successor", "privacy_officer"]
)
def test_post_only_urls_refuse_non_members_with_404_and_change_nothing(client, request, world, persona):
    log_in(client, request, persona)
    before = fingerprint()
    problems = []
    for name, url in post_only_urls(world):
        want, _reason = POST_ALLOWED.get((name, persona), (404, ""))
        if want is None:
            continue
        status = client.post(url, {}).status_code
        if status != want:
            problems.append(f"{name} {url}: {persona}'s POST got {status}, expected {want}")
    assert fingerprint() == before, "a non-member's POST changed the database"
    assert not problems, "\n".join(problems)


def test_a_declined_handover_is_no_longer_readable_by_its_successor(client, successor, pending_handover):
    client.force_login(successor)
    url = reverse("handovers:handover_detail", args=[pending_handover.pk])
    assert client.get(url).status_code == 200
    Handover.objects.filter(pk=pending_handover.pk).update(status=HandoverStatus.DECLINED)
    assert client.get(url).status_code == 404


def test_every_url_has_one_status_for_every_persona():
    for name, kind_name in KIND_OF.items():
        assert kind_name in KINDS, name
    for kind_name, table in KINDS.items():
        assert set(table) == set(PERSONAS), kind_name
        assert all(status == LOGIN or isinstance(status, int) for status in table.values()), kind_name
    names = {name for name, *_ in matrix_routes()}
    assert set(KIND_OF) <= names, f"KIND_OF names URLs that no longer exist: {sorted(set(KIND_OF) - names)}"


def test_the_matrix_covers_every_page_of_the_project():
    covered = {name for name, *_ in matrix_routes()}
    for app in ("networks", "youths", "actionplans", "handovers", "adviesgroep"):
        assert any(name.startswith(f"{app}:") for name in covered)
    assert "networks:network_detail" in covered and "networks:network_audit" in covered


def test_the_privacy_page_is_public(client):
    assert client.get(reverse("privacy:privacy_page")).status_code == 200
