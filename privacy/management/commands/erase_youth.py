"""Erasure on request: anonymise one youth now, by an admin, with a reason (logged)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from audit.trail import Action
from privacy.erasure import youth_anonymise
from youths.models import Youth


class Command(BaseCommand):
    help = (
        "Anonymise one youth on request (right to erasure): names, birth date, free texts, the signals about them, "
        "supporters known only through them; their open networks are closed. Needs the admin's e-mail and a reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("youth_id", type=int)
        parser.add_argument("--by", required=True, help="E-mail address of the admin who decides the erasure.")
        parser.add_argument("--reason", required=True, help="Why (for example: request of the youth of 2026-11-02).")

    def handle(self, *args, youth_id, by, reason, **options):
        if not reason.strip():
            raise CommandError("Give a reason.")
        admin = User.objects.filter(email__iexact=by, is_active=True, is_staff=True).first()
        if admin is None:
            raise CommandError(f"No active admin with e-mail {by}.")
        youth = Youth.objects.filter(pk=youth_id).first()
        if youth is None:
            raise CommandError(f"No youth with id {youth_id}.")
        if youth.anonymised_at:
            raise CommandError(f"Youth {youth_id} was anonymised already.")
        touched = youth_anonymise(youth=youth, by=admin, reason=reason, action=Action.ERASE)
        self.stdout.write(self.style.SUCCESS(f"erased youth {youth_id} ({', '.join(touched)})"))
