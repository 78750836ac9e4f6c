"""``search_index rebuild`` on the embedded backend: it leaves the index that publications leave,
in one transaction (searches answer from the old index until it commits, a failed rebuild
changes nothing), and its queries do not grow with the number of items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends.embedded import FULLTEXT, ITEMS, TITLES, EmbeddedBackend
from search.documents import iter_all_documents
from search.index import rebuild_index
from search.models import IndexChange, IndexedItem
from search.query import SearchQuery
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    TestimonyFactory,
    show_testimony,
    translate_page,
)
from tests.search.test_incremental_snapshots import casefile

ROW_COLUMNS = [field.column for field in IndexedItem._meta.fields if field.column != "id"]


def stored_index():
    """Every item row without its id, and the analysed text each full-text table holds for it
    (SQLite), keyed by (public id, locale): what a search can read, whatever the row ids."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(ROW_COLUMNS)} FROM {ITEMS}")
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
        keys = {item_id: (row[0], row[1]) for item_id, row in rows.items()}
        index = {keys[item_id]: {"row": row} for item_id, row in rows.items()}
        if connection.vendor == "sqlite":
            for table, columns in ((FULLTEXT, "title_terms, body_terms"), (TITLES, "title_terms")):
                cursor.execute(f"SELECT rowid % {2**40}, rowid / {2**40}, {columns} FROM {table}")
                for item_id, _language, *text in cursor.fetchall():
                    index[keys[item_id]][table] = text
    return index


def answers(backend):
    """What readers get for a few searches in both languages: counts, hits in order, facets."""
    found = {}
    for locale in ("fr", "en"):
        for params in ({}, {"text": "fictif"}, {"text": "témoignage"}, {"service": ["sante"]}):
            results = backend.search(SearchQuery.build(locale=locale, **params))
            hits = [hit["public_id"] for hit in results.hits]
            found[(locale, str(params))] = (results.count, hits, results.facet_counts)
    return found


@pytest.fixture
def published(site_pages, committed):
    """Items of every type published one by one (each indexed as it is published): a translated
    case file, one with a testimony, a brief and an agreement."""
    page = committed(CaseFilePageFactory, services=["sante"])
    committed(translate_page, page, "en", title="Fictional case", slug="fictional-case")
    other = committed(CaseFilePageFactory, title="Dossier fictif témoigné")
    committed(show_testimony, other, TestimonyFactory(casefiles=[other]))
    committed(AdvocacyBriefPageFactory)
    committed(CollaborationAgreementPageFactory)


@pytest.mark.django_db
def test_a_rebuild_leaves_the_index_the_publications_left(published):
    backend = EmbeddedBackend()
    before, answered = stored_index(), answers(backend)
    assert len(before) == 8 and answered[("fr", "{}")][0] == 4

    assert rebuild_index(backend) == 8

    assert stored_index() == before
    assert answers(backend) == answered
    assert IndexChange.objects.count() == 1  # the log emptied: every process reads again


@pytest.mark.django_db
def test_a_rebuild_that_fails_leaves_the_old_index_whole(db):
    backend = EmbeddedBackend()
    backend.rebuild([casefile(number) for number in range(1, 4)])
    before, answered = stored_index(), answers(backend)

    def failing():
        yield casefile(7)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(failing(), chunk_size=1)

    assert stored_index() == before
    assert answers(backend) == answered


@pytest.mark.django_db
def test_a_rebuild_gives_the_items_table_its_indexes_back(db):
    def indexes():
        """The items table's indexes as the database describes them: name, columns, unique."""
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, ITEMS)
        return {(name, tuple(found["columns"]), found["unique"]) for name, found in constraints.items()}

    before = indexes()
    EmbeddedBackend().rebuild([casefile(number) for number in range(1, 4)])

    assert indexes() == before
    assert {"search_item_date", "search_item_title", "search_item_page", "search_item_unique"} <= {
        name for name, _columns, _unique in before
    }


@pytest.mark.django_db
def test_building_documents_takes_as_many_queries_for_a_few_items_as_for_many(site_pages, committed):
    def queries_to_build_every_document():
        with CaptureQueriesContext(connection) as queries:
            documents = list(iter_all_documents())
        return len(queries), len(documents)

    def publish_items(count):
        for _ in range(count):
            page = committed(CaseFilePageFactory)
            committed(show_testimony, page, TestimonyFactory(casefiles=[page]))
            committed(translate_page, page, "en", slug=f"case-{page.pk}")
            committed(AdvocacyBriefPageFactory)
            committed(CollaborationAgreementPageFactory)

    publish_items(1)
    few, documents = queries_to_build_every_document()
    assert documents == 6
    publish_items(4)
    many, documents = queries_to_build_every_document()
    assert documents == 30
    assert many == few


@pytest.mark.django_db
def test_loading_the_index_takes_as_many_queries_for_a_few_items_as_for_many(db):
    def queries_to_rebuild(count):
        with CaptureQueriesContext(connection) as queries:
            EmbeddedBackend().rebuild([casefile(number) for number in range(1, count + 1)])
        assert IndexedItem.objects.count() == count
        return len(queries)

    queries_to_rebuild(1)  # the index's state row is created by the first write, updated after
    assert queries_to_rebuild(3) == queries_to_rebuild(28)
