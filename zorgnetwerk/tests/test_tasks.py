"""Mail goes through the task queue: the request writes a task, the worker delivers, a refusal is retried."""

import datetime
import json
import smtplib
from email.mime.text import MIMEText

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from actionplans.services.roundtables import meeting_plan
from adviesgroep.services import signal_answer
from adviesgroep.tests.factories import BarrierCategoryFactory, SignalFactory
from zorgnetwerk.mail import plain_mail_after_commit
from zorgnetwerk.tasks import deliver_email, message_from_data, message_to_data, render_and_send, retry_delay

pytestmark = pytest.mark.django_db


class RefusingBackend(LocmemBackend):
    """Refuses the first `refusals` messages, as a mail server that is down; then delivers to the outbox."""

    refusals = 0

    def send_messages(self, messages):
        if RefusingBackend.refusals > 0:
            RefusingBackend.refusals -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def queued(settings):
    """Production's mail path, with the outbox in place of the mail server."""
    settings.EMAIL_BACKEND = "zorgnetwerk.tasks.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "zorgnetwerk.tests.test_tasks.RefusingBackend"
    settings.EMAIL_MAX_ATTEMPTS = 3
    RefusingBackend.refusals = 0
    yield
    RefusingBackend.refusals = 0


def mail_tasks():
    return DBTaskResult.objects.filter(task_path=deliver_email.module_path).order_by("enqueued_at")


def make_due():
    """Let the clock pass the retry's backoff."""
    mail_tasks().filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))


def send_one(django_capture_on_commit_callbacks, subject="Overdracht"):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        plain_mail_after_commit(subject=subject, body="Body", recipients=["a@x.example"], about="t")


