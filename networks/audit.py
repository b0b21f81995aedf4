"""The audit trail: who read or changed which record of a youth, and when.

DESIGN.md: "Every read of a youth's dossier and every change is written to an audit log (who,
which organisation, what, when) that the network lead and admins can read."

- Reads: `AuditReadMiddleware` records a read after a 200 on any page whose URL names a
  youth, network, plan, intake, ... (from the resolver's view name and kwargs), and a
  "refused" event when a logged-in user gets a 404 there. Views that serve a file (PDFs)
  call `record_read(request, obj)` themselves.
- Writes: model signals record create/update/delete with the NAMES of the changed fields,
  never their values.
- Logins, failed logins and logouts: auth signals; the second factor: `accounts.signals`.

Rows hold ids, never names or values, so that anonymisation can leave them untouched.
"""

from __future__ import annotations

import contextvars
import ipaddress
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from accounts.signals import second_factor_enrolled, second_factor_failed
from audit.models import AuditEvent


class Action:
    READ = "read"
    REFUSED = "refused"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    EXPORT = "export"
    ANONYMISE = "anonymise"
    ERASE = "erase"
    OTP_ENROL = "otp_enrol"
    OTP_FAILED = "otp_failed"


# The request being served (or the actor of a management command), for the model signals.
_current = contextvars.ContextVar("audit_current", default=None)

# How a URL names its objects. Kwargs say it in English (`network_pk`, `youth_id`); a bare `pk`
# is named by the path segment before it (`netwerken/<int:pk>/`), or else by the first word of
# the URL name (`youths:youth_detail`). Values are model names.
URL_THINGS = {
    "youth": "youth",
    "intake": "intake",
    "network": "carenetwork",
    "plan": "actionplan",
    "action": "action",
    "barrier": "barrier",
    "referral": "referral",
    "meeting": "meeting",
    "note": "note",
    "handover": "handover",
    "membership": "membership",
    "member": "membership",
    "consent": "sharingconsent",
    "evaluation": "evaluation",
    "version": "planversion",
    "signal": "signal",
    "lesson": "lesson",
    "policy": "policyfeedback",
    "question": "questionroute",
}
URL_SEGMENTS = {
    "netwerken": "carenetwork",
    "netwerk": "carenetwork",
    "jongeren": "youth",
    "jongere": "youth",
    "eerste-gesprek": "intake",
    "overdrachten": "handover",
    "toestemmingen": "sharingconsent",
    "lidmaatschappen": "membership",
    "acties": "action",
    "drempels": "barrier",
    "drempel": "barrier",
    "doorverwijzingen": "referral",
    "vraag-wie": "questionroute",
    "rondetafels": "meeting",
    "versies": "planversion",
    "evaluaties": "evaluation",
    "notities": "note",
    "signalen": "signal",
    "kennisbank": "lesson",
    "beleid": "policyfeedback",
}
# Records of a youth: reading one of these pages is audited. (Advisory signals are
# pseudonymised and lessons and policy feedback hold no youth, so they are not.)
AUDITED_TYPES = {
    "youth",
    "intake",
    "carenetwork",
    "actionplan",
    "action",
    "barrier",
    "referral",
    "meeting",
    "note",
    "handover",
    "membership",
    "sharingconsent",
    "evaluation",
    "planversion",
    "questionroute",
}
# The most specific object of a URL wins: /networks/3/meetings/7/ is about meeting 7.
_SPECIFICITY = [
    "intake",
    "action",
    "barrier",
    "referral",
    "meeting",
    "note",
    "handover",
    "membership",
    "sharingconsent",
    "evaluation",
    "planversion",
    "questionroute",
    "actionplan",
    "carenetwork",
    "youth",
]


def _model_for_pk(route: str, key: str, url_name: str) -> str | None:
    segments = route.split("/")
    for index, segment in enumerate(segments):
        names_key = segment.startswith("<") and segment.strip("<>").split(":")[-1] == key
        if names_key and index > 0 and segments[index - 1] in URL_SEGMENTS:
            return URL_SEGMENTS[segments[index - 1]]
    return URL_THINGS.get((url_name or "").split("_")[0])


