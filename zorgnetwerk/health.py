"""Probes for load balancers and orchestrators: no data, no login, no host or HTTPS checks.

- `/health/` (liveness): the process answers. A plain 200 that touches nothing, also the
  benchmark's floor.
- `/health/ready/` (readiness): the database answers and every migration is applied; 503 with
  the reason otherwise, so that traffic waits for a deploy's `migrate`.

Probes come over plain HTTP and by IP address, so `ProbeMiddleware`, first in MIDDLEWARE, answers
them before the SSL redirect and the host check (`ALLOWED_HOSTS`) would.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

PLAIN = "text/plain; charset=utf-8"


@require_safe
def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type=PLAIN)


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


@require_safe
def ready(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = unapplied_migrations()
    except DatabaseError:
        return HttpResponse("not ready: the database does not answer", status=503, content_type=PLAIN)
    if pending:
        return HttpResponse(f"not ready: {len(pending)} migration(s) to apply", status=503, content_type=PLAIN)
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
