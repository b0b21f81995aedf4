import datetime
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from actionplans.models import ActionStatus, ReminderSent
from actionplans.reminders import reminders_send
from actionplans.tests.factories import ActionFactory, MeetingFactory, ReferralFactory

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def due(plan, members):
    """Sara owes the next contact, Karim owns an action due soon, Jan waits on a referral and has a meeting."""
    network = plan.network
    network.next_contact_on = days(-2)
    network.next_contact_by = members["Sara"]
    network.save(update_fields=["next_contact_on", "next_contact_by"])
    ActionFactory(plan=plan, owner=members["Karim"], owner_is_youth=False, description="CV opmaken", deadline=days(3))
    ActionFactory(plan=plan, owner=members["Karim"], owner_is_youth=False, description="Later", deadline=days(20))
    ActionFactory(
        plan=plan,
        owner=members["Karim"],
        owner_is_youth=False,
        description="Al gedaan",
        deadline=days(-1),
        status=ActionStatus.DONE,
    )
    ReferralFactory(plan=plan, partner="Jobteam Gent", referred_by=members["Jan"], sent_on=days(-15))
    ReferralFactory(plan=plan, partner="CAW", referred_by=members["Jan"], sent_on=days(-3))
    meeting = MeetingFactory(network=network, starts_at=timezone.now() + datetime.timedelta(days=2))
    meeting.invited.set([members["Jan"]])
    return plan


def _by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_each_user_gets_one_digest_with_their_own_items(due):
    assert reminders_send(today=TODAY) == 3
    messages = _by_recipient()
    assert set(messages) == {"sara@atheneum.example", "karim@vdab.example", "jan@voogdij.example"}
    sara, karim, jan = (
        messages[e].body for e in ("sara@atheneum.example", "karim@vdab.example", "jan@voogdij.example")
    )
    assert days(-2).strftime("%d-%m-%Y") in sara and "#follow-up" in sara  # the Dutch short date
    assert "CV opmaken" in karim
    assert "Later" not in karim and "Al gedaan" not in karim
    assert "Jobteam Gent" in jan and "CAW" not in jan
    assert "/actieplannen/rondetafels/" in jan


def test_the_digests_name_the_youth_by_initials_only(due, members):
    """Subject and body of every digest: the initials AR, never "Ahmad" or "Rahimi" (as in invitations).

    Checked: with `_youth_label` giving the full name, or `_without_youth_names` returning the text
    unchanged, this test fails.
    """
    ActionFactory(
        plan=due,
        owner=members["Karim"],
        owner_is_youth=False,
        description="Ahmad inschrijven bij VDAB; RAHIMI brengt zijn diploma mee",
        deadline=days(2),
    )
    assert reminders_send(today=TODAY) == 3
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert "AR" in message.body
        assert "ahmad" not in text.lower() and "rahimi" not in text.lower()
    karim = _by_recipient()["karim@vdab.example"].body
    assert "AR inschrijven bij VDAB; AR brengt zijn diploma mee" in karim


def test_the_same_digest_is_not_sent_twice_on_one_day(due):
    reminders_send(today=TODAY)
    mail.outbox.clear()
    assert reminders_send(today=TODAY) == 0
    assert mail.outbox == []
    assert ReminderSent.objects.filter(day=TODAY).count() == 3
    assert reminders_send(today=days(1)) == 3  # a new day, a new digest


def test_nobody_without_anything_due_gets_a_mail(plan):
    assert reminders_send(today=TODAY) == 0
    assert mail.outbox == []


def test_a_failed_send_can_be_retried_the_same_day(due, settings, monkeypatch):
    from actionplans import reminders

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(reminders, "_send_digest", broken)
    assert reminders_send(today=TODAY) == 0
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert reminders_send(today=TODAY) == 3


def test_the_management_command_sends_the_digests(due, capsys):
    call_command("send_reminders")
    assert len(mail.outbox) == 3
    assert "3 digest(s) sent." in capsys.readouterr().out


class Collector:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_digest_goes_through_a_real_smtp_server(due, settings):
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        assert reminders_send(today=TODAY) == 3
    finally:
        controller.stop()
    recipients = sorted(rcpt for envelope in handler.envelopes for rcpt in envelope.rcpt_tos)
    assert recipients == ["jan@voogdij.example", "karim@vdab.example", "sara@atheneum.example"]
    karim = next(e for e in handler.envelopes if e.rcpt_tos == ["karim@vdab.example"])
    assert b"CV opmaken" in karim.content
