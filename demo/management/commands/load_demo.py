"""``manage.py load_demo``: fictional demonstration content and one account per role."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load fictional demonstration content (case files, briefs, agreements, images) and one demo "
        "account per role. Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off. The demo accounts have published passwords.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a production site: load_demo creates accounts whose "
                "passwords are printed and published. Nothing was written. Use --force to load the demo anyway."
            )
        started = time.monotonic()
        report = load_demo()
        elapsed = time.monotonic() - started

        self.stdout.write(
            self.style.SUCCESS(f"Demo content loaded in {elapsed:.1f} s (all of it fictional).")
        )
        for label in sorted(set(report.created) | set(report.existing)):
            self.stdout.write(
                f"  {label}: {report.created[label]} created, {report.existing[label]} already present"
            )
        for wanted, given in report.renumbered:
            self.stdout.write(
                self.style.WARNING(f"  {wanted} was already used by another item; the demo item is {given}.")
            )
        self.stdout.write("")
        self.stdout.write("Demo accounts (for local use only; log in at /admin/):")
        for username, password, role in report.accounts:
            self.stdout.write(f"  username: {username:<15} password: {password:<22} role: {role}")
