"""Rebuild, check or repair the search index against the database, the source of truth."""

import time

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.backends.elasticsearch import ELASTICSEARCH_ERRORS
from search.index import check_index, rebuild_index, sync_index
from search.parallel import WorkerFailed


class Command(BaseCommand):
    help = "rebuild: rebuild the index from the database; check: report missing, extra or stale documents (exit 1 if any); sync: repair them."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "sync"])

    def handle(self, *args, action, **options):
        try:
            self.run(action)
        except ELASTICSEARCH_ERRORS as error:
            raise CommandError(
                f"The search cluster failed ({type(error).__name__}: {error}). "
                "Searches keep using the index they had; run the command again once it answers."
            ) from error
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        except WorkerFailed as error:
            raise CommandError(f"The rebuild stopped, the index is unchanged: {error}") from error

    def run(self, action):
        backend = get_backend()
        started = time.perf_counter()
        if action == "rebuild":
            count = rebuild_index(backend)
            self.stdout.write(
                f"Indexed {count} documents in {time.perf_counter() - started:.1f} s ({backend.name})."
            )
            return
        report = check_index(backend) if action == "check" else sync_index(backend)
        for kind in ("missing", "extra", "stale"):
            keys = report[kind]
            self.stdout.write(f"{kind}: {len(keys)}")
            for public_id, locale in sorted(keys)[:50]:
                self.stdout.write(f"  {public_id} ({locale})")
        if action == "check" and report.problem_count:
            self.stderr.write(f"The index differs from the database in {report.problem_count} documents.")
            raise SystemExit(1)
        if action == "sync":
            self.stdout.write(f"Repaired {report.problem_count} documents.")
