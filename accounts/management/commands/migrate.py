"""`migrate`, which first records that the user model moved from `networks` to `accounts`.

The user model kept its table (`networks_user`) when it moved; `accounts.0001` only tells Django's
migration state where the model now lives. Migrations already applied to an existing database
(Django admin's, django-guardian's, ours) depend on the app of `AUTH_USER_MODEL`, so Django
would refuse such a database as inconsistent before running anything. On a database that has
the user table from `networks.0001`, the state-only `accounts.0001` is recorded as applied
first; on a new database nothing is recorded and the migrations run in order.
"""

from django.core.management.commands import migrate
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

USER_MODEL_CREATED = ("networks", "0001_organisations_people_and_networks")
USER_MODEL_MOVED = ("accounts", "0001_organisations_and_users")


def record_user_model_moved(connection) -> bool:
    """Record `accounts.0001` on a database made before the user model moved; True if it did."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return False
    applied = recorder.applied_migrations()
    if USER_MODEL_CREATED not in applied or USER_MODEL_MOVED in applied:
        return False
    recorder.record_applied(*USER_MODEL_MOVED)
    return True


class Command(migrate.Command):
    def handle(self, *args, **options):
        if record_user_model_moved(connections[options["database"]]) and options["verbosity"] >= 1:
            self.stdout.write("Recorded that the user model moved to accounts (its table is unchanged).")
        return super().handle(*args, **options)
