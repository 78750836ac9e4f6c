"""The Elasticsearch backend over HTTP, on osmem-server (and on ELASTICSEARCH_URL's cluster for the
live tier): the same answers as the embedded backend, the rebuild behind an alias, and the
fallback when the server goes away."""

import logging
import random

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from search.backends import get_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.backends.mirrored import MirroredBackend
from search.documents import fingerprint, iter_all_documents
from search.index import check_index, rebuild_index, sync_index
from search.models import IndexedItem, PendingIndexUpdate
from search.query import SORTS, SearchQuery
from tests.factories import CaseFilePageFactory, translate_page
from tests.search.conftest import BACKENDS, elasticsearch_backend
from tests.search.elasticsearch_support import backend_on, drop, osmem_compatible_client, osmem_server

ELASTICSEARCH_KINDS = [kind for kind in BACKENDS if kind != "embedded"]
SERVICES = ["sante", "education", "habitation", "justice", "transport"]
REGIONS = ["montreal", "laval", "estrie", "outaouais"]
RISKS = ["discrimination", "vie-privee", "erreurs"]
NEEDS = ["elevator", "hearing_loop", "lsq_interpretation", "step_free_entrance"]
WORDS = "algorithme évaluations l'école logement triage urgence données caméra risque décision".split()


def corpus(count=120, seed=4):
    """Documents in both locales, a few sharing a date or a latest update, so that tie-breaks
    matter."""
    rng = random.Random(seed)
    docs = []
    for number in range(1, count + 1):
        item_type = rng.choice(["casefile", "brief", "agreement"])
        declared = {}
        if number % 6 == 0:  # a dialogue, with facets of its own: "any of" and "all of" alike
            item_type = "dialogue"
            needs = sorted(set(rng.sample(NEEDS, rng.randint(0, 3))))
            declared = {
                "kind": rng.choice(["workshop", "forum"]),
                **({"accessibility": needs} if needs else {}),
            }
        prefix = {"casefile": "CF", "dialogue": "DI"}.get(item_type, "BR")
        for locale in ("fr", "en"):
            doc = {
                "id": f"{prefix}-2026-{number:04d}",
                "type": item_type,
                "locale": locale,
                "content_locale": "fr",
                "page_id": number,
                "title": " ".join(rng.sample(WORDS, 2)).capitalize(),
                "summary": " ".join(rng.sample(WORDS, 3)),
                "plain_summary": "",
                "body": " ".join(rng.choices(WORDS, k=8)),
                "services": sorted(set(rng.sample(SERVICES, rng.randint(1, 2)))),
                "regions": sorted(set(rng.sample(REGIONS, rng.randint(0, 2)))),
                "risks": sorted(set(rng.sample(RISKS, rng.randint(0, 2)))),
                "impact_level": rng.choice([1, 2, 3, 4, None]),
                "status": "deployed",
                "date": f"2026-{rng.randint(1, 3):02d}-{rng.randint(1, 3):02d}",
                "updated": f"2026-04-0{rng.randint(1, 3)}T{rng.choice(['08:00:00', '23:59:59'])}"
                f".{rng.choice(['000', '001', '500'])}+00:00",
                "published": rng.choice([None, f"2026-{rng.randint(1, 6):02d}-01"]),
                "url": f"/{locale}/x/{number}/",
            }
            if declared:
                doc["type_facets"] = declared
            doc["fingerprint"] = fingerprint(doc)
            docs.append(doc)
    return docs


QUERIES = [
    {},
    {"locale": "en"},
    {"service": ["sante", "education"]},
    {"service": ["sante"], "region": ["laval", "estrie"], "level": ["none", "3"]},
    {"text": "algorithme"},
    {"text": "évaluation école", "risk": ["erreurs"]},
    {"text": '"évaluation risque"'},
    {"type": ["brief"], "page": 3, "page_size": 5},
    {"page": 30, "page_size": 7},  # past MAX_WINDOW as patched below: search_after
    {"page": 500},  # past the end
    {"accessibility": ["elevator", "lsq_interpretation"]},  # every need met
    {"type": ["dialogue"], "kind": ["forum", "workshop"], "accessibility": ["hearing_loop"]},
    {"service": ["sante"], "counted": ("quarter", "published_quarter")},  # the overview's timelines
]


