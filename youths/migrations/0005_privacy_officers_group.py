"""The "Privacy officers" group, holding the permission to export a youth's data.

An admin gives the role in Django admin by adding a user to this group. The permission row is
made here (Django creates permissions only after all migrations ran), with the same codename
and name as in Youth.Meta.permissions, so the later automatic creation finds it.
"""

from django.db import migrations

GROUP = "Privacy officers"
CODENAME = "export_youth_data"
NAME = "Can export all data about a youth (privacy officer)"


def create_group(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.using(db).get_or_create(app_label="youths", model="youth")
    permission, _ = Permission.objects.using(db).get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    group, _ = Group.objects.using(db).get_or_create(name=GROUP)
    group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("youths", "0004_youth_export_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
