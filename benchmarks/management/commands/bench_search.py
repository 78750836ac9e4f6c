"""Benchmark the search on a temporary database of synthetic items. Prints figures; asserts nothing."""

import resource
import tempfile
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from wagtail.search.backends import get_search_backend

from benchmarks.answers import QUERY_MIX, floor_answer, naive_timed, summarize, timed
from benchmarks.corpus import SyntheticCorpus
from hub.changes import items_changed
from hub.items import item_types
from hub.site_setup import ensure_site
from search.backends import bitmaps, get_backend
from search.documents import iter_all_documents
from search.index import rebuild_index

TARGETS = {
    "median_ms": 10,
    "p95_ms": 25,
    "floor_ratio": 1.5,
    "naive_ratio": 10,
    "memory_mb": 500,
    "rebuild_s": 60,
    "after_publication_extra_ms": 10,  # a first search after a publication, over a warm one
}
PUBLICATION = "publication"  # the row of publications: no search targets, no hits


class Command(BaseCommand):
    help = "Build a temporary database of synthetic items and time the search against its floor and the naive way."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000, help="Synthetic items (default 10,000).")
        parser.add_argument("--repeat", type=int, default=30, help="Timed runs per query kind (default 30).")
        parser.add_argument(
            "--naive-repeat", type=int, default=3, help="Timed runs of the naive way (default 3)."
        )
        parser.add_argument(
            "--skip-naive", action="store_true", help="Do not index for, nor time, the naive way."
        )
        parser.add_argument(
            "--naive-limit",
            type=float,
            default=60,
            help="Seconds after which a naive run is stopped (default 60).",
        )
        parser.add_argument(
            "--backend",
            choices=["embedded", "elasticsearch"],
            default="embedded",
            help="elasticsearch: the cluster ELASTICSEARCH_URL names, in indices of its own (default embedded).",
        )

    def handle(self, *args, count, repeat, naive_repeat, skip_naive, naive_limit, backend, **options):
        if count < 100:
            raise CommandError("--count must be at least 100.")
        if backend == "elasticsearch" and not settings.ELASTICSEARCH_URL:
            raise CommandError("--backend elasticsearch needs ELASTICSEARCH_URL.")
        workdir = tempfile.TemporaryDirectory(prefix="vigie-bench-")
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor == "sqlite":
            test_settings["NAME"] = str(Path(workdir.name) / "bench.sqlite3")
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            with ExitStack() as stack:
                stack.enter_context(override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False))
                stack.enter_context(self.backend_settings(backend))
                get_backend.cache_clear()
                stack.callback(get_backend.cache_clear)
                if backend == "elasticsearch":
                    stack.callback(get_backend().primary.drop)
                self.run_benchmark(count, repeat, naive_repeat, skip_naive, naive_limit)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            workdir.cleanup()

    @staticmethod
    def backend_settings(backend):
        """The backend to time; Elasticsearch in indices of its own, never the hub's."""
        if backend == "embedded":
            return override_settings(ELASTICSEARCH_URL="")
        prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}-bench-{uuid.uuid4().hex[:8]}"
        return override_settings(ELASTICSEARCH_INDEX_PREFIX=prefix)

    def say(self, text=""):
        self.stdout.write(text)
        self.stdout.flush()

    def run_benchmark(self, count, repeat, naive_repeat, skip_naive, naive_limit):
        self.naive_limit_ms = naive_limit * 1000
        self.say(f"Database: {connection.vendor} (temporary). Backend: {get_backend().name}.")
        started = time.perf_counter()
        ensure_site()
        created = SyntheticCorpus(count).build()
        self.say(f"Built {count:,} synthetic items {created} in {time.perf_counter() - started:.1f} s.")

        started = time.perf_counter()
        documents = rebuild_index(get_backend())
        rebuild_seconds = time.perf_counter() - started
        self.say(f"search_index rebuild: {documents:,} documents in {rebuild_seconds:.1f} s.")
        if get_backend().name == "elasticsearch":
            self.time_bulk_indexing()

        if not skip_naive:
            started = time.perf_counter()
            self.index_for_naive()
            self.say(
                f"Wagtail's built-in index (for the naive way) built in {time.perf_counter() - started:.1f} s."
            )

        client = Client()
        no_filter_count = client.get("/api/v1/search/").json()["count"]
        deep_page = max(1, no_filter_count // 20 // 2)
        rows, agree = [], True
        for kind, params in QUERY_MIX.items():
            params = {**params, "page": deep_page} if params.get("page") == "deep" else params
            page = int(params.get("page", 1))
            api_params = dict(params)
            floor_params = {key: value for key, value in params.items() if key != "page"}

            answer = client.get("/api/v1/search/", api_params).json()
            floor_count, floor_ids, floor_facets = floor_answer(floor_params, page=page)
            api_facets = {
                facet: {v["key"]: v["count"] for v in values} for facet, values in answer["facets"].items()
            }
            api_ids = [hit["id"] for hit in answer["results"]]
            if answer["count"] != floor_count or api_facets != floor_facets or api_ids != floor_ids:
                agree = False
                self.say(f"  ! {kind}: the API and the floor disagree")

            api = summarize([timed(client.get, "/api/v1/search/", api_params) for _ in range(repeat)])
            floor = summarize([timed(floor_answer, floor_params, page=page) for _ in range(repeat)])
            naive = None
            if not skip_naive:
                runs = [naive_timed(floor_params, page, naive_limit) for _ in range(naive_repeat)]
                naive = summarize(runs) if None not in runs else (None, None)
            rows.append((kind, answer["count"], api, floor, naive))
            self.say(f"  timed: {kind}")

        if get_backend().name == "embedded":
            rows += self.time_publications(client, repeat, skip_naive)

        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.report(rows, agree, peak_mb, rebuild_seconds, skip_naive)

    def time_publications(self, client, repeat, skip_naive):
        """Rows for publications and the searches right after them. "publication": a real
        ``save_revision().publish()`` of a synthetic item, its commit hooks run with only the search
        index listening (open data and the sitemap have benchmarks of their own); its floor is
        the same publication with nothing listening. "after publish": the first search in this
        process after it (the changes applied to its bitmaps); "… other worker": the same in a
        second set of snapshots, as another worker holds; their floor is the warm search."""
        other_worker = {}
        started = time.perf_counter()
        with mock.patch.object(bitmaps, "_snapshots", other_worker):
            client.get("/api/v1/search/")
        self.say(
            f"Cold snapshot load (first search of a worker): {(time.perf_counter() - started) * 1000:.0f} ms."
        )
        model = item_types()[0].model
        pages = list(model.objects.live().filter(locale__language_code="fr").order_by("-pk")[: 2 * repeat])
        samples = {PUBLICATION: ([], []), "after publish": ([], []), "… other worker": ([], [])}
        for number, page in enumerate(pages[:repeat]):
            with listening_only():
                samples[PUBLICATION][1].append(timed(publish, pages[repeat + number], "Relu"))
            with listening_only("search-items-changed"):
                samples[PUBLICATION][0].append(timed(publish, page, "Relu"))
            samples["after publish"][0].append(timed(client.get, "/api/v1/search/"))
            with mock.patch.object(bitmaps, "_snapshots", other_worker):
                samples["… other worker"][0].append(timed(client.get, "/api/v1/search/"))
            warm = timed(client.get, "/api/v1/search/")
            samples["after publish"][1].append(warm)
            samples["… other worker"][1].append(warm)
        self.say("  timed: publications and the searches after them")
        naive = None if skip_naive else (None, None)
        return [
            (kind, None, summarize(api), summarize(floor), naive) for kind, (api, floor) in samples.items()
        ]

    def time_bulk_indexing(self):
        """Elasticsearch's bulk indexing throughput: a rebuild of its index alone, less the time
        spent building the documents from the database."""
        started = time.perf_counter()
        documents = sum(1 for _document in iter_all_documents())
        building = time.perf_counter() - started
        started = time.perf_counter()
        get_backend().primary.rebuild(iter_all_documents())
        loading = time.perf_counter() - started - building
        self.say(
            f"Elasticsearch bulk indexing: {documents:,} documents in {loading:.1f} s "
            f"({documents / max(loading, 1e-9):,.0f} documents/s; building them took {building:.1f} s more)."
        )

    @staticmethod
    def index_for_naive():
        wagtail_backend = get_search_backend()
        for item_type in item_types():
            model = item_type.model
            queryset = model.objects.live().order_by("pk")
            batch = []
            for page in queryset.iterator(chunk_size=2000):
                batch.append(page)
                if len(batch) == 2000:
                    wagtail_backend.add_bulk(model, batch)
                    batch = []
            if batch:
                wagtail_backend.add_bulk(model, batch)

    def report(self, rows, agree, peak_mb, rebuild_seconds, skip_naive):
        self.say("")
        header = f"{'query kind':<14} {'hits':>7} | {'API median':>10} {'p95':>7} | {'floor med':>9} {'p95':>7} | {'API/floor':>9}"
        if not skip_naive:
            header += f" | {'naive med':>10} {'naive/API':>9}"
        self.say(header)
        self.say("-" * len(header))
        misses = []
        for kind, hits, (api_median, api_p95), (floor_median, floor_p95), naive in rows:
            ratio = api_median / floor_median if floor_median else float("inf")
            shown_hits = "-" if hits is None else format(hits, ",")
            line = (
                f"{kind:<14} {shown_hits:>7} | {api_median:>8.1f}ms {api_p95:>5.1f}ms | {floor_median:>7.1f}ms "
                f"{floor_p95:>5.1f}ms | {ratio:>8.2f}x"
            )
            if naive and hits is None:  # publications have no naive way
                line += f" | {'-':>10} {'-':>9}"
            elif naive and naive[0] is None:
                line += f" | {'>' + format(self.naive_limit_ms, '.0f'):>8}ms {'>' + format(self.naive_limit_ms / api_median, '.0f'):>8}x"
            elif naive:
                speedup = naive[0] / api_median
                line += f" | {naive[0]:>8.1f}ms {speedup:>8.1f}x"
                if speedup < TARGETS["naive_ratio"]:
                    misses.append(f"{kind}: only {speedup:.1f}x faster than the naive way")
            self.say(line)
            if kind == PUBLICATION:
                continue
            if api_median > TARGETS["median_ms"]:
                misses.append(f"{kind}: median {api_median:.1f} ms > {TARGETS['median_ms']} ms")
            if api_p95 > TARGETS["p95_ms"]:
                misses.append(f"{kind}: p95 {api_p95:.1f} ms > {TARGETS['p95_ms']} ms")
            if hits is None:  # after a publication: the floor is the warm search
                if api_median - floor_median > TARGETS["after_publication_extra_ms"]:
                    misses.append(
                        f"{kind}: {api_median - floor_median:.1f} ms over a warm search "
                        f"> {TARGETS['after_publication_extra_ms']} ms"
                    )
            elif ratio > TARGETS["floor_ratio"]:
                misses.append(f"{kind}: {ratio:.2f}x the floor > {TARGETS['floor_ratio']}x")
        self.say("")
        self.say(f"Peak memory (max RSS): {peak_mb:.0f} MB. Rebuild: {rebuild_seconds:.1f} s.")
        self.say(f"API and floor answers agree: {'yes' if agree else 'NO'}.")
        if peak_mb > TARGETS["memory_mb"]:
            misses.append(f"peak memory {peak_mb:.0f} MB > {TARGETS['memory_mb']} MB")
        if rebuild_seconds > TARGETS["rebuild_s"]:
            misses.append(f"rebuild {rebuild_seconds:.1f} s > {TARGETS['rebuild_s']} s")
        self.say("Targets: all met." if not misses else "Targets missed:\n  " + "\n  ".join(misses))


@contextmanager
def listening_only(*dispatch_uids):
    """``items_changed`` heard only by the receivers connected with these ids."""
    receivers = items_changed.receivers
    items_changed.receivers = [receiver for receiver in receivers if receiver[0][0] in dispatch_uids]
    items_changed.sender_receivers_cache.clear()
    try:
        yield
    finally:
        items_changed.receivers = receivers
        items_changed.sender_receivers_cache.clear()


def publish(page, title):
    """A real publication of ``page`` with a new title; its commit hooks run (no transaction is open)."""
    page.title = f"{title} {page.title}"
    page.save_revision().publish()