def test_the_corpus_shares_dates_and_updates_so_that_tie_breaks_are_compared():
    french = [doc for doc in corpus() if doc["locale"] == "fr"]

    assert len({doc["date"] for doc in french}) < len(french) / 4
    assert len({doc["updated"] for doc in french}) < len(french) / 4
    assert "updated" in SORTS


@pytest.fixture(params=ELASTICSEARCH_KINDS)
def both(request, db, monkeypatch):
    """The corpus in the embedded index and on an Elasticsearch backend whose result window is
    shrunk to 50, so that deep pages take the ``search_after`` path."""
    monkeypatch.setattr("search.backends.elasticsearch.MAX_WINDOW", 50)
    documents = corpus()
    embedded = EmbeddedBackend()
    embedded.clear()
    embedded.bulk_load(documents)
    elasticsearch, context = elasticsearch_backend(request.param)
    with context:
        elasticsearch.rebuild(documents)
        yield embedded, elasticsearch
        drop(elasticsearch)


@pytest.mark.parametrize("params", QUERIES)
@pytest.mark.parametrize("sort", SORTS)
def test_both_backends_give_identical_counts_hits_and_facets(both, params, sort):
    embedded, elasticsearch = both
    query = SearchQuery.build(sort=sort, **params)

    expected, answer = embedded.search(query), elasticsearch.search(query)

    assert answer.count == expected.count
    assert answer.facet_counts == expected.facet_counts
    assert answer.hits == expected.hits


def test_needs_ticked_together_find_the_items_meeting_them_all(both):
    wanted = {"elevator", "lsq_interpretation"}
    meeting = [
        doc["id"]
        for doc in corpus()
        if doc["locale"] == "fr" and wanted <= set(doc.get("type_facets", {}).get("accessibility", []))
    ]
    assert 0 < len(meeting) < len([doc for doc in corpus() if doc.get("type_facets")]) / 2
    for backend in both:
        assert backend.search(SearchQuery.build(accessibility=sorted(wanted))).count == len(meeting)


def test_fingerprints_are_read_past_the_result_window(both):
    embedded, elasticsearch = both

    assert elasticsearch.stored_fingerprints() == embedded.stored_fingerprints()


def test_rebuild_swaps_the_alias_and_searches_never_see_a_half_built_index(both):
    _embedded, elasticsearch = both
    client, alias = elasticsearch.client, elasticsearch.alias
    (old_index,) = client.indices.get_alias(name=alias).body
    seen_during_rebuild = []

    def new_documents():
        for number, doc in enumerate(corpus(count=10, seed=9)):
            if number == 5:
                seen_during_rebuild.append(elasticsearch.search(SearchQuery.build()).count)
            yield doc

    assert elasticsearch.rebuild(new_documents(), chunk_size=3) == 20

    assert seen_during_rebuild == [120]
    (new_index,) = client.indices.get_alias(name=alias).body
    assert new_index != old_index and new_index.startswith(f"{alias}-")
    assert not client.indices.exists(index=old_index)
    assert elasticsearch.search(SearchQuery.build()).count == 10


def test_a_failed_rebuild_leaves_the_old_index_in_service(both):
    _embedded, elasticsearch = both
    client, alias = elasticsearch.client, elasticsearch.alias
    (old_index,) = client.indices.get_alias(name=alias).body

    def failing_documents():
        yield from corpus(count=5, seed=3)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        elasticsearch.rebuild(failing_documents(), chunk_size=2)

    assert list(client.indices.get_alias(name=alias).body) == [old_index]
    assert list(client.indices.get(index=f"{alias}-*").body) == [old_index]
    assert elasticsearch.search(SearchQuery.build()).count == 120


@pytest.fixture
def configured_elasticsearch(db):
    """ELASTICSEARCH_URL pointing at osmem-server: the configuration a deployment uses."""
    server = osmem_server()
    prefix = backend_on(server.url).alias
    with (
        osmem_compatible_client(),
        override_settings(ELASTICSEARCH_URL=server.url, ELASTICSEARCH_INDEX_PREFIX=prefix),
    ):
        get_backend.cache_clear()
        backend = get_backend()
        yield backend
        drop(backend.primary)
    get_backend.cache_clear()


