"""A database made before the user model moved to `accounts` migrates without changes to its data."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from accounts.management.commands.migrate import USER_MODEL_MOVED, record_user_model_moved

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorder():
    return MigrationRecorder(connection)


def test_a_database_from_before_the_move_gets_the_state_only_migration_recorded(recorder):
    recorder.record_unapplied(*USER_MODEL_MOVED)

    assert record_user_model_moved(connection) is True
    assert USER_MODEL_MOVED in recorder.applied_migrations()
    assert record_user_model_moved(connection) is False


def test_migrate_accepts_such_a_database_and_keeps_its_users(recorder, django_user_model):
    user = django_user_model.objects.create_user(email="amina@okan.example", password="x")
    recorder.record_unapplied(*USER_MODEL_MOVED)

    call_command("migrate", verbosity=0)

    assert USER_MODEL_MOVED in recorder.applied_migrations()
    assert django_user_model.objects.get(pk=user.pk).email == "amina@okan.example"
    assert django_user_model._meta.db_table == "networks_user"


def test_a_new_database_records_nothing(recorder):
    """On a database where `networks.0001` never ran, the migrations run in their own order."""
    applied = recorder.applied_migrations()
    assert ("networks", "0001_organisations_people_and_networks") in applied
    recorder.record_unapplied("networks", "0001_organisations_people_and_networks")
    recorder.record_unapplied(*USER_MODEL_MOVED)
    try:
        assert record_user_model_moved(connection) is False
        assert USER_MODEL_MOVED not in recorder.applied_migrations()
    finally:
        recorder.record_applied("networks", "0001_organisations_people_and_networks")
        recorder.record_applied(*USER_MODEL_MOVED)
