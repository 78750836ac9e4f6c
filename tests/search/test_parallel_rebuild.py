"""A full rebuild whose rows are built in worker processes (``search.parallel``) stores exactly
what a rebuild in one process stores, in the same order; a worker that fails stops the rebuild
with a clear error and leaves the old index whole; small indexes, open transactions and
``SEARCH_REBUILD_WORKERS=0`` rebuild in process.

The workers are other processes: they see only what is committed, so these tests run on their own
committed copy of the test database (``own_database``), on SQLite as on PostgreSQL."""

import io
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from search import parallel
from search.backends.embedded import FULLTEXT, ITEMS, TITLES, EmbeddedBackend
from search.index import rebuild_index
from search.models import IndexedItem
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    TestimonyFactory,
    show_testimony,
    site_skeleton,
    translate_page,
)
from tests.search.test_rebuild import answers

COLUMNS = [field.column for field in IndexedItem._meta.fields if field.column != "id"]


@pytest.fixture
def hub(own_database, monkeypatch, settings):
    """A committed hub of every item type, some translated, one with a testimony; rebuilt in
    shares of two pages, so that each of two workers builds several shares."""
    site_skeleton()
    for number in range(5):
        page = CaseFilePageFactory(title=f"Dossier fictif {number}", services=["sante"])
        if number % 2:
            translate_page(page, "en", title=f"Fictional case {number}", slug=f"fictional-case-{number}")
    page = CaseFilePageFactory(title="Dossier fictif témoigné")
    show_testimony(page, TestimonyFactory(casefiles=[page]))
    for _ in range(3):
        AdvocacyBriefPageFactory()
        CollaborationAgreementPageFactory()
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    settings.SEARCH_REBUILD_WORKERS = "2"
    return EmbeddedBackend()


def rebuild(chunk_size=2):
    return rebuild_index(EmbeddedBackend(), chunk_size=chunk_size)


def stored():
    """Every item row in id order, ids counted from the first row (a rebuild continues the id
    sequence), and each full-text table's rows (SQLite) with the same relative ids: what
    searches, bitmaps and their tie-breaks read."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(COLUMNS)} FROM {ITEMS} ORDER BY id")
        rows = cursor.fetchall()
        first = rows[0][0]
        index = {"items": [(item_id - first, *row) for item_id, *row in rows]}
        if connection.vendor == "sqlite":
            for table in (FULLTEXT, TITLES):
                cursor.execute(f"SELECT rowid % {2**40}, rowid / {2**40}, * FROM {table} ORDER BY rowid")
                index[table] = [(item_id - first, *rest) for item_id, *rest in cursor.fetchall()]
        else:
            cursor.execute(f"SELECT id, search_vector::text FROM {ITEMS} ORDER BY id")
            index["search_vector"] = [(item_id - first, vector) for item_id, vector in cursor.fetchall()]
    return index


def started_workers(monkeypatch):
    """The worker counts of the rebuilds that used workers, as they happen."""
    counts = []
    original = parallel.built_in_workers

    def counting(work, build, workers, chunk_size=1000):
        counts.append(workers)
        return original(work, build, workers, chunk_size)

    monkeypatch.setattr(parallel, "built_in_workers", counting)
    return counts


def test_workers_store_exactly_what_one_process_stores(hub, settings, monkeypatch):
    settings.SEARCH_REBUILD_WORKERS = "0"
    assert rebuild() == 24
    in_process, answered = stored(), answers(hub)
    settings.SEARCH_REBUILD_WORKERS = "2"
    workers = started_workers(monkeypatch)

    assert rebuild() == 24

    assert workers == [2] and len(parallel.shares(2)) >= 4
    assert stored() == in_process
    assert answers(hub) == answered


def test_a_worker_that_fails_stops_the_rebuild_and_leaves_the_old_index(hub, monkeypatch):
    rebuild()
    before, answered = stored(), answers(hub)
    item_rows = EmbeddedBackend.item_rows

    def failing(documents):
        if any(document["title"] == "Dossier fictif témoigné" for document in documents):
            raise RuntimeError("rendering failed")
        return item_rows(documents)

    monkeypatch.setattr(EmbeddedBackend, "item_rows", staticmethod(failing))

    with pytest.raises(CommandError) as failure:
        call_command("search_index", "rebuild", stdout=io.StringIO())

    assert "the index is unchanged" in str(failure.value)
    assert "RuntimeError on casefile pages with translation keys" in str(failure.value)
    assert "rendering failed" in str(failure.value)
    assert stored() == before
    assert answers(hub) == answered


def test_a_worker_that_dies_stops_the_rebuild_and_leaves_the_old_index(hub, monkeypatch):
    rebuild()
    before = stored()

    def dying(documents):
        os._exit(3)

    monkeypatch.setattr(EmbeddedBackend, "item_rows", staticmethod(dying))

    with pytest.raises(CommandError) as failure:
        call_command("search_index", "rebuild", stdout=io.StringIO())

    assert "search-rebuild-0 ended (exit code 3) before building casefile pages" in str(failure.value)
    assert stored() == before


def test_a_rebuild_in_a_transaction_sees_what_it_has_not_committed(hub, monkeypatch):
    workers = started_workers(monkeypatch)
    with transaction.atomic():
        CaseFilePageFactory(title="Dossier fictif non validé")
        assert rebuild() == 26
        assert IndexedItem.objects.filter(title="Dossier fictif non validé").count() == 2
    assert workers == []


def test_small_indexes_and_no_workers_rebuild_in_process(hub, settings, monkeypatch):
    workers = started_workers(monkeypatch)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 13)  # the hub has 12 items
    assert rebuild() == 24
    monkeypatch.setattr(parallel, "MIN_ITEMS", 12)
    settings.SEARCH_REBUILD_WORKERS = "0"
    assert rebuild() == 24
    assert workers == []
    settings.SEARCH_REBUILD_WORKERS = "1"
    assert rebuild() == 24
    assert workers == [1]


def test_a_worker_count_that_is_not_a_number_is_refused_by_name(hub, settings):
    rebuild()
    before = stored()
    settings.SEARCH_REBUILD_WORKERS = "two"

    with pytest.raises(CommandError, match="SEARCH_REBUILD_WORKERS must be a whole number.*'two'"):
        call_command("search_index", "rebuild", stdout=io.StringIO())

    assert stored() == before
