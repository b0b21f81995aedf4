"""A real mail server (aiosmtpd) that is down, then refuses, then accepts: no request fails, nothing
is lost, nothing is sent twice."""

import datetime
import socket
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from zorgnetwerk.tasks import deliver_email

pytestmark = pytest.mark.django_db


class FlakyMailServer:
    """An aiosmtpd handler that answers 451 (try again later) to the first `refusals` messages."""

    def __init__(self, refusals: int):
        self.refusals = refusals
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        if self.refusals > 0:
            self.refusals -= 1
            return "451 4.3.0 Busy, try again later"
        self.received.append(envelope)
        return "250 2.0.0 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_port(settings):
    """Production's mail path: the queue, then SMTP to a local port (nothing listens there yet)."""
    port = free_port()
    settings.EMAIL_BACKEND = "zorgnetwerk.tasks.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_MAX_ATTEMPTS = 5
    return port


@pytest.fixture
def run_worker_when_due(run_worker):
    """Let the clock pass every backoff, then run the worker until nothing is due."""

    def run():
        DBTaskResult.objects.filter(status="READY", task_path=deliver_email.module_path).update(
            run_after=timezone.now() - datetime.timedelta(seconds=1)
        )
        run_worker()

    return run


def test_invitations_survive_a_mail_server_that_is_down_then_refuses_then_accepts(
    smtp_port, network, coach_client, django_capture_on_commit_callbacks, run_worker_when_due
):
    members = {m.supporter.first_name: m for m in network.memberships.select_related("supporter")}
    day = timezone.localdate() + datetime.timedelta(days=7)

    # The mail server is down: the round table is planned all the same.
    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(
            reverse("actionplans:meeting_create", args=[network.pk]),
            {
                "date": day.isoformat(),
                "start_time": "09:00",
                "end_time": "10:30",
                "location": "Opvang Rode Kruis",
                "agenda": "Opstart",
                "invited": [members["Jan"].pk, members["Karim"].pk],
            },
        )
    assert response.status_code == 302
    assert network.meetings.count() == 1

    run_worker_when_due()  # connection refused: both are kept for later
    waiting = DBTaskResult.objects.filter(status="READY", task_path=deliver_email.module_path)
    assert [task.args_kwargs["kwargs"]["attempt"] for task in waiting] == [2, 2]

    server = FlakyMailServer(refusals=1)
    controller = Controller(server, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        run_worker_when_due()  # up, but it answers the first message with 451: that one waits again
        assert len(server.received) == 1
        run_worker_when_due()
        run_worker_when_due()  # and again: nothing left, nothing repeated
    finally:
        controller.stop()

    recipients = sorted(address for envelope in server.received for address in envelope.rcpt_tos)
    assert recipients == sorted([members["Jan"].supporter.email, members["Karim"].supporter.email])
    for envelope in server.received:
        message = message_from_bytes(envelope.original_content)
        calendars = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
        assert len(calendars) == 1 and calendars[0].get_param("method") == "REQUEST"
    assert not DBTaskResult.objects.filter(
        status__in=["READY", "RUNNING", "FAILED"], task_path=deliver_email.module_path
    )
