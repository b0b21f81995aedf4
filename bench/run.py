# ruff: noqa: S603, S607 - a benchmark driver that starts our own programs with fixed arguments
"""`make bench`: seed two sizes, serve with gunicorn, load each page with locust, print one table.

For each size (BENCH_SIZES, default "5000,50000": S and 10×S youths) on PostgreSQL:
1. a fresh database `<DATABASE_URL name>_<size>`, migrate, `seed_scale --youths <size>`, VACUUM ANALYZE;
2. bench/measure.py: sessions, queries per page, EXPLAIN (ANALYZE), guardian comparison, aggregation;
3. gunicorn with production-like settings; per page a headless locust run (FastHttpUser,
   constant_throughput) at BENCH_RATE requests/s for BENCH_DURATION seconds, plus the trivial
   view /health/ as the floor; gunicorn is stopped afterwards, whatever happens.
Then bench/pdf_bench.py if it exists, and one table (also written to bench/out/latest.md).

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/zn_bench), BENCH_SIZES,
BENCH_RATE (default 10), BENCH_DURATION (default 20), BENCH_WORKERS (gunicorn, default 2),
BENCH_PORT (default 8197), BENCH_REUSE=1 to keep an already seeded database of the same size.
"""

import json
import os
import platform
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = sys.executable
VENV_BIN = Path(PY).parent


def env_int(name, default):
    return int(os.environ.get(name, default))


SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "5000,50000").split(",") if size.strip()]
RATE = float(os.environ.get("BENCH_RATE", "10"))
DURATION = env_int("BENCH_DURATION", 20)
WORKERS = env_int("BENCH_WORKERS", 2)
PORT = env_int("BENCH_PORT", 8197)
BASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/zn_bench")
REUSE = os.environ.get("BENCH_REUSE") == "1"
SECRET = secrets.token_urlsafe(64)


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def database_url(size: int) -> str:
    base, _, name = BASE_URL.rpartition("/")
    return f"{base}/{name.split('?')[0]}_{size}"


def app_env(size: int) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url(size),
        DJANGO_SETTINGS_MODULE="zorgnetwerk.settings",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(size, *args, capture=False):
    command = [PY, str(ROOT / "manage.py"), *args]
    if capture:
        return subprocess.run(command, env=app_env(size), check=True, capture_output=True, text=True).stdout
    subprocess.run(command, env=app_env(size), check=True)
    return ""


def admin_connection(url):
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"],
        host=config["HOST"],
        port=config["PORT"] or 5432,
    )
    connection.autocommit = True
    return connection, config["NAME"]


def already_seeded(size) -> bool:
    connection, name = admin_connection(database_url(size))
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
    connection.close()
    if not exists:
        return False
    code = "from youths.models import Youth; print(Youth.objects.count())"
    try:
        return manage(size, "shell", "-c", code, capture=True).strip() == str(size)
    except subprocess.CalledProcessError:
        return False


def prepare_database(size) -> float | None:
    if REUSE and already_seeded(size):
        log(f"reusing the seeded database for {size:,} youths")
        manage(size, "migrate", "--noinput", "-v0")
        return None
    connection, name = admin_connection(database_url(size))
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')  # noqa: S608 - our own database name
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    manage(size, "migrate", "--noinput", "-v0")
    log(f"seeding {size:,} youths")
    started = time.perf_counter()
    manage(size, "seed_scale", "--youths", str(size), "--seed", "1")
    seconds = time.perf_counter() - started
    connection, name = admin_connection(database_url(size))
    connection.close()
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(database_url(size))
    analyze = psycopg2.connect(
        dbname=name, user=config["USER"], password=config["PASSWORD"], host=config["HOST"], port=config["PORT"] or 5432
    )
    analyze.autocommit = True
    with analyze.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    analyze.close()
    return seconds


