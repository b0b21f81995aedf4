"""Fill a fresh database with synthetic, fictional data at scale, for the benchmark."""

import time

from django.core.management.base import BaseCommand, CommandError

from bench.scale import ADVISOR_EMAIL, BIG_ORG_EMAIL, COACH_EMAIL, seed_scale


class Command(BaseCommand):
    help = "Seed N synthetic youths with their networks, plans, signals and audit rows (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--youths", type=int, required=True, help="How many youths (one network each).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed; the same seed gives the same data.")
        parser.add_argument("--database", default="default")

    def handle(self, *args, youths, seed, database, **options):
        started = time.perf_counter()
        try:
            result = seed_scale(
                youths=youths, seed=seed, using=database, log=lambda line: self.stdout.write(f"  {line}")
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        for label, count in sorted(result.counts.items()):
            self.stdout.write(f"  {label:<45} {count:>10,}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {youths:,} youths in {time.perf_counter() - started:.0f}s. "
                f"Benchmark logins: {COACH_EMAIL} (in {len(result.coach_network_ids)} networks), "
                f"{ADVISOR_EMAIL}, {BIG_ORG_EMAIL}."
            )
        )
