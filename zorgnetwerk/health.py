"""Probes for load balancers and orchestrators: no data, no login, no host or HTTPS checks.

- `/health/` (liveness): the process answers. A plain 200 that touches nothing, also the
  benchmark's floor.
- `/health/ready/` (readiness): the database answers and every migration is applied; 503 with
  the reason otherwise, so that traffic waits for a deploy's `migrate`. Where a worker is expected
  (`WORKER_EXPECTED`, on in production), also a worker finished its heartbeat within
  `WORKER_SEEN_MINUTES`: mail that nobody delivers is an outage too.

Probes come over plain HTTP and by IP address, so `ProbeMiddleware`, first in MIDDLEWARE, answers
them before the SSL redirect and the host check (`ALLOWED_HOSTS`) would.
"""

import datetime
from functools import cache

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from zorgnetwerk.tasks import worker_last_seen

PLAIN = "text/plain; charset=utf-8"


@require_safe
def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type=PLAIN)


@cache
def _migrations_on_disk() -> frozenset[tuple[str, str]]:
    """Read once per process: the files do not change under a running server."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


def unapplied_migrations() -> list[str]:
    """One query per probe: the recorded migrations against those on disk."""
    applied = set(MigrationRecorder(connection).applied_migrations())
    return sorted(f"{app_label}.{name}" for app_label, name in _migrations_on_disk() - applied)


@require_safe
def ready(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = unapplied_migrations()
        if pending:
            return HttpResponse(f"not ready: {len(pending)} migration(s) to apply", status=503, content_type=PLAIN)
        if settings.WORKER_EXPECTED:
            seen = worker_last_seen()
            if seen is None or seen < timezone.now() - datetime.timedelta(minutes=settings.WORKER_SEEN_MINUTES):
                return HttpResponse(
                    f"not ready: no task worker seen in {settings.WORKER_SEEN_MINUTES} minutes",
                    status=503,
                    content_type=PLAIN,
                )
    except DatabaseError:
        return HttpResponse("not ready: the database does not answer", status=503, content_type=PLAIN)
    return HttpResponse("ready", content_type=PLAIN)


PROBES = {"/health/": health, "/health/ready/": ready}


class ProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is not None:
            return probe(request)
        return self.get_response(request)
