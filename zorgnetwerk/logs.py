"""Logs an IT team can search: one JSON object per line with time, level, logger and request id.

The request id comes from the proxy's `X-Request-ID` when it looks like one, else a new one; it
is sent back in the response, so a user's report and the proxy's log lead to the same lines.
Log messages carry ids, never names: a youth's page logs its path (`/jongeren/12/`), not who it is.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.core.signals import request_finished
from django.dispatch import receiver

_request_id = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_HEADER = "X-Request-ID"
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = offered if SAFE_REQUEST_ID.match(offered) else uuid.uuid4().hex
        # Kept until the request is finished: Django logs an error response after the middleware.
        _request_id.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


@receiver(request_finished)
def _forget_request_id(sender, **kwargs):
    _request_id.set("-")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", _request_id.get()),
            "message": record.getMessage(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
