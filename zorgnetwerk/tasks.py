"""The task queue: every e-mail leaves through it, and the worker proves it is alive through it.

django-tasks (the backport of Django 6's `django.tasks`) with its database backend
(`django-tasks-db`): a task is a row in `django_tasks_database_dbtaskresult`, on SQLite and PostgreSQL
alike; `manage.py worker` (make worker) runs them, several workers share the work
(`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL).

E-mail: `EMAIL_BACKEND` is `QueuedEmailBackend`, so every `send_mail` and `EmailMessage.send()`
of the app only writes one task per message (`deliver_email`): a request never waits on the mail
server. Mail that `mail_after_commit` can name by function and ids (the round-table invitations)
is rendered in the worker too (`render_and_send`). The worker hands the message to `EMAIL_DELIVERY_BACKEND` (SMTP,
or the console locally). A server that refuses or is down gets the same message again later
(`EMAIL_RETRY_SECONDS` × 1, 2, 4 … , at most 15 minutes apart) as a new task, up to
`EMAIL_MAX_ATTEMPTS`; the last attempt's failure stays in Django admin (*Task results*, status
Failed). A message the server accepted is never sent again: its task is finished, and a retry is
only written for an attempt that failed.

Heartbeat: the worker runs `worker_heartbeat`, which schedules the next one a minute later; the
readiness probe (`zorgnetwerk/health.py`) asks when one last finished.

This module imports no app.
"""

import base64
import datetime
import inspect
import logging
import smtplib
from email import message_from_string
from email.message import Message
from email.mime.base import MIMEBase
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, task
from django_tasks.base import TaskResultStatus

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 60
MAX_RETRY_DELAY = datetime.timedelta(minutes=15)


# -- E-mail ---------------------------------------------------------------------------------------


class _Part(MIMEBase):
    """A MIME part read back from text (an attachment built as a MIME object, like the .ics)."""

    def __init__(self):
        Message.__init__(self)


def _content(content) -> dict:
    if isinstance(content, bytes):
        return {"base64": base64.b64encode(content).decode("ascii")}
    return {"text": str(content)}


def _restore(content: dict):
    return base64.b64decode(content["base64"]) if "base64" in content else content["text"]


def message_to_data(message: EmailMessage) -> dict:
    """Everything a message is, as JSON: the task's argument."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": attachment.as_string()})
        else:
            filename, content, mimetype = attachment
            attachments.append({"filename": filename, "content": _content(content), "mimetype": mimetype})
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "alternatives": [
            {"content": _content(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_data(data: dict, connection=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=connection,
    )
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    for alternative in data["alternatives"]:
        message.attach_alternative(_restore(alternative["content"]), alternative["mimetype"])
    for attachment in data["attachments"]:
        if "mime" in attachment:
            message.attach(message_from_string(attachment["mime"], _class=_Part))
        else:
            message.attach(attachment["filename"], _restore(attachment["content"]), attachment["mimetype"])
    return message


def retries_due_now() -> int:
    """A worker that starts tries the waiting retries at once: the mail server may be back."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    return (
        DBTaskResult.objects.filter(task_path=deliver_email.module_path, status=TaskResultStatus.READY)
        .filter(run_after__gt=now, run_after__lt=get_date_max())
        .update(run_after=now)
    )


def retry_delay(attempt: int) -> datetime.timedelta:
    """After the first failed attempt 1 × EMAIL_RETRY_SECONDS, then 2 ×, 4 × …, at most 15 minutes."""
    return min(datetime.timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 2 ** (attempt - 1)), MAX_RETRY_DELAY)


def _forget_arguments(context: TaskContext, **summary) -> None:
    """Blank a finished task's arguments (message texts, names) in the task table.

    A delivered message, or one handed on to its next attempt, has no reason to stay in the
    database, where erasure (privacy/erasure.py) does not reach; only a message that failed for
    good keeps its content, for the admin, until `prune_db_task_results` removes it.
    """
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if isinstance(context.task_result.task.get_backend(), DatabaseBackend):
        DBTaskResult.objects.filter(pk=context.task_result.id).update(args_kwargs={"args": [], "kwargs": summary})


@task(takes_context=True)
def deliver_email(context: TaskContext, message: dict, attempt: int = 1) -> str:
    """Send one message with the delivery backend; a refusal schedules the next attempt."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        message_from_data(message, connection=connection).send()
    except (OSError, smtplib.SMTPException) as error:
        if attempt >= settings.EMAIL_MAX_ATTEMPTS or not deliver_email.get_backend().supports_defer:
            logger.error("E-mail not delivered after %d attempt(s), giving up: %r", attempt, error)
            raise  # the task fails and stays visible in Django admin
        run_after = timezone.now() + retry_delay(attempt)
        retry = deliver_email.using(run_after=run_after).enqueue(message, attempt=attempt + 1)
        _forget_arguments(context, attempt=attempt, retried_as=retry.id)
        logger.warning("E-mail not delivered (attempt %d): %r; next attempt at %s", attempt, error, run_after)
        return f"attempt {attempt} refused; retry scheduled at {run_after.isoformat()}"
    _forget_arguments(context, attempt=attempt, delivered=True)
    return f"delivered at attempt {attempt}"


def _project_function(path: str):
    """The function a `render_and_send` task names, if it belongs to one of the project's apps."""
    module = path.rsplit(".", 1)[0]
    if not any(module == app.name or module.startswith(app.name + ".") for app in _project_apps()):
        raise SuspiciousOperation(f"render_and_send: {path} is not in one of the project's apps")
    function = import_string(path)
    if not inspect.isfunction(function):
        raise SuspiciousOperation(f"render_and_send: {path} is not a function")
    return function


def _project_apps():
    """Our apps, whose packages lie directly in the project folder (not installed packages)."""
    return [app for app in apps.get_app_configs() if Path(app.path).parent == Path(settings.BASE_DIR)]


@task(takes_context=True)
def render_and_send(context: TaskContext, function: str, args: list, about: str = "") -> str:
    """Render and send in the worker, from ids (zorgnetwerk.mail.mail_after_commit).

    The function's messages go through `EMAIL_BACKEND` again, so each becomes a `deliver_email`
    task with its own retries; this task is not retried (it would render some messages twice).
    """
    _project_function(function)(*args)
    _forget_arguments(context, function=function, about=about)
    return f"rendered the e-mail about {about}"


class QueuedEmailBackend(BaseEmailBackend):
    """`EMAIL_BACKEND`: each message becomes a `deliver_email` task; nothing talks to a mail server here."""

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            deliver_email.enqueue(message_to_data(message))
            count += 1
        return count


# -- The worker's heartbeat -----------------------------------------------------------------------


def heartbeat_results():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=worker_heartbeat.module_path)


def heartbeat_schedule(delay: datetime.timedelta = datetime.timedelta(0)) -> None:
    """Queue the next heartbeat unless one is already waiting (several workers keep one chain)."""
    if not heartbeat_results().filter(status=TaskResultStatus.READY).exists():
        worker_heartbeat.using(run_after=timezone.now() + delay).enqueue()


@task(priority=100)
def worker_heartbeat() -> None:
    """Run by a worker about every minute: the readiness probe looks for the last one finished."""
    heartbeat_results().filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=timezone.now() - datetime.timedelta(hours=1)
    ).delete()
    heartbeat_schedule(datetime.timedelta(seconds=HEARTBEAT_SECONDS))


def worker_last_seen() -> datetime.datetime | None:
    """When a worker last finished a heartbeat (one query)."""
    return (
        heartbeat_results()
        .filter(status=TaskResultStatus.SUCCESSFUL)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )
