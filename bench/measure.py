"""The benchmark's in-process measurements on a seeded database; prints one JSON object.

Run by bench/run.py with the same environment as the served app:
- logged-in sessions for the benchmark coach and advisor (with a verified second factor, as
  production requires), whose cookies the load generator sends;
- queries per page (a test client and CaptureQueriesContext against the same database);
- EXPLAIN (ANALYZE) of every SELECT of each page, flagging sequential scans on tables over
  100,000 rows;
- guardian's get_objects_for_user against CareNetwork.objects.visible_to (time and queries);
- the advisory aggregation's live query time.
"""

import json
import os
import statistics
import sys
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgnetwerk.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import PAGES, TRIVIAL, bench_context, resolve  # noqa: E402

BIG_TABLE_ROWS = 100_000
HOST = os.environ.get("BENCH_HOST_HEADER", "127.0.0.1")


def make_session(user) -> str:
    """A logged-in session in the database, as the login (and the second-factor step) would leave it."""
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    backends = settings.AUTHENTICATION_BACKENDS
    model_backend = "django.contrib.auth.backends.ModelBackend"
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = model_backend if model_backend in backends else backends[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if "django_otp" in settings.INSTALLED_APPS:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _ = TOTPDevice.objects.get_or_create(user=user, name="benchmark", defaults={"confirmed": True})
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key


def big_tables() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.reltuples > %s",
            [BIG_TABLE_ROWS],
        )
        return dict(cursor.fetchall())


def _walk(node, found):
    found.append(node)
    for child in node.get("Plans", ()):
        _walk(child, found)
    return found


def explain(sql: str, big: dict[str, int]) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
        plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
        nodes = _walk(plan["Plan"], [])
        seq = sorted(
            {n["Relation Name"] for n in nodes if n["Node Type"] == "Seq Scan" and n.get("Relation Name") in big}
        )
        return {"ms": plan["Execution Time"] + plan.get("Planning Time", 0), "seq_scans": seq, "sql": sql}


def explain_text(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def measure_page(client: Client, url: str, big: dict[str, int]) -> dict:
    warm = client.get(url, HTTP_HOST=HOST)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=HOST)
    result = {"url": url, "status": response.status_code, "queries": len(queries.captured_queries)}
    if warm.status_code != 200 or response.status_code != 200:
        return result
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    plans = [explain(sql, big) for sql in selects] if connection.vendor == "postgresql" else []
    result["selects"] = len(selects)
    result["select_ms"] = round(sum(p["ms"] for p in plans), 2)
    result["seq_scans"] = sorted({table for p in plans for table in p["seq_scans"]})
    if plans:
        slowest = max(plans, key=lambda p: p["ms"])
        result["slowest_ms"] = round(slowest["ms"], 2)
        result["slowest_plan"] = slowest["sql"] + "\n" + explain_text(slowest["sql"])
    return result


def median_ms(function, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def count_queries(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries.captured_queries)


def guardian_comparison(context: dict) -> list[dict]:
    from guardian.shortcuts import get_objects_for_user

    from networks.models import CareNetwork

    rows = []
    for key, label in (("coach", "coach (20 networks)"), ("bigorg", "user of a large organisation")):
        user = context[key]

        def by_guardian(user=user):
            return set(
                get_objects_for_user(
                    user, "networks.view_carenetwork", klass=CareNetwork, accept_global_perms=False
                ).values_list("pk", flat=True)
            )

        def by_visible_to(user=user):
            return set(CareNetwork.objects.visible_to(user).values_list("pk", flat=True))

        same = by_guardian() == by_visible_to()
        rows.append(
            {
                "user": label,
                "networks": len(by_visible_to()),
                "same_result": same,
                "guardian_ms": median_ms(by_guardian),
                "guardian_queries": count_queries(by_guardian),
                "visible_to_ms": median_ms(by_visible_to),
                "visible_to_queries": count_queries(by_visible_to),
            }
        )
    return rows


def aggregation_timing() -> dict | None:
    try:
        from adviesgroep import selectors
    except ImportError:
        return None
    functions = [name for name in ("aggregate_by_category", "aggregate_by_theme") if hasattr(selectors, name)]
    if not functions or not hasattr(selectors, "Quarter"):
        return None
    this = selectors.Quarter.current()

    def live():
        for name in functions:
            list(getattr(selectors, name)(this=this))

    return {"functions": functions, "live_ms": median_ms(live), "queries": count_queries(live)}


def main():
    context = bench_context()
    cookies = {persona: make_session(context[persona]) for persona in ("coach", "advisor")}
    big = big_tables() if connection.vendor == "postgresql" else {}
    clients = {}
    for persona, key in cookies.items():
        clients[persona] = Client(raise_request_exception=True)
        clients[persona].cookies[settings.SESSION_COOKIE_NAME] = key
    pages = {}
    for page in (*PAGES, TRIVIAL):
        url = resolve(page, context)
        pages[page.label] = {"persona": page.persona, **measure_page(clients[page.persona], url, big)}
    print(
        json.dumps(
            {
                "cookies": cookies,
                "cookie_name": settings.SESSION_COOKIE_NAME,
                "big_tables": big,
                "pages": pages,
                "guardian": guardian_comparison(context),
                "aggregation": aggregation_timing(),
            },
            default=str,
        )
    )


if __name__ == "__main__":
    main()