def url_objects(route: str, url_name: str, kwargs: dict) -> dict[str, str]:
    """{model name: id} of the objects a URL names; kwargs it cannot place are left out."""
    found = {}
    for key, value in kwargs.items():
        if key in ("pk", "id"):
            model_name = _model_for_pk(route or "", key, url_name)
        elif key.endswith(("_id", "_pk")):
            model_name = URL_THINGS.get(key.rsplit("_", 1)[0])
        else:
            continue
        if model_name:
            found[model_name] = str(value)
    return found


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the proxy's X-Forwarded-For entry behind a proxy."""
    if request is None:
        return None
    raw = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            raw = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def _user_fields(user) -> dict:
    if user is None or not getattr(user, "is_authenticated", False):
        return {}
    return {"user_id": user.pk, "user_email": user.email, "organisation_id": user.organisation_id}


def record(
    action: str,
    *,
    request=None,
    user=None,
    object_type: str = "",
    object_id="",
    network_id: int | None = None,
    youth_id: int | None = None,
    fields=(),
    reason: str = "",
) -> AuditEvent:
    """Write one audit event. Takes the user and IP from the request when not given."""
    request, user = _actor(request, user)
    event = _event(
        action,
        request=request,
        user=user,
        object_type=object_type,
        object_id=object_id,
        network_id=network_id,
        youth_id=youth_id,
        fields=fields,
        reason=reason,
    )
    event.save()
    return event


def _actor(request, user):
    """(request, user) of the change: given, or the request being served, or audit_actor's user."""
    current = _current.get()
    if request is None and current is not None:
        request = current.get("request")
        user = user or current.get("user")
    if user is None and request is not None:
        user = getattr(request, "user", None)
    return request, user


def _event(
    action, *, request, user, object_type, object_id, network_id=None, youth_id=None, fields=(), reason="", at=None
) -> AuditEvent:
    """An unsaved event."""
    return AuditEvent(
        at=at or timezone.now(),
        action=action,
        object_type=object_type,
        object_id=str(object_id or "")[:64],
        network_id=network_id,
        youth_id=youth_id,
        fields=sorted(fields),
        ip=client_ip(request),
        path=(request.path[:300] if request is not None else ""),
        reason=reason[:300],
        **_user_fields(user),
    )


def _scope_paths() -> dict[str, tuple[type, str, str]]:
    """{model name: (model, path to its network id or youth id, "network" or "youth")}."""
    from actionplans.models import Action as PlanAction
    from actionplans.models import ActionPlan, Barrier, Evaluation, Meeting, PlanVersion, QuestionRoute, Referral
    from handovers.models import Handover
    from networks.models import CareNetwork, Membership, Note, SharingConsent
    from youths.models import Intake, Youth

    return {
        "carenetwork": (CareNetwork, "pk", "network"),
        "youth": (Youth, "pk", "youth"),
        "actionplan": (ActionPlan, "network_id", "network"),
        "meeting": (Meeting, "network_id", "network"),
        "note": (Note, "network_id", "network"),
        "handover": (Handover, "network_id", "network"),
        "membership": (Membership, "network_id", "network"),
        "evaluation": (Evaluation, "network_id", "network"),
        "action": (PlanAction, "plan__network_id", "network"),
        "barrier": (Barrier, "plan__network_id", "network"),
        "referral": (Referral, "plan__network_id", "network"),
        "planversion": (PlanVersion, "plan__network_id", "network"),
        "questionroute": (QuestionRoute, "plan__network_id", "network"),
        "intake": (Intake, "youth_id", "youth"),
        "sharingconsent": (SharingConsent, "youth_id", "youth"),
    }


def _scope_of(model_name: str, pk) -> tuple[int | None, int | None]:
    """(network_id, youth_id) of an object, with at most one query."""
    if pk in (None, ""):
        return None, None
    if model_name == "carenetwork":
        return int(pk), None
    if model_name == "youth":
        return None, int(pk)
    if model_name not in _scope_paths():
        return None, None
    model, path, kind = _scope_paths()[model_name]
    try:
        scope_id = model.objects.filter(pk=pk).values_list(path, flat=True).first()
    except (ValueError, TypeError):
        return None, None
    return (scope_id, None) if kind == "network" else (None, scope_id)


def _scope_of_instance(instance) -> tuple[int | None, int | None]:
    """(network_id, youth_id) of a model instance, without a query when the ids are at hand."""
    name = instance._meta.model_name
    if name == "carenetwork":
        return instance.pk, None
    if name == "youth":
        return None, instance.pk
    if getattr(instance, "network_id", None):
        return instance.network_id, None
    if getattr(instance, "youth_id", None):
        return None, instance.youth_id
    plan = instance._state.fields_cache.get("plan")
    if plan is not None:
        return plan.network_id, None
    return _scope_of(name, instance.pk)


