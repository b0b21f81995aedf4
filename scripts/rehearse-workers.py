# ruff: noqa: S603, S607  (fixed commands: psql and this checkout's manage.py, no outside input)
"""Production rehearsal of the mail queue: two workers race for one batch on PostgreSQL.

    make rehearse-workers            # DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/zn_rehearse
    REHEARSE_MESSAGES=500 make rehearse-workers

Creates the database afresh, migrates, queues REHEARSE_MESSAGES invitations (200) the way a
request does, starts a local SMTP server (aiosmtpd) and two `manage.py worker --batch` processes
at once, then checks that every message arrived exactly once and that both workers took part.
Exits 1 otherwise. The database is dropped at the end.
"""

import os
import socket
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")


class Sink:
    def __init__(self):
        self.lock = threading.Lock()
        self.recipients = Counter()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients.update(envelope.rcpt_tos)
        return "250 OK"


def psql(url: str, sql: str) -> None:
    admin = urlparse(url)._replace(path="/postgres").geturl()
    subprocess.run(["psql", "-q", "-d", admin, "-c", sql], check=True)


def main() -> int:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/zn_rehearse")
    if not url.startswith(("postgres://", "postgresql://")):
        print("rehearse-workers: needs PostgreSQL in DATABASE_URL", file=sys.stderr)
        return 2
    name = urlparse(url).path.lstrip("/")
    count = int(os.environ.get("REHEARSE_MESSAGES", "200"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": url, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "LOG_FORMAT": "text"}
    env.pop("EMAIL_BACKEND", None)
    psql(url, f'DROP DATABASE IF EXISTS "{name}"')
    psql(url, f'CREATE DATABASE "{name}"')
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    try:
        subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        queue = (
            "from django.core.mail import EmailMessage\n"
            f"for i in range({count}):\n"
            "    EmailMessage(f'Uitnodiging {i}', 'Rondetafel', to=[f'lid{i}@example.org']).send()\n"
        )
        subprocess.run([PY, "manage.py", "shell", "-v0", "-c", queue], cwd=ROOT, env=env, check=True)
        controller.start()
        worker = [PY, "manage.py", "worker", "--batch", "--no-reload", "--no-startup-delay", "-v0", "--worker-id"]
        workers = [subprocess.Popen([*worker, worker_id], cwd=ROOT, env=env) for worker_id in ("A", "B")]
        if any(process.wait(timeout=600) for process in workers):
            print("rehearse-workers: a worker failed", file=sys.stderr)
            return 1
        shares = subprocess.run(
            [
                PY,
                "manage.py",
                "shell",
                "-v0",
                "-c",
                "from django_tasks_db.models import DBTaskResult as T\n"
                "from zorgnetwerk.tasks import deliver_email\n"
                "from collections import Counter\n"
                "print(dict(Counter(t.worker_ids[0] for t in T.objects.filter("
                "task_path=deliver_email.module_path, status='SUCCESSFUL'))))",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    finally:
        controller.stop()
        psql(url, f'DROP DATABASE IF EXISTS "{name}"')
    expected = {f"lid{i}@example.org" for i in range(count)}
    twice = sorted(address for address, n in sink.recipients.items() if n > 1)
    missing = sorted(expected - set(sink.recipients))
    print(
        f"{count} queued, {sum(sink.recipients.values())} received, {len(twice)} twice, {len(missing)} missing;"
        f" deliveries per worker: {shares}"
    )
    both = shares.count(":") == 2
    if twice or missing or not both:
        print("rehearse-workers: NOT exactly once by two workers", file=sys.stderr)
        return 1
    print("rehearse-workers: every message exactly once, both workers took part")
    return 0


if __name__ == "__main__":
    sys.exit(main())
