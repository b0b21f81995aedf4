"""The audit trail: who read or changed which record of a youth, and when.

DESIGN.md: "Every read of a youth's dossier and every change is written to an audit log (who,
which organisation, what, when) that the network lead and admins can read."

- Reads: `audit.middleware.AuditReadMiddleware` records a read after a 200 on any page whose URL
  names a registered record, and a "refused" event when a logged-in user gets a 404 there.
  Views that serve a file (PDFs) call `record_read(request, obj, action=Action.PDF)` themselves.
- Writes: model signals (`audit.signals`) record create/update/delete of registered models with
  the NAMES of the changed fields, never their values; `audited_update` does so for bulk changes.
- Logins, failed logins and logouts: auth signals.

Rows hold ids, never names or values, so that anonymisation can leave them untouched.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from audit.models import AuditEvent
from audit.registry import registration, write_audited
from zorgnetwerk.client_ip import client_ip


class Action:
    READ = "read"
    PDF = "pdf"
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
current = contextvars.ContextVar("audit_current", default=None)

# Bookkeeping fields: a save that changes only these is no change worth a row.
IGNORED_FIELDS = {"updated_at", "created_at", "revision", "sequence"}


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
    served = current.get()
    if request is None and served is not None:
        request = served.get("request")
        user = user or served.get("user")
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


def _scoped(kind: str, scope_id) -> tuple[int | None, int | None]:
    return (scope_id, None) if kind == "network" else (None, scope_id)


def scope_of(model_name: str, pk) -> tuple[int | None, int | None]:
    """(network_id, youth_id) of a registered object, with at most one query."""
    if pk in (None, ""):
        return None, None
    found = registration(model_name)
    if found is None:
        return None, None
    kind, path = found.scope
    if path is None:
        return None, None
    try:
        if path == "pk":
            return _scoped(kind, int(pk))
        if callable(path):
            instance = found.model._base_manager.filter(pk=pk).first()
            return _scoped(kind, path(instance) if instance is not None else None)
        scope_id = found.model._base_manager.filter(pk=pk).values_list(path, flat=True).first()
    except (ValueError, TypeError):
        return None, None
    return _scoped(kind, scope_id)


def scope_of_instance(instance) -> tuple[int | None, int | None]:
    """(network_id, youth_id) of a model instance, without a query when the ids are at hand."""
    found = registration(instance._meta.model_name)
    kind, path = found.scope if found is not None and found.model is type(instance) else ("", None)
    if path == "pk":
        return _scoped(kind, instance.pk)
    if callable(path):
        return _scoped(kind, path(instance))
    if getattr(instance, "network_id", None):
        return instance.network_id, None
    if getattr(instance, "youth_id", None):
        return None, instance.youth_id
    if path and "__" in path:
        relation, rest = path.split("__", 1)
        related = instance._state.fields_cache.get(relation)
        if related is not None and "__" not in rest:
            return _scoped(kind, getattr(related, rest))
    return scope_of(instance._meta.model_name, instance.pk)


def record_read(request, obj, action: str = Action.READ) -> AuditEvent:
    """Record that the request's user read `obj` (a youth, network, plan, ... or its PDF)."""
    network_id, youth_id = scope_of_instance(obj)
    request._audit_recorded = True
    return record(
        action,
        request=request,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        network_id=network_id,
        youth_id=youth_id,
    )


@contextmanager
def audit_actor(user=None):
    """Attribute the writes inside this block to `user` (management commands, admin actions)."""
    token = current.set({"request": None, "user": user})
    try:
        yield
    finally:
        current.reset(token)


def audited_update(queryset, **values) -> int:
    """`queryset.update(**values)`, audited like a save of each row: one UPDATE event per row changed.

    QuerySet.update() sends no post_save, so the model signals never see a bulk change; every
    bulk change of an audited model goes through here instead. One event per row, not one
    naming all ids: the trail's readers (the lead's audit page, the admin's search on object id,
    the `audit_object_idx` index) find a record's history by (object type, object id), and a
    moved action must show up there like an action edited on its own page. The rows are locked
    and listed first, so the events name exactly the rows the update changed. Returns the
    number of rows changed.
    """
    model = queryset.model
    model_name = model._meta.model_name
    fields = sorted({model._meta.get_field(name).name for name in values} - IGNORED_FIELDS)
    found = registration(model_name)
    kind, path = found.scope if found is not None and found.model is model else ("", None)
    with transaction.atomic(using=queryset.db):
        locked = queryset.select_for_update(of=("self",)).order_by("pk")
        if callable(path):
            rows = [(row.pk, path(row)) for row in locked]
        elif path:
            rows = list(locked.values_list("pk", path))
        else:
            rows = [(pk, None) for pk in locked.values_list("pk", flat=True)]
        if not rows:
            return 0
        changed = model._base_manager.using(queryset.db).filter(pk__in=[pk for pk, _scope in rows]).update(**values)
        if fields and write_audited(model):
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
