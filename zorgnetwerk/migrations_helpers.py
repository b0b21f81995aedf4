"""Operations for migrations that move a model to another app while it keeps its table.

The models' rows stay where they are; only Django's idea of which app holds them changes.
`state_only` records the move in the migration state without touching the database, and
`content_types_moved` renames the content types, so that permissions granted on a moved model
(and admin log entries about it) keep pointing at it.
"""

from django.db import migrations


def state_only(*operations):
    return migrations.SeparateDatabaseAndState(state_operations=list(operations), database_operations=[])


def content_types_moved(old_app_label, new_app_label, model_names):
    def forwards(apps, schema_editor):
        _rename(apps, schema_editor, old_app_label, new_app_label)

    def backwards(apps, schema_editor):
        _rename(apps, schema_editor, new_app_label, old_app_label)

    def _rename(apps, schema_editor, from_label, to_label):
        content_type = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in model_names:
            if content_type.objects.using(db).filter(app_label=to_label, model=model).exists():
                continue
            content_type.objects.using(db).filter(app_label=from_label, model=model).update(app_label=to_label)

    return migrations.RunPython(forwards, backwards, elidable=True)
