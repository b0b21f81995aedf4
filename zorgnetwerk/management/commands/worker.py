"""`manage.py worker`: django-tasks-db's `db_worker` that also keeps the heartbeat going (zorgnetwerk/tasks.py).

Same options as `db_worker` (`--batch` runs what is due and stops, `--interval`, `--no-reload` ...).
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from zorgnetwerk.tasks import heartbeat_schedule


class Command(DbWorkerCommand):
    help = "Run the task worker: delivers the e-mails and records a heartbeat for the readiness probe."

    def handle(self, *args, **options):
        heartbeat_schedule()
        return super().handle(*args, **options)