def record_read(request, obj, action: str = Action.READ) -> AuditEvent:
    """Record that the request's user read `obj` (a youth, network, plan, ... or its PDF)."""
    network_id, youth_id = _scope_of_instance(obj)
    request._audit_recorded = True
    return record(
        action,
        request=request,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        network_id=network_id,
        youth_id=youth_id,
    )


def audit_target(resolver_match) -> tuple[str, str] | None:
    """The (model name, id) of the youth's record a URL is about; None if it is not about one."""
    if resolver_match is None or not resolver_match.kwargs or resolver_match.namespace in ("admin", ""):
        return None
    found = url_objects(resolver_match.route, resolver_match.url_name, resolver_match.kwargs)
    for model_name in _SPECIFICITY:
        if model_name in found and model_name in AUDITED_TYPES:
            return model_name, found[model_name]
    return None


class AuditReadMiddleware:
    """Records reads of a youth's pages (after a 200) and refusals (a 404 for a logged-in user)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set({"request": request})
        try:
            response = self.get_response(request)
            self._record(request, response)
        finally:
            _current.reset(token)
        return response

    def _record(self, request, response):
        if getattr(request, "_audit_recorded", False):
            return
        user = getattr(request, "user", None)
        if not getattr(user, "is_authenticated", False):
            return
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            action = Action.READ
        elif response.status_code == 404:
            action = Action.REFUSED
        else:
            return
        target = audit_target(getattr(request, "resolver_match", None))
        if target is None:
            return
        model_name, pk = target
        kwargs = request.resolver_match.kwargs
        network_id, youth_id = None, None
        named = url_objects(request.resolver_match.route, request.resolver_match.url_name, kwargs)
        if str(named.get("carenetwork", "")).isdigit():
            network_id = int(named["carenetwork"])
        if network_id is None:
            network_id, youth_id = _scope_of(model_name, pk)
        record(
            action,
            request=request,
            user=user,
            object_type=model_name,
            object_id=pk,
            network_id=network_id,
            youth_id=youth_id,
        )


class NoStoreMiddleware:
    """No browser or proxy may keep a copy of a page or file shown to a logged-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False) or getattr(request, "_audit_recorded", False):
            add_never_cache_headers(response)
        return response


@contextmanager
def audit_actor(user=None):
    """Attribute the writes inside this block to `user` (management commands, admin actions)."""
    token = _current.set({"request": None, "user": user})
    try:
        yield
    finally:
        _current.reset(token)


# --- writes: model signals ------------------------------------------------------------------

_IGNORED_FIELDS = {"updated_at", "created_at", "revision", "sequence"}


def _snapshot(instance) -> dict:
    values = instance.__dict__
    return {f.attname: values[f.attname] for f in instance._meta.concrete_fields if f.attname in values}


def _on_init(sender, instance, **kwargs):
    instance._audit_snapshot = _snapshot(instance)