def wait_until_up(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:  # not listening yet (URLError), or still booting its workers (timeout)
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer on {url}")


def warm_up(path, cookie, count=20):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Cookie": cookie})  # noqa: S310
    for _ in range(count):
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            response.read()


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def load(path, cookie, label, size) -> dict:
    samples_file = OUT / f"samples-{size}-{abs(hash(label)) % 10**8}.json"
    users = max(1, round(RATE))
    env = dict(os.environ)
    env.update(
        BENCH_PATH=path,
        BENCH_COOKIE=cookie,
        BENCH_USER_RATE=str(RATE / users),
        BENCH_SAMPLES=str(samples_file),
    )
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{DURATION}s",
        "--host",
        f"http://127.0.0.1:{PORT}",
        "--only-summary",
        "--loglevel",
        "ERROR",
    ]
    subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    samples = json.loads(samples_file.read_text())
    samples_file.unlink()
    times = [ms for ms, _ok in samples]
    return {
        "requests": len(samples),
        "errors": sum(1 for _ms, ok in samples if not ok),
        "p50": statistics.median(times) if times else None,
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
    }


def run_size(size) -> dict:
    seed_seconds = prepare_database(size)
    log(f"measuring queries and plans at {size:,} youths")
    measured = json.loads(
        subprocess.run(
            [PY, str(ROOT / "bench" / "measure.py")], env=app_env(size), check=True, capture_output=True, text=True
        ).stdout
    )
    cookie_name = measured["cookie_name"]
    gunicorn_log = open(OUT / f"gunicorn-{size}.log", "w")  # noqa: SIM115 - closed in finally
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "zorgnetwerk.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{PORT}",
            "--chdir",
            str(ROOT),
        ],
        env=app_env(size),
        stdout=gunicorn_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/health/")
        for label, page in measured["pages"].items():
            if not page.get("url") or page.get("status") != 200:
                continue
            cookie = f"{cookie_name}={measured['cookies'][page['persona']]}"
            log(f"{size:,}: loading {label} ({page['url']}) at {RATE:g} req/s for {DURATION}s")
            warm_up(page["url"], cookie)
            page["load"] = load(page["url"], cookie, label, size)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        gunicorn_log.close()
    measured["seed_seconds"] = seed_seconds
    return measured


