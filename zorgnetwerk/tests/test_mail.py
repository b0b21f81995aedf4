import smtplib

import pytest
from django.core import mail
from django.db import transaction

from zorgnetwerk.mail import mail_after_commit, plain_mail_after_commit

pytestmark = pytest.mark.django_db


def test_mail_leaves_only_when_the_change_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            plain_mail_after_commit(subject="Saved", body="-", recipients=["a@x.example", "", "a@x.example"], about="t")
            assert mail.outbox == []
        with pytest.raises(RuntimeError), transaction.atomic():
            plain_mail_after_commit(subject="Rolled back", body="-", recipients=["b@x.example"], about="t")
            raise RuntimeError
    assert [(message.subject, message.to) for message in mail.outbox] == [("Saved", ["a@x.example"])]


def test_a_mail_server_that_refuses_is_logged_not_raised(caplog, django_capture_on_commit_callbacks):
    def refused():
        raise smtplib.SMTPServerDisconnected("down")

    with django_capture_on_commit_callbacks(execute=True):
        mail_after_commit(refused, about="advice on a signal")
    assert "Could not send the e-mail about advice on a signal" in caplog.text