def _on_save(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if created:
        action, fields = Action.CREATE, []
    else:
        action = Action.UPDATE
        if update_fields:
            fields = {sender._meta.get_field(name).name for name in update_fields}
        else:
            before = getattr(instance, "_audit_snapshot", {})
            names = {f.attname: f.name for f in instance._meta.concrete_fields}
            fields = {
                names[attname]
                for attname, value in _snapshot(instance).items()
                if attname in before and before[attname] != value
            }
        fields = sorted(set(fields) - _IGNORED_FIELDS)
        if not fields:
            instance._audit_snapshot = _snapshot(instance)
            return
    network_id, youth_id = _scope_of_instance(instance)
    record(
        action,
        object_type=sender._meta.model_name,
        object_id=instance.pk,
        network_id=network_id,
        youth_id=youth_id,
        fields=fields,
    )
    instance._audit_snapshot = _snapshot(instance)


def _on_delete(sender, instance, **kwargs):
    network_id, youth_id = _scope_of_instance(instance)
    if sender._meta.model_name == "carenetwork":
        network_id = instance.pk
    record(
        Action.DELETE,
        object_type=sender._meta.model_name,
        object_id=instance.pk,
        network_id=network_id,
        youth_id=youth_id,
    )


def _on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse or action not in ("post_add", "post_remove", "post_clear"):
        return
    field = next(
        (f.name for f in instance._meta.many_to_many if f.remote_field.through is sender),
        "",
    )
    network_id, youth_id = _scope_of_instance(instance)
    record(
        Action.UPDATE,
        object_type=instance._meta.model_name,
        object_id=instance.pk,
        network_id=network_id,
        youth_id=youth_id,
        fields=[field] if field else [],
    )


def audited_update(queryset, **values) -> int:
    """`queryset.update(**values)`, audited like a save of each row: one UPDATE event per row changed.

    QuerySet.update() sends no post_save, so the model signals above never see a bulk change;
    every bulk change of an audited model goes through here instead. One event per row, not one
    naming all ids: the trail's readers (the lead's audit page, the admin's search on object id,
    the `audit_object_idx` index) find a record's history by (object type, object id), and a
    moved action must show up there like an action edited on its own page. The rows are locked
    and listed first, so the events name exactly the rows the update changed. Returns the
    number of rows changed.
    """
    model = queryset.model
    model_name = model._meta.model_name
    fields = sorted({model._meta.get_field(name).name for name in values} - _IGNORED_FIELDS)
    _model, path, kind = _scope_paths().get(model_name, (model, None, ""))
    with transaction.atomic(using=queryset.db):
        locked = queryset.select_for_update(of=("self",)).order_by("pk")
        rows = (
            list(locked.values_list("pk", path)) if path else [(pk, None) for pk in locked.values_list("pk", flat=True)]
        )
        if not rows:
            return 0
        changed = model._base_manager.using(queryset.db).filter(pk__in=[pk for pk, _scope in rows]).update(**values)
        if fields and model in audited_models():
            request, user = _actor(None, None)
            at = timezone.now()
            AuditEvent.objects.bulk_create(
                _event(
                    Action.UPDATE,
                    request=request,
                    user=user,
                    object_type=model_name,
                    object_id=pk,
                    network_id=scope if kind == "network" else None,
                    youth_id=scope if kind == "youth" else None,
                    fields=fields,
                    at=at,
                )
                for pk, scope in rows
            )
    return changed


def audited_models() -> list:
    from actionplans.models import Action as PlanAction
    from actionplans.models import ActionPlan, Barrier, Meeting, QuestionRoute, Referral
    from handovers.models import Handover
    from networks.models import CareNetwork, Membership, Note, SharingConsent
    from youths.models import Intake, Youth

    return [
        Youth,
        Intake,
        CareNetwork,
        Membership,
        ActionPlan,
        PlanAction,
        Barrier,
        Referral,
        QuestionRoute,
        Meeting,
        Note,
        SharingConsent,
        Handover,
    ]


def _on_login(sender, request, user, **kwargs):
    record(Action.LOGIN, request=request, user=user, object_type="user", object_id=user.pk)


def _on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, request=request, user=user, object_type="user", object_id=user.pk)


def _on_login_failed(sender, credentials, request=None, **kwargs):
    # The e-mail address typed is kept (no password, ever) to spot attacks on one account.
    attempted = str(credentials.get("username") or credentials.get("email") or "")[:254]
    AuditEvent.objects.create(
        action=Action.LOGIN_FAILED,
        user_email=attempted,
        object_type="user",
        ip=client_ip(request),
        path=request.path[:300] if request is not None else "",
    )


def _on_second_factor_enrolled(sender, request, user, fields=(), **kwargs):
    record(Action.OTP_ENROL, request=request, object_type="user", object_id=user.pk, fields=fields)


def _on_second_factor_failed(sender, request, user, **kwargs):
    record(Action.OTP_FAILED, request=request, object_type="user", object_id=user.pk)


def end_sessions_of(user) -> int:
    """Log the user out everywhere at once: delete every live session that belongs to them."""
    from django.contrib.sessions.models import Session

    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


def _on_user_saved(sender, instance, created, **kwargs):
    if not created and not instance.is_active:
        end_sessions_of(instance)


def connect_signals() -> None:
    """Called from NetworksConfig.ready()."""
    from accounts.models import User

    post_save.connect(_on_user_saved, sender=User, dispatch_uid="end-sessions-of-deactivated-user")
    for model in audited_models():
        uid = f"audit-{model._meta.label_lower}"
        post_init.connect(_on_init, sender=model, dispatch_uid=f"{uid}-init")
        post_save.connect(_on_save, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"{uid}-delete")
        for m2m in model._meta.many_to_many:
            m2m_changed.connect(_on_m2m, sender=m2m.remote_field.through, dispatch_uid=f"{uid}-{m2m.name}")
    user_logged_in.connect(_on_login, dispatch_uid="audit-login")
    user_logged_out.connect(_on_logout, dispatch_uid="audit-logout")
    user_login_failed.connect(_on_login_failed, dispatch_uid="audit-login-failed")
    second_factor_enrolled.connect(_on_second_factor_enrolled, dispatch_uid="audit-otp-enrol")
    second_factor_failed.connect(_on_second_factor_failed, dispatch_uid="audit-otp-failed")
