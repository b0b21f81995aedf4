from django.db import migrations

# The languages whose leaflet texts are written in youths/youth_texts.py, none checked yet.
LANGUAGES = ["ar", "prs", "ps", "ti", "so"]


def seed(apps, schema_editor):
    LeafletTranslation = apps.get_model("youths", "LeafletTranslation")
    for code in LANGUAGES:
        LeafletTranslation.objects.get_or_create(language=code)


class Migration(migrations.Migration):
    dependencies = [("youths", "0002_leaflet_translation_review")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
