"""Anonymise youths whose networks all closed more than RETENTION_YEARS ago."""

from django.conf import settings
from django.core.management.base import BaseCommand

from privacy.erasure import youth_anonymise
from privacy.selectors import youths_due_for_retention


class Command(BaseCommand):
    help = "Anonymise youths whose last network closed more than RETENTION_YEARS ago (names, birth date, free texts)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only print what would be anonymised.")

    def handle(self, *args, dry_run=False, **options):
        due = list(youths_due_for_retention())
        years = settings.RETENTION_YEARS
        if not due:
            self.stdout.write(f"No youth is due: every network closed less than {years} years ago or is open.")
            return
        for youth in due:
            # Ids only: the output may end up in a log.
            if dry_run:
                self.stdout.write(f"would anonymise youth {youth.pk}")
            else:
                touched = youth_anonymise(youth=youth, reason=f"retention ({years} years)")
                self.stdout.write(f"anonymised youth {youth.pk} ({', '.join(touched)})")
        verb = "would anonymise" if dry_run else "anonymised"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(due)} youth(s)."))
