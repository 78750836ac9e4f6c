"""E-mail those who answer for commitments that are overdue or without news (``followup.reminders``),
at most once per commitment every ``FOLLOWUP_REMINDER_DAYS`` days. Safe to run as often as wanted;
production runs it daily (see README)."""

from django.core.management.base import BaseCommand

from followup.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind those who answer for overdue or silent commitments, once per period."

    def handle(self, *args, **options):
        for line in send_reminders():
            self.stdout.write(line)
