"""Apply every retention rule the apps registered (``hub.retention``): testimonies past their
retention date are withdrawn, dialogue registrations deleted after their session. Safe to run as
often as wanted; production runs it daily (see README)."""

from django.core.management.base import BaseCommand

from hub.retention import apply_retention


class Command(BaseCommand):
    help = "Withdraw or delete the personal data kept past its retention."

    def handle(self, *args, **options):
        for line in apply_retention():
            self.stdout.write(line)
