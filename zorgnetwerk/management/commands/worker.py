"""`manage.py worker`: django-tasks-db's `db_worker` that also keeps the heartbeat going (zorgnetwerk/tasks.py).

On start it makes the e-mails waiting for a retry due at once: whoever restarts the worker has
usually just fixed the mail server or its settings.

Same options as `db_worker` (`--batch` runs what is due and stops, `--interval`, `--no-reload` ...).
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from zorgnetwerk.tasks import heartbeat_schedule, retries_due_now


class Command(DbWorkerCommand):
    help = "Run the task worker: delivers the e-mails and records a heartbeat for the readiness probe."

    def handle(self, *args, **options):
        retries_due_now()
        heartbeat_schedule()
        return super().handle(*args, **options)
