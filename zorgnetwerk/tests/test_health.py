"""The probes answer over plain HTTP and by IP address, and readiness tells when the app can serve."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from zorgnetwerk.tasks import heartbeat_results, heartbeat_schedule

pytestmark = pytest.mark.django_db

PRODUCTION_LIKE = {"SECURE_SSL_REDIRECT": True, "ALLOWED_HOSTS": ["zorgnetwerk.example"]}


@pytest.fixture
def production(settings):
    for name, value in PRODUCTION_LIKE.items():
        setattr(settings, name, value)


def test_a_probe_by_ip_over_plain_http_gets_its_answer(client, production):
    assert client.get("/health/", HTTP_HOST="10.0.0.5").content == b"ok"
    assert client.get("/health/ready/", HTTP_HOST="10.0.0.5").status_code == 200


def test_other_pages_keep_the_host_check_and_the_https_redirect(client, production):
    assert client.get("/privacy/", HTTP_HOST="10.0.0.5").status_code == 400
    response = client.get("/privacy/", HTTP_HOST="zorgnetwerk.example")
    assert response.status_code == 301
    assert response["Location"] == "https://zorgnetwerk.example/privacy/"


def test_readiness_waits_for_migrations(client):
    assert client.get("/health/ready/").content == b"ready"
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied("youths", "0006_text_limits")
    try:
        response = client.get("/health/ready/")
        assert response.status_code == 503
        assert b"migration(s) to apply" in response.content
    finally:
        recorder.record_applied("youths", "0006_text_limits")


def test_probes_show_no_data_and_need_no_login(client, network):
    for path in ("/health/", "/health/ready/"):
        body = client.get(path).content.decode()
        assert network.youth.first_name not in body


def test_readiness_waits_for_a_worker_where_one_is_expected(client, settings, run_worker):
    settings.WORKER_EXPECTED = True
    settings.WORKER_SEEN_MINUTES = 5
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert b"no task worker seen in 5 minutes" in response.content

    run_worker()
    assert client.get("/health/ready/").content == b"ready"

    heartbeat_results().update(finished_at=timezone.now() - datetime.timedelta(minutes=6))
    assert client.get("/health/ready/").status_code == 503


def test_without_an_expected_worker_readiness_does_not_ask_for_one(client, settings):
    settings.WORKER_EXPECTED = False
    assert client.get("/health/ready/").content == b"ready"


def test_the_heartbeat_keeps_one_chain_however_many_workers_start(run_worker):
    heartbeat_schedule()
    heartbeat_schedule()  # a second worker starting
    assert heartbeat_results().filter(status="READY").count() == 1
    run_worker()
    run_worker()
    assert heartbeat_results().filter(status="READY").count() == 1  # the next one, a minute later
