"""Signals sent before every field was checked: their question (and summary, unless the network
chose to share more) and the advice on them get the same placeholders as a new prefill."""

from django.conf import settings
from django.db import migrations
from django.utils import translation


def pseudonymise_existing(apps, schema_editor):
    # migrate runs without a language; the placeholders are written in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        _pseudonymise_existing(apps)


def _pseudonymise_existing(apps):
    from adviesgroep.pseudonyms import identifiers_for, pseudonymise

    Signal = apps.get_model("adviesgroep", "Signal")
    Advice = apps.get_model("adviesgroep", "Advice")
    signals = Signal.objects.filter(network__isnull=False).select_related("network__youth").order_by("pk")
    for signal in signals.iterator(chunk_size=500):
        identifiers = identifiers_for(signal.network)
        changed = {"question": pseudonymise(signal.question, identifiers)}
        if not signal.share_more:
            changed["case_summary"] = pseudonymise(signal.case_summary, identifiers)
        if any(getattr(signal, name) != value for name, value in changed.items()):
            Signal.objects.filter(pk=signal.pk).update(**changed)
        for advice in Advice.objects.filter(signal_id=signal.pk).only("pk", "text"):
            text = pseudonymise(advice.text, identifiers)
            if text != advice.text:
                Advice.objects.filter(pk=advice.pk).update(text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("adviesgroep", "0002_signal_sender_sector"),
    ]

    operations = [
        migrations.RunPython(pseudonymise_existing, migrations.RunPython.noop),
    ]
