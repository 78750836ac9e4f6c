"""The search benchmark: its synthetic corpus holds every registered item type, its floor and
naive answers agree with the API's, and nothing the requests load imports it."""

import ast
from pathlib import Path

import pytest

from benchmarks.answers import QUERY_MIX, floor_answer, naive_answer
from benchmarks.corpus import SyntheticCorpus, type_weights
from benchmarks.management.commands.bench_search import listening_only, publish
from hub.changes import items_changed
from hub.items import item_types
from search.backends import get_backend
from search.index import rebuild_index
from search.models import IndexedItem
from tests.factories import CaseFilePageFactory

SEARCH_APP = Path(__file__).resolve().parents[2] / "search"


def test_the_first_type_makes_most_of_the_corpus_and_each_other_half_the_one_before():
    assert type_weights(3) == [85, 10, 5]
    assert type_weights(1) == [100]
    assert sum(type_weights(5)) == pytest.approx(100)


@pytest.fixture
def corpus(site_pages, settings):
    settings.ELASTICSEARCH_URL = ""
    get_backend.cache_clear()
    created = SyntheticCorpus(120).build()
    rebuild_index(get_backend())
    yield created
    get_backend.cache_clear()


def test_the_corpus_holds_every_registered_type(corpus):
    assert list(corpus) == [item_type.key for item_type in item_types()]
    assert all(corpus.values())
    assert sum(corpus.values()) == 120
    for item_type in item_types():
        assert (
            item_type.model.objects.public().filter(locale__language_code="fr").count()
            == corpus[item_type.key]
        )


@pytest.mark.parametrize("kind", [kind for kind in QUERY_MIX if kind != "deep page"])
def test_the_floor_and_the_naive_way_agree_with_the_api(corpus, client, kind):
    params = QUERY_MIX[kind]
    answer = client.get("/api/v1/search/", params).json()
    count, ids, facets = floor_answer(params)
    for facet, chosen in params.items():  # the API also lists a chosen value nothing matches
        if facet in facets:
            facets[facet] = dict.fromkeys(chosen, 0) | facets[facet]
    assert answer["count"] == count
    assert [hit["id"] for hit in answer["results"]] == ids
    assert {
        facet: {v["key"]: v["count"] for v in values} for facet, values in answer["facets"].items()
    } == facets
    if "q" not in params:  # the naive way's text matching is Wagtail's, not the hub's
        naive_count, _ids, naive_facets = naive_answer(params)
        assert naive_count == count
        for facet in ("type", "service", "level"):
            assert {key: n for key, n in naive_facets[facet].items() if n} == {
                key: n for key, n in facets[facet].items() if key != "none"
            }


def test_nothing_in_search_imports_the_benchmark():
    for path in SEARCH_APP.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "benchmarks" for name in names), path


@pytest.mark.django_db
def test_a_timed_publication_reaches_the_index_only_when_the_search_listens(site_pages, committed, settings):
    settings.ELASTICSEARCH_URL = ""
    get_backend.cache_clear()
    page = committed(CaseFilePageFactory, title="Algorithme")
    receivers = list(items_changed.receivers)

    def indexed_title():
        return IndexedItem.objects.get(public_id=page.public_id, locale="fr").title

    with listening_only():  # the floor: the bare publication
        committed(publish, page, "Relu")
    assert indexed_title() == "Algorithme"
    with listening_only("search-items-changed"):
        committed(publish, page, "Relu")
    assert indexed_title() == "Relu Relu Algorithme"
    assert items_changed.receivers == receivers
    get_backend.cache_clear()
