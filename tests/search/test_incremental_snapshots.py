"""Processes keep their bitmaps current by applying the index's change log, not by reading a whole
language again: after any sequence of additions, removals and replacements they answer exactly
as a process that has just started, and as the plain-Python expectation of test_facet_counts."""

import runpy
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends import bitmaps, embedded
from search.backends.bitmaps import Snapshot
from search.backends.embedded import EmbeddedBackend
from search.documents import fingerprint
from search.models import IndexChange
from search.query import SearchQuery
from tests.search.test_facet_counts import ORDERS, documents, expected_counts, matches, selections

GUNICORN_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def renumbered(doc, number):
    doc = {**doc, "id": f"CF-2026-{number:04d}", "page_id": number, "url": f"/fr/dossiers/{number}/"}
    doc["fingerprint"] = fingerprint(doc)
    return doc


@contextmanager
def process(cache):
    """Searches made inside run as in a process whose snapshots are ``cache`` (a dict)."""
    with mock.patch.object(bitmaps, "_snapshots", cache):
        yield


@contextmanager
def counting_loads():
    """A list that gets one entry per full read of a language."""
    loads = []
    original = Snapshot.load.__func__

    def load(cls, locale):
        loads.append(locale)
        return original(cls, locale)

    with mock.patch.object(Snapshot, "load", classmethod(load)):
        yield loads


def answer(backend, query):
    results = backend.search(query)
    return results.count, [hit["public_id"] for hit in results.hits], results.facet_counts


operations = st.lists(
    st.tuples(st.sampled_from(["add", "remove", "replace"]), st.integers(min_value=0, max_value=999)),
    min_size=1,
    max_size=10,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    initial=documents(),
    spare=documents(),
    steps=operations,
    selected=selections,
    word=st.sampled_from(["", "algorithme", "école", '"algorithme logement"']),
    sort=st.sampled_from(["relevance", "newest", "oldest", "title", "updated"]),
    page=st.integers(min_value=1, max_value=4),
    frequent=st.sampled_from([1, 10**9]),  # every word as bitmaps, or every word through SQL
)
def test_changes_applied_answer_like_a_fresh_read_and_the_expectation(
    db, initial, spare, steps, selected, word, sort, page, frequent
):
    backend = EmbeddedBackend()
    backend.clear()
    backend.bulk_load(initial)
    current = {doc["id"]: doc for doc in initial}
    spare = [renumbered(doc, 100 + number) for number, doc in enumerate(spare)]
    query = SearchQuery.build(text=word, locale="fr", sort=sort, page=page, page_size=3, **selected)
    every = SearchQuery.build(text=word, locale="fr", sort=sort, page_size=100, **selected)
    running = {}
    with mock.patch.object(embedded, "FREQUENT_TERM", frequent), process(running):
        answer(backend, query)  # the process holds its bitmaps (and the words', and the sort's order)
        for action, pick in steps:
            chosen = sorted(current)[pick % len(current)] if current else None
            if action == "add" and spare:
                doc = spare.pop()
                backend.replace({doc["id"]}, [doc])
                current[doc["id"]] = doc
            elif action == "remove" and chosen:
                backend.replace({chosen}, [])
                del current[chosen]
            elif action == "replace" and chosen and spare:
                doc = renumbered(spare.pop(), int(chosen[-4:]))
                backend.replace({chosen}, [doc])
                current[chosen] = doc

            with counting_loads() as loads:
                seen = answer(backend, query), answer(backend, every)
            assert loads == []
            with process({}):
                assert (answer(backend, query), answer(backend, every)) == seen

            count, ids, facet_counts = seen[1]
            if '"' not in word:
                expected = [doc for doc in current.values() if matches(doc, selected, word)]
                assert count == len(expected)
                assert facet_counts == expected_counts(list(current.values()), selected, word)
                if sort in ORDERS:
                    assert ids == ORDERS[sort](expected)


def casefile(number, **fields):
    doc = {
        "id": f"CF-2026-{number:04d}",
        "type": "casefile",
        "locale": "fr",
        "content_locale": "fr",
        "page_id": number,
        "title": f"Dossier {number}",
        "summary": "algorithme",
        "plain_summary": "",
        "body": "",
        "services": ["sante"],
        "regions": ["laval"],
        "risks": [],
        "impact_level": None,
        "status": "deployed",
        "date": f"2026-01-{number:02d}",
        "updated": "2026-01-01T12:00:00.000+00:00",
        "published": "2026-01-02",
        "url": f"/fr/x/{number}/",
        **fields,
    }
    doc["fingerprint"] = fingerprint(doc)
    return doc


