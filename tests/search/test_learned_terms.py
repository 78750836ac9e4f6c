"""A frequent word is learned from SQL once for every process: the others take its matches from
the shared cache and apply the index's changes since, and answer exactly as SQL would."""

import threading
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends import embedded, learned_terms
from search.backends.bitmaps import snapshot
from search.backends.embedded import EmbeddedBackend
from search.models import IndexedItem
from search.query import SearchQuery
from tests.search.test_incremental_snapshots import casefile, process


def text_queries(queries):
    """The statements that asked the full-text index (FTS5 or the tsvector)."""
    return [query["sql"] for query in queries if " MATCH " in query["sql"] or "@@" in query["sql"]]


def ids(backend, text, sort="relevance"):
    return [
        hit["public_id"] for hit in backend.search(SearchQuery.build(text=text, locale="fr", sort=sort)).hits
    ]


@pytest.fixture
def backend(db, monkeypatch):
    cache.clear()
    monkeypatch.setattr(embedded, "FREQUENT_TERM", 1)  # every word the five items hold is frequent
    backend = EmbeddedBackend()
    backend.clear()
    backend.bulk_load(
        [casefile(number, summary="algorithme" if number % 2 else "logement") for number in range(1, 6)]
    )
    return backend


def test_a_second_process_answers_a_word_another_learned_without_asking_sql(backend):
    with process({}):
        learned = ids(backend, "algorithme")
    assert learned == ["CF-2026-0005", "CF-2026-0003", "CF-2026-0001"]

    with process({}), CaptureQueriesContext(connection) as queries:
        assert ids(backend, "algorithme") == learned
    assert text_queries(queries) == []


def test_the_changes_since_it_was_learned_are_applied(backend):
    with process({}):
        ids(backend, "algorithme")
    backend.replace({"CF-2026-0003"}, [])  # had the word: leaves
    backend.replace({"CF-2026-0007"}, [casefile(7, summary="algorithme")])  # in its text
    backend.replace({"CF-2026-0008"}, [casefile(8, title="Algorithme", summary="")])  # in its title
    backend.replace({"CF-2026-0009"}, [casefile(9, summary="logement")])  # without it
    backend.replace({"CF-2026-0010"}, [casefile(10, summary="algorithme")])
    backend.replace({"CF-2026-0010"}, [])  # added and removed since

    with process({}), CaptureQueriesContext(connection) as queries:
        recalled = ids(backend, "algorithme")
    assert text_queries(queries) == []
    # Relevance: the item with the word in its title first, then the others newest first.
    assert recalled == ["CF-2026-0008", "CF-2026-0007", "CF-2026-0005", "CF-2026-0001"]
    # What is shared for the next process is the index now, not what was learned plus everything since.
    _token, _position, shared, shared_titles = cache.get(learned_terms.key("fr", "algorithme"))
    holding = IndexedItem.objects.filter(locale="fr", public_id__in=recalled)
    assert learned_terms.unpack(shared) == set(holding.values_list("id", flat=True))
    assert learned_terms.unpack(shared_titles) == set(
        holding.filter(title="Algorithme").values_list("id", flat=True)
    )

    cache.clear()
    with process({}), CaptureQueriesContext(connection) as queries:
        assert ids(backend, "algorithme") == recalled
    assert text_queries(queries)  # learned from SQL: the same answer


def test_after_a_rebuild_the_word_is_learned_from_sql_again(backend):
    with process({}):
        ids(backend, "algorithme")
    backend.rebuild([casefile(11, summary="logement"), casefile(12, summary="algorithme")])

    with process({}), CaptureQueriesContext(connection) as queries:
        assert ids(backend, "algorithme") == ["CF-2026-0012"]
    assert text_queries(queries)


def test_a_process_behind_the_entry_learns_from_sql(backend):
    """An entry learned at a newer state than a process's bitmaps is not applied backwards."""
    behind = {}
    with process(behind):
        ids(backend, "logement")
    snap = snapshot("fr")
    backend.replace({"CF-2026-0003"}, [])  # held the word
    with process({}):
        ids(backend, "algorithme")  # learned at the newer state, without it

    with process(behind), CaptureQueriesContext(connection) as queries:
        assert backend._learn(snap, "fr", "algorithme", strict=False) is not None
    assert text_queries(queries)


def test_threads_of_a_process_learn_a_word_once(backend):
    snap = snapshot("fr")
    every = [snap.item_ids[ordinal] for ordinal in range(snap.size)]
    calls = []

    def slow_sql(locale, parsed, title_only=False):
        calls.append(title_only)
        time.sleep(0.2)
        return every

    with mock.patch.object(backend, "_matching_ids", slow_sql):
        threads = [threading.Thread(target=backend._learn, args=(snap, "fr", "mot", False)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(calls) == [False, True]  # the word's items and its titles, once
    assert snap.terms["mot"][0] == snap.live