def fmt(value, digits=1, unit=""):
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def machine() -> str:
    memory = "?"
    try:
        with open("/proc/meminfo") as handle:
            memory = f"{int(handle.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    pg = subprocess.run(
        ["psql", BASE_URL.rsplit("/", 1)[0] + "/postgres", "-tAc", "SHOW server_version"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{os.cpu_count()} cores, {memory} memory, PostgreSQL {pg or '?'}, Python {platform.python_version()}"


def report(results: dict) -> str:
    small, large = SIZES[0], SIZES[-1]
    k = large // small
    lines = [
        f"Machine: {machine()}.",
        f"Sizes: S = {small:,} and {large:,} youths; load: {RATE:g} req/s per page for {DURATION}s "
        f"(locust FastHttpUser, constant_throughput), gunicorn {WORKERS} workers, DEBUG=0.",
        "",
        f"| page | queries S | queries {k}×S | p50 / p95 / p99 S (ms) | p50 / p95 / p99 {k}×S (ms) | errors "
        f"| p95 {k}×S / p95 S | p50 / trivial p50 (S; {k}×S) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    floor = {
        size: (results[size]["pages"].get("trivial view (/health/)", {}).get("load") or {}).get("p50") for size in SIZES
    }
    targets = {"queries": True, "p95": True, "floor": True, "errors": True, "seq": True}
    for label in results[small]["pages"]:
        a, b = results[small]["pages"][label], results[large]["pages"][label]
        if not a.get("url"):
            lines.append(f"| {label} | n/a (page not built) | | | | | | |")
            continue
        la, lb = a.get("load") or {}, b.get("load") or {}
        errors = (la.get("errors") or 0) + (lb.get("errors") or 0)
        if a.get("status") != 200 or b.get("status") != 200:
            errors = f"status {a.get('status')}/{b.get('status')}"
            targets["errors"] = False
        elif errors:
            targets["errors"] = False
        ratio = lb["p95"] / la["p95"] if la.get("p95") and lb.get("p95") else None
        to_floor = [
            (r.get("p50") / floor[size]) if r.get("p50") and floor[size] else None
            for r, size in ((la, small), (lb, large))
        ]
        if a.get("queries") != b.get("queries"):
            targets["queries"] = False
        if ratio is not None and ratio > 1.5:
            targets["p95"] = False
        if label != "trivial view (/health/)" and any(x is not None and x > 5 for x in to_floor):
            targets["floor"] = False
        lines.append(
            f"| {label} | {a.get('queries')} | {b.get('queries')} | "
            f"{fmt(la.get('p50'))} / {fmt(la.get('p95'))} / {fmt(la.get('p99'))} | "
            f"{fmt(lb.get('p50'))} / {fmt(lb.get('p95'))} / {fmt(lb.get('p99'))} | {errors} | "
            f"{fmt(ratio, 2)} | {fmt(to_floor[0], 1)}; {fmt(to_floor[1], 1)} |"
        )
    lines += ["", "EXPLAIN (ANALYZE) of every SELECT of each page: sequential scans on tables over 100,000 rows", ""]
    lines += [
        f"| page | SELECTs | SQL time S (ms) | SQL time {k}×S (ms) | slowest query {k}×S (ms) "
        "| Seq Scan on a table > 100k rows |",
        "|---|---|---|---|---|---|",
    ]
    for label in results[small]["pages"]:
        a, b = results[small]["pages"][label], results[large]["pages"][label]
        if not a.get("url"):
            continue
        seq = sorted(set(a.get("seq_scans", [])) | set(b.get("seq_scans", [])))
        if seq:
            targets["seq"] = False
        lines.append(
            f"| {label} | {b.get('selects')} | {fmt(a.get('select_ms'), 2)} | {fmt(b.get('select_ms'), 2)} | "
            f"{fmt(b.get('slowest_ms'), 2)} | {', '.join(seq) or 'none'} |"
        )
    lines += [
        "",
        "Guardian's get_objects_for_user(..., accept_global_perms=False) against CareNetwork.objects.visible_to",
        "",
    ]
    lines += [
        "| size | user | networks | same result | guardian ms (queries) | visible_to ms (queries) |",
        "|---|---|---|---|---|---|",
    ]
    for size in SIZES:
        for row in results[size]["guardian"]:
            lines.append(
                f"| {size:,} | {row['user']} | {row['networks']} | {row['same_result']} | "
                f"{row['guardian_ms']} ({row['guardian_queries']}) | "
                f"{row['visible_to_ms']} ({row['visible_to_queries']}) |"
            )
    lines.append("")
    for size in SIZES:
        aggregation = results[size].get("aggregation")
        if aggregation:
            lines.append(
                f"Advisory aggregation at {size:,} youths, live ({' + '.join(aggregation['functions'])}): "
                f"{aggregation['live_ms']} ms median, {aggregation['queries']} queries; no precomputed summary."
            )
        if results[size].get("seed_seconds"):
            lines.append(f"seed_scale --youths {size}: {results[size]['seed_seconds']:.0f}s.")
    lines += [
        "",
        "Targets: "
        + "; ".join(
            f"{name} {'met' if ok else 'NOT met'}"
            for name, ok in (
                ("queries equal at both sizes", targets["queries"]),
                ("p95 ratio ≤ 1.5", targets["p95"]),
                ("p50 within 5× of the trivial view", targets["floor"]),
                ("0 errors", targets["errors"]),
                ("no Seq Scan on tables > 100k rows", targets["seq"]),
            )
        ),
    ]
    return "\n".join(lines)


def main():
    OUT.mkdir(exist_ok=True)
    subprocess.run(
        [PY, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"], env=app_env(SIZES[0]), check=True
    )
    results = {}
    for size in SIZES:
        results[size] = run_size(size)
        (OUT / f"results-{size}.json").write_text(json.dumps(results[size], indent=1, default=str))
        plans = [f"## {label}\n{page.get('slowest_plan', '')}" for label, page in results[size]["pages"].items()]
        (OUT / f"explain-{size}.txt").write_text("\n\n".join(plans))
    text = report(results)
    pdf_script = ROOT / "bench" / "pdf_bench.py"
    if pdf_script.exists():
        log("PDF benchmark (bench/pdf_bench.py)")
        # With the caller's environment: the PDF benchmark makes its own throw-away test database.
        pdf = subprocess.run([PY, str(pdf_script)], capture_output=True, text=True, check=False)
        text += "\n\nPDF (bench/pdf_bench.py):\n" + (pdf.stdout.strip() or pdf.stderr.strip()[-2000:])
    (OUT / "latest.md").write_text(text + "\n")
    print(text)
    print(f"\nPlans of each page's slowest query: {OUT}/explain-<size>.txt")


if __name__ == "__main__":
    main()
