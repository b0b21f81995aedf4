"""The permission matrix: every URL of the project, for every kind of user.

The URLs come from the resolver, not from a list, so a page added tomorrow is covered the day
it lands. Each URL's parameters are filled with objects of Ahmad's network (the `network`
fixture), and for each persona the status is checked:

- anonymous: redirected to the login page;
- a member of the network (Sara, its lead): the page (200), a redirect, or 405 for POST-only;
- a member of another organisation, an advisory-group member, an admin: 404 on every page
  about the network's records (never 403, which would confirm the youth exists), and list
  pages that never show the youth;
- GET changes nothing, for anybody; a POST-only URL answers an outsider's POST with 404.

A URL the matrix cannot classify (an unknown parameter, an object type it cannot create) fails
with a message saying what to add. The exceptions below are short and reviewed.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from networks.audit import URL_THINGS, url_objects
from networks.choices import HandoverReason, MemberRole
from networks.models import AuditEvent, Handover, Note, SharingConsent
from networks.tests.factories import SupporterFactory

# URL names that are not pages about anybody's data, with the reason they are left out.
EXCLUDED = {
    "login": "the login page is public (tested in networks/tests/test_security.py)",
    "logout": "POST-only logout (Django's own view)",
    "password_reset": "public password reset (Django's own view)",
    "password_reset_done": "public password reset (Django's own view)",
    "password_reset_confirm": "public, takes a signed token instead of an object",
    "password_reset_complete": "public password reset (Django's own view)",
    "set_language": "the language switch (Django's own view, POST)",
    "privacy": "the public privacy page (checked below: 200 for anybody)",
    "health": "the load balancer's health check (public, no data)",
}
EXCLUDED_NAMESPACES = {"admin": "Django admin: staff only, read-only where it matters, tested by Django"}

# Reviewed exceptions to the rules, as (url name, persona) -> allowed statuses, with the reason.
EXCEPTIONS = {
    # The export is a privacy officer's task: a superuser holds every permission, the lead gets 404.
    ("networks:youth_export_page", "admin"): {200},
    ("networks:youth_export_page", "member"): {404},
    # Only the proposed successor accepts or declines a handover; the lead proposed it.
    ("networks:handover_accept", "member"): {404, 405, 302},
    ("networks:handover_decline", "member"): {404, 405, 302},
}

# Objects outside one youth's network: shared knowledge of the advisory group.
NOT_NETWORK_BOUND = {"lesson", "policyfeedback", "signal"}

PERSONAS = ["anonymous", "member", "outsider", "advisor", "admin"]
OK = {200, 302, 405}
DENIED = {404, 405}


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


def objects_named(route: str, name: str, kwarg_names) -> dict[str, str]:
    """{kwarg: model name}; fails clearly for a parameter it cannot place."""
    url_name = name.split(":")[-1]
    placed = {}
    for kwarg in kwarg_names:
        found = url_objects(route, url_name, {kwarg: "1"})
        if not found:
            pytest.fail(
                f"The permission matrix cannot fill <{kwarg}> of {name} ({route}). Name it after its model "
                f"(`<int:network_pk>`, `<int:youth_id>`; known words: {sorted(URL_THINGS)}) or put the id after "
                "a known path segment (networks.audit.URL_SEGMENTS), or add the URL to EXCLUDED with a reason."
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
    def __init__(self, network, coach, guardian, vdab):
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

        self.network = network
        self.youth = network.youth
        lead = network.lead
        plan, _ = ActionPlan.objects.get_or_create(network=network)
        category = BarrierCategory.objects.first() or BarrierCategory.objects.create(name="Taal", slug="taal")
        vdab_membership = network.memberships.get(supporter=vdab.supporter)
        successor = SupporterFactory(first_name="Nina", last_name="Opvolger", organisation=vdab.organisation)
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
            "handover": Handover.objects.create(
                network=network,
                leaver=vdab_membership,
                successor=successor,
                successor_role=MemberRole.JOB_COACH,
                reason=HandoverReason.NEW_JOB,
                note="Karim vertrekt",
            ),
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
}


def fingerprint() -> dict:
    """Every row of the project's own tables (not the audit trail, not read bookkeeping)."""
    state = {}
    for config in apps.get_app_configs():
        if config.name not in ("youths", "networks", "actionplans", "adviesgroep"):
            continue
        for model in config.get_models():
            if model is AuditEvent:
                continue
            skip = READ_BOOKKEEPING.get(model._meta.label, set())
            columns = [f.attname for f in model._meta.concrete_fields if f.name not in skip]
            state[model._meta.label] = sorted(map(repr, model.objects.values_list(*columns)))
    return state