def test_publishing_rebuild_check_and_sync_keep_both_indices(site_pages, committed, configured_elasticsearch):
    backend = configured_elasticsearch
    page = committed(CaseFilePageFactory, title="Triage à l'urgence", services=["sante"])
    committed(translate_page, page, "en", title="Emergency triage", slug="emergency-triage")
    other = committed(CaseFilePageFactory, title="Logement")

    assert isinstance(backend, MirroredBackend)
    keys = {(page.public_id, "fr"), (page.public_id, "en"), (other.public_id, "fr"), (other.public_id, "en")}
    assert set(backend.primary.stored_fingerprints()) == keys
    assert backend.primary.stored_fingerprints() == backend.fallback.stored_fingerprints()
    english = backend.search(SearchQuery.build(text="emergency", locale="en"))
    assert [hit["title"] for hit in english.hits] == ["Emergency triage"]

    call_command("search_index", "rebuild")
    call_command("search_index", "check")  # exits 1 on any difference

    backend.primary.delete_keys({(other.public_id, "en")})
    assert check_index(backend).problem_count == 1
    with pytest.raises(SystemExit):
        call_command("search_index", "check")
    call_command("search_index", "sync")
    assert check_index(backend).problem_count == 0


def test_search_falls_back_when_the_server_stops_and_publishing_never_fails(
    site_pages, committed, monkeypatch, caplog
):
    osmem = pytest.importorskip("osmem_server")
    server = osmem.OsmemServer.start(japanese=False)
    with osmem_compatible_client():
        primary = backend_on(server.url, timeout=1)
        backend = MirroredBackend(primary, EmbeddedBackend())
        monkeypatch.setattr("search.sync.get_backend", lambda: backend)
        page = committed(CaseFilePageFactory, title="Caméras au parc", services=["sante"])
        rebuild_index(backend)
        before = backend.search(SearchQuery.build(text="camera"))
        assert [hit["public_id"] for hit in before.hits] == [page.public_id]

        server.close()
        with caplog.at_level(logging.WARNING, logger="search.backends.mirrored"):
            during = backend.search(SearchQuery.build(text="camera"))
        assert (during.count, during.hits, during.facet_counts) == (
            before.count,
            before.hits,
            before.facet_counts,
        )
        assert "answering from the fallback" in caplog.text

        later = committed(CaseFilePageFactory, title="Caméras à l'école")
        assert later.live
        assert PendingIndexUpdate.objects.filter(public_id=later.public_id).exists()
        assert IndexedItem.objects.filter(public_id=later.public_id).count() == 2
        assert backend.search(SearchQuery.build(text="camera")).count == 2

        restarted = osmem.OsmemServer.start(japanese=False)
        try:
            backend.primary = ElasticsearchBackend(backend_on(restarted.url).client, prefix=primary.alias)
            report = sync_index(backend)
            assert report.problem_count == 4  # the new cluster held nothing
            assert check_index(backend).problem_count == 0
            assert not PendingIndexUpdate.objects.exists()
            assert backend.primary.search(SearchQuery.build(text="camera")).count == 2
        finally:
            restarted.close()


def test_rebuild_with_the_cluster_down_says_so_and_still_rebuilds_the_fallback(site_pages):
    page = CaseFilePageFactory(title="Caméras au parc")
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9", ELASTICSEARCH_TIMEOUT=1):
        get_backend.cache_clear()
        try:
            with pytest.raises(CommandError, match="The search cluster failed .*ConnectionError"):
                call_command("search_index", "rebuild")
        finally:
            get_backend.cache_clear()

    assert IndexedItem.objects.filter(public_id=page.public_id).count() == 2


def test_a_page_published_during_a_rebuild_is_in_the_new_index(
    site_pages, committed, configured_elasticsearch, monkeypatch
):
    backend = configured_elasticsearch
    committed(CaseFilePageFactory, title="Avant")
    published_meanwhile = []

    def documents_while_an_editor_publishes():
        for number, document in enumerate(iter_all_documents()):
            if number == 1 and not published_meanwhile:  # the alias still names the old index
                published_meanwhile.append(committed(CaseFilePageFactory, title="Pendant"))
            yield document

    monkeypatch.setattr("search.index.iter_all_documents", documents_while_an_editor_publishes)
    rebuild_index(backend)

    (page,) = published_meanwhile
    assert {(page.public_id, "fr"), (page.public_id, "en")} <= set(backend.primary.stored_fingerprints())
    assert check_index(backend).problem_count == 0