@pytest.fixture
def backend(db):
    backend = EmbeddedBackend()
    backend.clear()
    backend.bulk_load([casefile(number) for number in range(1, 6)])
    return backend


def newest(backend, text=""):
    return [hit["public_id"] for hit in backend.search(SearchQuery.build(text=text, locale="fr")).hits]


def test_a_publication_reaches_every_process_without_a_full_read(backend):
    first, second = {}, {}
    for cache in (first, second):
        with process(cache):
            assert len(newest(backend)) == 5

    backend.replace({"CF-2026-0009"}, [casefile(9, services=["education"])])
    backend.replace({"CF-2026-0002"}, [])

    with counting_loads() as loads:
        for cache in (first, second):
            with process(cache):
                assert newest(backend) == [
                    "CF-2026-0009",
                    "CF-2026-0005",
                    "CF-2026-0004",
                    "CF-2026-0003",
                    "CF-2026-0001",
                ]
                counts = backend.search(SearchQuery.build(locale="fr", service=["education"])).facet_counts
                assert counts["service"] == {"sante": 4, "education": 1}
    assert loads == []


def test_the_first_search_after_a_publication_reads_only_the_changes(backend, settings):
    newest(backend)
    backend.replace({"CF-2026-0003"}, [casefile(3, title="Renommé")])

    with counting_loads() as loads, CaptureQueriesContext(connection) as queries:
        assert newest(backend)[2] == "CF-2026-0003"
    assert loads == []
    # The state with the changes since, the two rows they added, the page of hits.
    assert len(queries) == 3, [query["sql"] for query in queries]


def test_the_log_is_pruned_and_a_process_left_behind_reads_everything_again(backend, monkeypatch):
    monkeypatch.setattr(bitmaps, "LOG_KEPT", 4)
    behind = {}
    with process(behind):
        newest(backend)
    for number in range(10, 14):
        backend.replace({f"CF-2026-{number:04d}"}, [casefile(number)])

    assert IndexChange.objects.count() <= 4
    with process(behind), counting_loads() as loads:
        assert newest(backend)[:4] == ["CF-2026-0013", "CF-2026-0012", "CF-2026-0011", "CF-2026-0010"]
    assert loads == ["fr"]


def test_a_rebuild_makes_every_process_read_everything_again(backend):
    newest(backend)
    backend.rebuild([casefile(7), casefile(8)])

    with counting_loads() as loads:
        assert newest(backend) == ["CF-2026-0008", "CF-2026-0007"]
    assert loads == ["fr"]


def test_a_write_rolled_back_is_forgotten_by_a_process_that_saw_it(backend):
    newest(backend)
    with pytest.raises(RuntimeError), transaction.atomic():
        backend.replace({"CF-2026-0008"}, [casefile(8)])
        assert newest(backend)[0] == "CF-2026-0008"
        raise RuntimeError
    backend.replace({"CF-2026-0006"}, [casefile(6)])

    assert newest(backend) == [f"CF-2026-{number:04d}" for number in (6, 5, 4, 3, 2, 1)]


def test_a_new_server_worker_reads_its_bitmaps_before_its_first_search(backend):
    """gunicorn calls the configuration's post_worker_init in each new worker: after it, the first
    search in either language reads no language whole (a reader never waits for it)."""
    hooks = runpy.run_path(str(GUNICORN_CONFIG))
    worker = mock.Mock()
    new_process = {}
    # The hook hands its database connection back before the worker serves; here that connection
    # holds the test's transaction, so the call is recorded rather than made.
    with (
        process(new_process),
        mock.patch("search.backends.get_backend", return_value=backend),
        mock.patch.object(connections, "close_all") as close_all,
    ):
        hooks["post_worker_init"](worker)
        close_all.assert_called_once_with()
        with counting_loads() as loads:
            for language in ("fr", "en"):
                backend.search(SearchQuery.build(locale=language))

    assert loads == []
    assert {key[-1] for key in new_process} == {"fr", "en"}
    worker.log.exception.assert_not_called()
