"""The receivers that write the trail: changes of registered models, logins and logouts.

`audit.registry.register` connects the model receivers of each model it is given;
`AuditConfig.ready()` connects the auth receivers.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.sessions.models import Session
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import timezone

from accounts.models import User
from accounts.signals import second_factor_enrolled, second_factor_failed
from audit.models import AuditEvent
from audit.trail import IGNORED_FIELDS, Action, record, scope_of_instance
from zorgnetwerk.client_ip import client_ip


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
        fields = sorted(set(fields) - IGNORED_FIELDS)
        if not fields:
            instance._audit_snapshot = _snapshot(instance)
            return
    network_id, youth_id = scope_of_instance(instance)
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
    network_id, youth_id = scope_of_instance(instance)
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
    network_id, youth_id = scope_of_instance(instance)
    record(
        Action.UPDATE,
        object_type=instance._meta.model_name,
        object_id=instance.pk,
        network_id=network_id,
        youth_id=youth_id,
        fields=[field] if field else [],
    )


def connect_model(model) -> None:
    """Record the creates, changes and deletes of `model` (and of its many-to-many fields)."""
    uid = f"audit-{model._meta.label_lower}"
    post_init.connect(_on_init, sender=model, dispatch_uid=f"{uid}-init")
    post_save.connect(_on_save, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(_on_delete, sender=model, dispatch_uid=f"{uid}-delete")
    for m2m in model._meta.many_to_many:
        m2m_changed.connect(_on_m2m, sender=m2m.remote_field.through, dispatch_uid=f"{uid}-{m2m.name}")


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
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


def _on_user_saved(sender, instance, created, **kwargs):
    if not created and not instance.is_active:
        end_sessions_of(instance)


def connect_auth() -> None:
    """Record logins, failed logins and logouts; end the sessions of a deactivated user."""
    post_save.connect(_on_user_saved, sender=User, dispatch_uid="end-sessions-of-deactivated-user")
    user_logged_in.connect(_on_login, dispatch_uid="audit-login")
    user_logged_out.connect(_on_logout, dispatch_uid="audit-logout")
    user_login_failed.connect(_on_login_failed, dispatch_uid="audit-login-failed")
    second_factor_enrolled.connect(_on_second_factor_enrolled, dispatch_uid="audit-otp-enrol")
    second_factor_failed.connect(_on_second_factor_failed, dispatch_uid="audit-otp-failed")
