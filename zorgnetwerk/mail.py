"""Mail leaves after the change it is about is committed, and a failing mail server never undoes it.

Every e-mail of the app is sent through `mail_after_commit`: nothing is sent for a change that
was rolled back, and a request never waits on the mail server. `EMAIL_BACKEND` is the task queue
(`zorgnetwerk.tasks.QueuedEmailBackend`): a message only becomes a task, and the worker delivers
it, trying again later when the mail server refuses or is down.

Where `send` is a `functools.partial` of a module-level function with ids and other plain data
(the round-table invitations: meeting id, method, recipients; the advice: its id), the request
does not even render: it writes one `render_and_send` task inside its own transaction (committed
with the change, gone with a rollback) and the worker renders and queues the messages. `plain_mail_after_commit`'s
message, written already, becomes its delivery task inside the transaction in the same way. Any
other `send` (a lambda, or data that is not JSON) renders after the commit, in the request.

With a backend that sends at once (the tests' outbox, or `EMAIL_BACKEND` overridden), `send` runs
after the commit and a refusal is logged, not turned into an error page for a change that was saved.
"""

import json
import logging
import smtplib
from collections.abc import Callable
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction

QUEUED_BACKEND = "zorgnetwerk.tasks.QueuedEmailBackend"

logger = logging.getLogger(__name__)


def _by_name(send: Callable[[], object]) -> tuple[str, list] | None:
    """(dotted path, arguments) when the worker can call `send` from its name, else None."""
    if not isinstance(send, partial) or send.keywords:
        return None
    path = f"{send.func.__module__}.{send.func.__qualname__}"
    if "<" in path or "." in send.func.__qualname__:  # a lambda, a local or a method
        return None
    try:
        args = json.loads(json.dumps(send.args))
    except (TypeError, ValueError):
        return None
    return path, args


def mail_after_commit(send: Callable[[], object], *, about: str) -> None:
    """Run `send` once the current transaction commits (at once outside one): in the worker when it can."""
    by_name = _by_name(send) if settings.EMAIL_BACKEND == QUEUED_BACKEND else None
    if by_name is not None:
        from zorgnetwerk.tasks import render_and_send

        render_and_send.enqueue(*by_name, about=about)  # in this transaction: committed with the change
        return

    def run():
        try:
            send()
        except (OSError, smtplib.SMTPException):
            logger.exception("Could not send the e-mail about %s", about)

    transaction.on_commit(run)


def plain_mail_after_commit(*, subject: str, body: str, recipients, about: str) -> None:
    """One plain-text message to the (distinct, non-empty) recipients, after commit."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    if settings.EMAIL_BACKEND == QUEUED_BACKEND:
        from zorgnetwerk.tasks import deliver_email, message_to_data

        # Written already: the delivery task joins this transaction (committed with the change).
        deliver_email.enqueue(message_to_data(EmailMessage(subject, body, None, recipients)))
        return
    mail_after_commit(lambda: send_mail(subject, body, None, recipients), about=about)
