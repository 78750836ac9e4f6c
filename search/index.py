"""Whole-index operations: rebuild from the database, compare with it, repair the difference."""

from dataclasses import dataclass, field

from . import parallel
from .documents import iter_all_documents
from .models import PendingIndexUpdate
from .sync import reindex


def rebuild_index(backend, chunk_size=1000):
    """Rebuild from the database. A backend that stores rows it makes from documents (the
    embedded one) has them made in worker processes when the index is large enough
    (``search.parallel``). A backend that keeps serving the old index while it loads the new
    one (Elasticsearch) is re-checked afterwards, so that writes made meanwhile are not lost."""
    workers, work = parallel.rebuild_plan(chunk_size) if hasattr(backend, "rebuild_rows") else (0, [])
    if workers:
        with parallel.built_in_workers(work, backend.item_rows, workers, chunk_size) as chunks:
            count = backend.rebuild_rows(chunks)
    else:
        count = backend.rebuild(iter_all_documents(), chunk_size=chunk_size)
    PendingIndexUpdate.objects.all().delete()
    if backend.serves_during_rebuild:
        sync_index(backend)
    return count


@dataclass
class IndexReport:
    missing: set = field(default_factory=set)
    extra: set = field(default_factory=set)
    stale: set = field(default_factory=set)

    def __getitem__(self, kind):
        return getattr(self, kind)

    @property
    def problem_count(self):
        return len(self.missing) + len(self.extra) + len(self.stale)


def check_index(backend):
    """Compare every stored document's fingerprint with the one built from the database now."""
    stored = backend.stored_fingerprints()
    expected = {
        (document["id"], document["locale"]): document["fingerprint"] for document in iter_all_documents()
    }
    return IndexReport(
        missing=set(expected) - set(stored),
        extra=set(stored) - set(expected),
        stale={key for key in set(expected) & set(stored) if expected[key] != stored[key]},
    )


def sync_index(backend):
    report = check_index(backend)
    pending = set(PendingIndexUpdate.objects.values_list("public_id", flat=True))
    reindex(
        {public_id for public_id, _locale in report.missing | report.extra | report.stale} | pending, backend
    )
    PendingIndexUpdate.objects.filter(public_id__in=pending).delete()
    return report
