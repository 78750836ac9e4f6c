"""``manage.py refresh_statistics``: the planner statistics of every table, gathered again
(``operations.databases.refresh_statistics``)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from operations.databases import refresh_statistics


class Command(BaseCommand):
    help = (
        "Gather the database planner's statistics again (ANALYZE): nightly from cron, and after "
        "loading much at once."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        refresh_statistics(connection)
        self.stdout.write(
            f"Statistics refreshed ({connection.vendor}) in {time.perf_counter() - started:.1f} s."
        )
