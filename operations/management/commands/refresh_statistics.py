"""``manage.py refresh_statistics``: PostgreSQL's planner statistics of every table, gathered again
(nothing on SQLite, see ``operations.databases.refresh_statistics``)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from operations.databases import refresh_statistics


class Command(BaseCommand):
    help = (
        "Gather PostgreSQL's planner statistics again (ANALYZE): nightly from cron, and after "
        "loading much at once. Does nothing on SQLite."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        refresh_statistics(connection)
        self.stdout.write(
            f"Statistics refreshed ({connection.vendor}) in {time.perf_counter() - started:.1f} s."
        )
