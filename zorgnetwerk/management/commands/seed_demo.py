from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from actionplans import demo as actionplans_demo
from adviesgroep import demo as adviesgroep_demo
from handovers import demo as handovers_demo
from networks import demo
from youthpage import demo as youthpage_demo
from youths import demo as youths_demo


class Command(BaseCommand):
    help = "Load fictional demo data for Ghent (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            # The demo logins, a superuser among them, share a password that is in the README.
            raise CommandError(
                "seed_demo refuses to run with DEBUG off: it creates demo logins, a superuser among them, "
                "with a published password. Use it on a development machine (DEBUG=1) only."
            )
        # The demo's services mail as they would for real (after commit); nobody should receive them
        # and the terminal should not fill with raw e-mails: they go to an in-memory outbox.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            context = self._seed()
            held_back = len(getattr(mail, "outbox", []))
        if held_back:
            self.stdout.write(f"{held_back} e-mails of the demo data were not sent.")
        if context.get("youth_links"):
            self.stdout.write(self.style.SUCCESS("The youths' own pages (link, then the code):"))
            for first_name, language, url, code in context["youth_links"]:
                self.stdout.write(f"  {first_name} ({language}): {url}  code {code}")
        # The logins last, so they are what the terminal shows before the server starts.
        self.stdout.write(self.style.SUCCESS("Demo data ready. Demo logins (password: %s):" % demo.DEMO_PASSWORD))
        for email, who in demo.demo_logins():
            self.stdout.write(f"  {email:32} {who}")

    @transaction.atomic
    def _seed(self):
        context = demo.seed_organisations_and_people()
        for step in demo_steps():
            step(context)
        return context


def demo_steps():
    """Each app's demo step, in the order of the playbook."""
    return [
        youths_demo.seed,
        demo.seed_organisation_proposals,
        actionplans_demo.seed,
        handovers_demo.seed,
        adviesgroep_demo.seed,
        youthpage_demo.seed,
    ]
