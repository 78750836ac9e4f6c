"""Time every kind of public page at two sizes of a synthetic hub. Prints figures; asserts nothing."""

import tempfile
from contextlib import ExitStack
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from benchmarks.pages import bench_pages, time_page
from search.backends import get_backend

TARGET_MEDIAN_MS = 50


class Command(BaseCommand):
    help = (
        "Build a temporary synthetic hub (as synthesize does) at --count items and at a tenth of "
        "it, and time every kind of public page with the test client: median, p95, SQL queries "
        "and size, to show which pages stay under 50 ms and keep a number of queries that does "
        "not grow with the number of items. --use-current times the configured database instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000, help="Synthetic items (default 10,000).")
        parser.add_argument(
            "--small",
            type=int,
            help="Items of the second, smaller hub, to compare query counts (default: a tenth of --count).",
        )
        parser.add_argument(
            "--repeat", type=int, default=20, help="Timed runs per page after the first (default 20)."
        )
        parser.add_argument(
            "--use-current",
            action="store_true",
            help="Time the configured database as it is (one size; nothing is built or written).",
        )

    def handle(self, *args, count, small, repeat, use_current, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        if use_current:
            with self.bench_settings():
                self.say(
                    f"Database: {connection.vendor}, as configured. {repeat} runs per page after a first."
                )
                self.report({"current": self.time_pages(repeat)})
            return
        small = small if small is not None else count // 10
        if small < 10 or count < 10:
            raise CommandError("--count and --small must be at least 10.")
        if small >= count:
            raise CommandError("--small must be smaller than --count.")
        results = {}
        for size in (small, count):
            results[size] = self.time_hub(size, repeat)
        self.report(results)

    def say(self, text=""):
        self.stdout.write(text)
        self.stdout.flush()

    @staticmethod
    def bench_settings(**extra):
        """The public site as a visitor gets it (DEBUG off), with no rate limit between the
        benchmark's requests."""
        return override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False, RATELIMIT_ENABLE=False, **extra)

    def time_hub(self, size, repeat):
        """A temporary database, media folder and cache holding a synthetic hub of ``size`` items,
        timed, then removed."""
        workdir = tempfile.TemporaryDirectory(prefix="vigie-bench-pages-")
        folder = Path(workdir.name)
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor == "sqlite":
            test_settings["NAME"] = str(folder / "bench.sqlite3")
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            with ExitStack() as stack:
                stack.enter_context(
                    self.bench_settings(
                        MEDIA_ROOT=folder / "media",
                        OPEN_DATA_ROOT=folder / "media" / "open-data",
                        ELASTICSEARCH_URL="",
                        CACHES={
                            "default": {
                                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                "LOCATION": f"bench-pages-{size}",
                            }
                        },
                    )
                )
                get_backend.cache_clear()
                stack.callback(get_backend.cache_clear)
                self.say(f"Building a synthetic hub of {size:,} items ({connection.vendor}, temporary)...")
                output = StringIO()
                call_command("synthesize", count=size, stdout=output)
                for line in output.getvalue().splitlines():
                    self.say(f"  {line}")
                return self.time_pages(repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            workdir.cleanup()

    def time_pages(self, repeat):
        client = Client()
        client.get(
            "/"
        )  # the language redirect: loads the URLconf and middleware, which no page should pay for
        timings = {}
        for page in bench_pages():
            timings[page.label] = time_page(client, page, repeat)
        return timings

    def report(self, results):
        sizes = list(results)
        largest = results[sizes[-1]]
        smaller = results[sizes[0]] if len(sizes) > 1 else None
        self.say("")
        if smaller is not None:
            self.say(f"Figures at {sizes[-1]:,} items; queries also at {sizes[0]:,} items.")
        header = (
            f"{'page':<32} {'status':>6} | {'first':>8} {'median':>8} {'p95':>8} | "
            f"{'queries first/warm':>18} | {'KB':>8}"
        )
        if smaller is not None:
            header += f" | {'queries at ' + format(sizes[0], ','):>18}"
        self.say(header)
        self.say("-" * len(header))
        misses = []
        for label, timing in largest.items():
            line = (
                f"{label:<32} {timing.status:>6} | {timing.first_ms:>6.1f}ms {timing.median_ms:>6.1f}ms "
                f"{timing.p95_ms:>6.1f}ms | {f'{timing.first_queries}/{timing.queries}':>18} | "
                f"{timing.size / 1024:>8.1f}"
            )
            if timing.median_ms > TARGET_MEDIAN_MS:
                misses.append(f"{label}: median {timing.median_ms:.1f} ms > {TARGET_MEDIAN_MS} ms")
            if smaller is not None:
                other = smaller.get(label)
                if other is None:
                    line += f" | {'-':>18}"
                else:
                    line += f" | {f'{other.first_queries}/{other.queries}':>18}"
                    if (other.first_queries, other.queries) != (timing.first_queries, timing.queries):
                        misses.append(
                            f"{label}: queries {other.first_queries}/{other.queries} at {sizes[0]:,} items, "
                            f"{timing.first_queries}/{timing.queries} at {sizes[-1]:,}"
                        )
            self.say(line)
        self.say("")
        self.say(
            f"first: the first request (caches cold); median and p95: the {len(timing.samples)} runs after it. "
            "KB: the answer's body."
        )
        self.say(
            f"Targets: median <= {TARGET_MEDIAN_MS} ms per page"
            + ("; queries (first and warm) the same at both sizes." if smaller is not None else ".")
        )
        self.say("Targets: all met." if not misses else "Targets missed:\n  " + "\n  ".join(misses))
