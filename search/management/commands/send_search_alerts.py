"""Send the digests of search alerts for the current period (``search.alerts``). Idempotent per
period: run it daily from cron; a second run the same day (the same ISO week for weekly alerts),
even at the same moment, sends nothing."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.alerts import Frequency, send_digests

OUTCOMES = ("sent", "empty", "failed", "invalid")


def moment(value):
    """``--now``: an ISO date and time, on the site's clock unless it says its offset."""
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--now: not an ISO date and time: {value!r}") from error
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


class Command(BaseCommand):
    help = "Send the daily and weekly digests of search alerts not yet sent in their period."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=Frequency.values, help="only these alerts")
        parser.add_argument("--now", help="the moment to send as of, ISO (tests, catching up)")

    def handle(self, *args, frequency=None, now=None, **options):
        now = moment(now) if now else timezone.now()
        parts = []
        for chosen in [frequency] if frequency else Frequency.values:
            period, outcomes = send_digests(chosen, now)
            counts = ", ".join(f"{outcomes[outcome]} {outcome}" for outcome in OUTCOMES)
            parts.append(f"{chosen} {period}: {counts}")
        self.stdout.write(f"Search alerts: {'; '.join(parts)}.")