def test_the_request_only_queues_the_mail_and_the_worker_delivers_it(
    queued, django_capture_on_commit_callbacks, run_worker
):
    send_one(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert [task.status for task in mail_tasks()] == ["READY"]

    run_worker()
    assert [(message.subject, message.to) for message in mail.outbox] == [("Overdracht", ["a@x.example"])]
    assert [task.status for task in mail_tasks()] == ["SUCCESSFUL"]

    run_worker()  # a second run sends nothing again
    assert len(mail.outbox) == 1


def test_a_plain_mail_is_queued_with_its_change_and_not_with_a_rolled_back_one(queued, run_worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        plain_mail_after_commit(subject="Rolled back", body="-", recipients=["b@x.example"], about="t")
        raise RuntimeError
    assert not mail_tasks().exists()
    with transaction.atomic():
        plain_mail_after_commit(subject="Saved", body="-", recipients=["a@x.example", "", "a@x.example"], about="t")
        assert mail_tasks().count() == 1  # in the same transaction as the change
    run_worker()
    assert [(message.subject, message.to) for message in mail.outbox] == [("Saved", ["a@x.example"])]


def test_a_delivered_message_leaves_no_text_in_the_task_table(queued, django_capture_on_commit_callbacks, run_worker):
    RefusingBackend.refusals = 1  # the refused attempt's row is blanked too
    send_one(django_capture_on_commit_callbacks, subject="Over A.R.")
    run_worker()
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Over A.R."]
    stored = json.dumps(list(DBTaskResult.objects.values_list("args_kwargs", "return_value")))
    assert "A.R." not in stored and "a@x.example" not in stored


def test_a_refused_mail_is_tried_again_later_and_sent_once(queued, django_capture_on_commit_callbacks, run_worker):
    RefusingBackend.refusals = 1
    send_one(django_capture_on_commit_callbacks)

    run_worker()
    assert mail.outbox == []
    retry = mail_tasks().get(status="READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now()  # not before the backoff

    assert not DBTaskResult.objects.ready().exists()  # a running worker leaves it until then

    make_due()
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Overdracht"]
    make_due()
    run_worker()
    assert len(mail.outbox) == 1


def test_a_mail_that_keeps_failing_stays_failed_in_admin(
    queued, django_capture_on_commit_callbacks, client, admin_user, run_worker
):
    RefusingBackend.refusals = 10
    send_one(django_capture_on_commit_callbacks)
    for _ in range(5):
        make_due()
        run_worker()
    assert mail.outbox == []
    assert [task.status for task in mail_tasks()] == ["SUCCESSFUL", "SUCCESSFUL", "FAILED"]  # 3 attempts
    failed = mail_tasks().get(status="FAILED")
    assert "SMTPServerDisconnected" in failed.exception_class_path

    client.force_login(admin_user)
    page = client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert page.status_code == 200
    assert str(failed.id) in page.content.decode()


def test_the_backoff_doubles_up_to_a_quarter_of_an_hour(settings):
    settings.EMAIL_RETRY_SECONDS = 30
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 5, 6, 11)] == [30, 60, 120, 480, 900, 900]


def test_a_worker_that_starts_tries_the_waiting_retries_at_once(queued, django_capture_on_commit_callbacks, run_worker):
    RefusingBackend.refusals = 1
    send_one(django_capture_on_commit_callbacks)
    run_worker()
    assert mail.outbox == [] and mail_tasks().get(status="READY").run_after > timezone.now()

    run_worker()  # a worker (re)started after the mail server came back
    assert [message.subject for message in mail.outbox] == ["Overdracht"]


def test_a_message_with_a_calendar_part_an_attachment_and_html_survives_the_queue():
    message = EmailMultiAlternatives(subject="Rondetafel", body="Tekst", to=["Sara Peeters <sara@x.example>"])
    message.attach_alternative("<p>Tekst</p>", "text/html")
    part = MIMEText("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", "calendar", "utf-8")
    part.set_param("method", "REQUEST")
    part.add_header("Content-Disposition", "attachment", filename="rondetafel.ics")
    message.attach(part)
    message.attach("plan.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")

    restored = message_from_data(message_to_data(message))

    assert restored.message().as_bytes() != b""
    assert (restored.subject, restored.body, restored.to) == (message.subject, message.body, message.to)
    assert restored.alternatives == [("<p>Tekst</p>", "text/html")]
    calendar = [p for p in restored.message().walk() if p.get_content_type() == "text/calendar"][0]
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_filename() == "rondetafel.ics"
    assert "METHOD:REQUEST" in calendar.get_payload(decode=True).decode()
    assert restored.attachments[-1] == ("plan.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")


def _plan_round_table(network, coach):
    members = {m.supporter.first_name: m for m in network.memberships.select_related("supporter")}
    starts_at = timezone.now() + datetime.timedelta(days=7)
    return meeting_plan(
        network=network,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        location="Atheneum Gent-Zuid, lokaal 12",
        invited=[members["Jan"], members["Karim"]],
        by=coach,
    )


def test_invitations_are_rendered_in_the_worker_from_ids(
    queued, network, coach, django_capture_on_commit_callbacks, run_worker
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        meeting = _plan_round_table(network, coach)
    rendering = DBTaskResult.objects.get(task_path=render_and_send.module_path)
    function, args = rendering.args_kwargs["args"]
    assert function == "actionplans.services.roundtables._send_meeting_mail"
    assert args[0] == meeting.pk and args[1] == "REQUEST"
    assert not mail_tasks().exists() and mail.outbox == []

    run_worker()
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "Jan De Smet <jan@voogdij.example>",
        "Karim El Idrissi <karim@vdab.example>",
    ]
    assert all("rondetafel.ics" in message.message().as_string() for message in mail.outbox)
    assert [task.status for task in mail_tasks()] == ["SUCCESSFUL", "SUCCESSFUL"]  # one delivery each


def test_a_rolled_back_round_table_leaves_nothing_to_render(queued, network, coach, run_worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        _plan_round_table(network, coach)
        raise RuntimeError
    assert not DBTaskResult.objects.filter(task_path=render_and_send.module_path).exists()


def test_the_worker_calls_only_functions_of_the_projects_apps(queued, run_worker):
    task = render_and_send.enqueue("os.system", ["true"], about="nothing")
    run_worker()
    task.refresh()
    assert task.status == "FAILED"
    assert task.errors[0].exception_class_path == "django.core.exceptions.SuspiciousOperation"


def test_the_advice_mail_is_rendered_in_the_worker_from_ids(
    queued, network, coach, advisor, django_capture_on_commit_callbacks, run_worker
):
    signal = SignalFactory(network=network, sent_by=coach, categories=[BarrierCategoryFactory()])
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        advice = signal_answer(signal=signal, text="Vraag het LOP om bemiddeling.", by=advisor)
    rendering = DBTaskResult.objects.get(task_path=render_and_send.module_path)
    assert rendering.args_kwargs["args"] == [
        "adviesgroep.services._mail_advice",
        [advice.pk, coach.supporter.mail_address],
    ]
    assert mail.outbox == []

    run_worker()
    assert [message.to for message in mail.outbox] == [[coach.supporter.mail_address]]
    assert reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}) in mail.outbox[0].body
