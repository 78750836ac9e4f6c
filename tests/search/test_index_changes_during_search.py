"""A search on the embedded index reads its facet bitmaps (held in memory, shared by the
process's threads) and then the database: an index write that commits in between must not
fail the search or hide the items it rewrote. Here the write is made at that very moment."""

import pytest

from search.backends import embedded
from search.backends.embedded import EmbeddedBackend
from search.query import SearchQuery
from search.sync import reindex
from tests.factories import CaseFilePageFactory


@pytest.fixture
def items(site_pages, committed):
    return [committed(CaseFilePageFactory, title=f"Algorithme numéro {number}") for number in range(3)]


@pytest.fixture
def write_after_snapshot(monkeypatch):
    """Run ``write`` once, right after the search has taken its bitmaps."""

    def arrange(write):
        taken = embedded.snapshot
        pending = [write]

        def snapshot_then_write(locale):
            snap = taken(locale)
            while pending:
                pending.pop()()
            return snap

        monkeypatch.setattr(embedded, "snapshot", snapshot_then_write)

    return arrange


def retitle(page, title):
    def write():
        page.title = title
        page.save_revision().publish()
        reindex({page.public_id})

    return write


def unpublish(page):
    def write():
        page.unpublish()
        reindex({page.public_id})

    return write


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "algorithme"])
def test_an_item_rewritten_during_a_search_is_found_as_it_now_is(items, write_after_snapshot, text):
    EmbeddedBackend().search(SearchQuery.build(locale="fr"))  # the bitmaps are loaded and cached
    write_after_snapshot(retitle(items[0], "Algorithme renommé"))

    results = EmbeddedBackend().search(SearchQuery.build(text=text, locale="fr"))

    assert results.count == 3
    assert sorted(hit["title"] for hit in results.hits) == [
        "Algorithme numéro 1",
        "Algorithme numéro 2",
        "Algorithme renommé",
    ]
    assert results.facet_counts["service"] == {"sante": 3}


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "algorithme"])
def test_an_item_unpublished_during_a_search_is_left_out(items, write_after_snapshot, text):
    EmbeddedBackend().search(SearchQuery.build(locale="fr"))
    write_after_snapshot(unpublish(items[1]))

    results = EmbeddedBackend().search(SearchQuery.build(text=text, locale="fr"))

    assert results.count == 2
    assert sorted(hit["public_id"] for hit in results.hits) == sorted(
        [items[0].public_id, items[2].public_id]
    )