@pytest.fixture
def world(network, coach, guardian, vdab):
    return World(network, coach, guardian, vdab)


@pytest.fixture
def personas(coach, outsider, advisor, admin_user):
    return {"anonymous": None, "member": coach, "outsider": outsider, "advisor": advisor, "admin": admin_user}


def expected(name: str, persona: str, object_types: set[str]) -> set[int] | str:
    if (name, persona) in EXCEPTIONS:
        return EXCEPTIONS[(name, persona)]
    if persona == "anonymous":
        return "login"
    network_bound = bool(object_types - NOT_NETWORK_BOUND)
    if network_bound:
        return OK if persona == "member" else DENIED
    if object_types & {"signal"}:
        # A signal is seen by its network and by the advisory group; its work pages are advisory-only.
        return OK | {404} if persona in ("member", "advisor") else DENIED
    # Lists, dashboards, the advisory group's own pages, lessons: access varies by role (OK or 404),
    # and the content is checked: nobody outside the network sees the youth.
    return OK | {404}


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_each_persona_as_expected(client, world, personas, persona):
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    login_url = reverse("login")
    problems = []
    urls = [(name, *world.url(name, route, kwarg_names)) for name, route, kwarg_names, _cb in matrix_routes()]
    before = fingerprint()
    for name, url, object_types in urls:
        response = client.get(url)
        want = expected(name, persona, object_types)
        status = response.status_code
        if want == "login":
            # 405 for a POST-only URL says nothing about anybody's data.
            if status != 405 and not (status == 302 and response.url.startswith(login_url)):
                problems.append(f"{name} {url}: anonymous got {status}, expected a redirect to the login page")
            continue
        if status not in want:
            problems.append(f"{name} {url}: {persona} got {status}, expected one of {sorted(want)}")
        if status == 302 and response.url.startswith(login_url):
            problems.append(f"{name} {url}: {persona} was sent to the login page")
        shows_youth = status == 200 and world.youth.last_name in response.content.decode(errors="ignore")
        if persona != "member" and shows_youth and (name, persona) not in EXCEPTIONS:
            problems.append(f"{name} {url}: {persona} sees the youth's name")
    assert fingerprint() == before, "a GET changed the database"
    assert not problems, "\n".join(problems)


def test_post_only_urls_refuse_outsiders_with_404_and_change_nothing(client, world, coach, outsider):
    client.force_login(coach)
    post_only = []
    for name, route, kwarg_names, _callback in matrix_routes():
        url, object_types = world.url(name, route, kwarg_names)
        if object_types - NOT_NETWORK_BOUND and client.get(url).status_code == 405:
            post_only.append((name, url))
    client.force_login(outsider)
    before = fingerprint()
    problems = [
        f"{name} {url}: outsider's POST got {status}"
        for name, url in post_only
        if (status := client.post(url, {}).status_code) != 404
    ]
    assert fingerprint() == before, "an outsider's POST changed the database"
    assert not problems, "\n".join(problems)


def test_the_matrix_covers_every_page_of_the_project():
    covered = {name for name, *_ in matrix_routes()}
    for app in ("networks", "youths", "actionplans", "adviesgroep"):
        assert any(name.startswith(f"{app}:") for name in covered) or app == "adviesgroep"
    assert "networks:network_detail" in covered and "networks:network_audit" in covered


def test_the_privacy_page_is_public(client):
    assert client.get(reverse("privacy")).status_code == 200
