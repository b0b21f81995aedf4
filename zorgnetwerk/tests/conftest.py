"""The task worker inside a test."""

import pytest
from django.core.management import call_command


@pytest.fixture
def run_worker(monkeypatch):
    """What `make worker` does, until nothing is due (`--batch`).

    The worker closes connections it finds outside autocommit, as Django does between requests;
    inside a test's transaction that would be the test's own connection, so here it keeps it.
    """
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run():
        call_command("worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)

    return run
