"""Logs are JSON lines with a request id, and a request about a youth does not put the youth's name in them."""

import io
import json
import logging

import pytest
from django.test import override_settings

from youths.tests.helpers import client_for
from zorgnetwerk.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(old_level)


def test_a_request_about_a_youth_is_logged_with_its_request_id_and_without_the_youths_name(
    log_lines, network, outsider
):
    youth = network.youth
    with override_settings(DEBUG=False):
        response = client_for(outsider).get(f"/jongeren/{youth.pk}/", HTTP_X_REQUEST_ID="probe-1234abcd")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "probe-1234abcd"
    lines = log_lines()
    (not_found,) = [line for line in lines if line["logger"] == "django.request"]
    assert not_found["request_id"] == "probe-1234abcd"
    assert not_found["level"] == "WARNING" and not_found["status"] == 404
    assert {"time", "level", "logger", "request_id", "message"} <= set(not_found)
    text = json.dumps(lines)
    assert youth.first_name not in text and youth.last_name not in text


def test_an_unsafe_request_id_is_replaced(client):
    response = client.get("/privacy/", HTTP_X_REQUEST_ID="<script>x")
    assert response["X-Request-ID"] != "<script>x"
    assert len(response["X-Request-ID"]) == 32
