from django.core.management.base import BaseCommand

from actionplans.reminders import reminders_send


class Command(BaseCommand):
    help = "Send each user one e-mail digest of what is overdue or due within 7 days (at most once a day)."

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} digest(s) sent.")
