"""Fill the configured database with a synthetic hub, to measure a staging copy at scale."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from benchmarks.corpus import SyntheticCorpus
from hub.items import item_types
from hub.models import DemoMarker
from hub.site_setup import ensure_site
from operations.databases import refresh_statistics
from search.backends import get_backend
from search.index import rebuild_index


class Command(BaseCommand):
    help = (
        "Fill an empty database with N synthetic published items of every registered type "
        "(fictional, and marked so on every page), then build the search index and open data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many items to create.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--skip-open-data", action="store_true", help="Do not build the open data files afterwards."
        )

    def handle(self, *args, count, seed, skip_open_data, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        ensure_site()
        existing = sum(item_type.model.objects.count() for item_type in item_types())
        if existing:
            raise CommandError(
                f"This database already holds {existing:,} items; synthesize fills an empty one "
                "(run it on a fresh database: a staging copy, never the production site)."
            )
        with transaction.atomic():
            DemoMarker.objects.update_or_create(pk=1)
        started = time.perf_counter()
        created = SyntheticCorpus(count, seed=seed).build()
        self.stdout.write(
            f"Created {count:,} synthetic items {created} in {time.perf_counter() - started:.1f} s."
        )
        started = time.perf_counter()
        documents = rebuild_index(get_backend())
        self.stdout.write(f"Search index: {documents:,} documents in {time.perf_counter() - started:.1f} s.")
        refresh_statistics(connection)
        if not skip_open_data:
            started = time.perf_counter()
            call_command("build_open_data", stdout=self.stdout)
            self.stdout.write(f"Open data built in {time.perf_counter() - started:.1f} s.")
