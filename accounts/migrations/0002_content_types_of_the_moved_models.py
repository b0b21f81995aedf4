from django.db import migrations

from zorgnetwerk.migrations_helpers import content_types_moved


class Migration(migrations.Migration):
    """Separate from 0001, which `migrate` records without running on a database made before the move."""

    dependencies = [
        ("accounts", "0001_organisations_and_users"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        content_types_moved("networks", "accounts", ["organisation", "user"]),
    ]
