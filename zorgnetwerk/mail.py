"""Mail leaves after the change it is about is committed, and a failing mail server never undoes it.

Every e-mail of the app is sent through `mail_after_commit`: nothing is sent for a change that
was rolled back. The message is rendered after the commit and handed to `EMAIL_BACKEND`, which is
the task queue (`zorgnetwerk.tasks.QueuedEmailBackend`): the request only writes a task, and the
worker delivers it, trying again later when the mail server refuses or is down. With a backend
that sends at once (a test's, or `EMAIL_BACKEND` overridden), a refusal is logged, not turned
into an error page for a change that was saved.
"""

import logging
import smtplib
from collections.abc import Callable

from django.core.mail import send_mail
from django.db import transaction

logger = logging.getLogger(__name__)


def mail_after_commit(send: Callable[[], object], *, about: str) -> None:
    """Run `send` once the current transaction commits (at once outside one)."""

    def run():
        try:
            send()
        except (OSError, smtplib.SMTPException):
            logger.exception("Could not send the e-mail about %s", about)

    transaction.on_commit(run)


def plain_mail_after_commit(*, subject: str, body: str, recipients, about: str) -> None:
    """One plain-text message to the (distinct, non-empty) recipients, after commit."""
    recipients = sorted({address for address in recipients if address})
    if recipients:
        mail_after_commit(lambda: send_mail(subject, body, None, recipients), about=about)
