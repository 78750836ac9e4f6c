"""Withdraw the testimonies kept past their retention date. Safe to run as often as wanted;
production runs it daily (see README)."""

from django.core.management.base import BaseCommand

from impacts.testimonies import apply_retention


class Command(BaseCommand):
    help = "Withdraw testimonies whose retention date has passed."

    def handle(self, *args, **options):
        withdrawn = apply_retention()
        if withdrawn:
            self.stdout.write(f"Withdrew {len(withdrawn)} testimonies: {', '.join(withdrawn)}")
        else:
            self.stdout.write("No testimony past its retention date.")
