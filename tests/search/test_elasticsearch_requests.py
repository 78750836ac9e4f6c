"""The Elasticsearch backend without a server: the request bodies it sends, the index it creates,
how it reads answers, deep pages, the choice of backend and the fallback. Expected bodies are
written here as the JSON the issue describes, not produced by the code under test."""

import itertools
import json
import logging
from datetime import date
from pathlib import Path

import pytest
from django.test import override_settings
from elastic_transport import ConnectionTimeout
from elasticsearch import Elasticsearch

from search.backends import get_backend
from search.backends.elasticsearch import ElasticsearchBackend, HubFacetedSearch, parse_results
from search.backends.embedded import EmbeddedBackend
from search.backends.mirrored import MirroredBackend
from search.es_documents import SearchDocument, search_index
from search.query import SearchQuery, SearchResults

RECORDED = Path(__file__).parent / "recorded"
FIELDS = {
    "type": "type",
    "service": "services",
    "region": "regions",
    "risk": "risks",
    "level": "level",
    # The register's own facets (registry.items), each a field of its own.
    "lifecycle": "type_facet_lifecycle",
    "technique": "type_facet_technique",
    "disclosure": "type_facet_disclosure",
    # The dialogues' facets (dialogues.items).
    "kind": "type_facet_kind",
    "attendance_mode": "type_facet_attendance_mode",
    "accessibility": "type_facet_accessibility",
    "month": "type_facet_month",
    # The consultation reports' facet (followup.items).
    "response": "type_facet_response",
    # The learning resources' facets (learning.items).
    "resource_format": "type_facet_resource_format",
    "audience": "type_facet_audience",
    "learning_level": "type_facet_learning_level",
    "resource_language": "type_facet_resource_language",
    "learning_access": "type_facet_learning_access",
}
SOURCE = [
    "id",
    "type",
    "locale",
    "content_locale",
    "page_id",
    "title",
    "summary",
    "plain_summary",
    "url",
    "services",
    "regions",
    "risks",
    "impact_level",
    "status",
    "date",
    "updated",
]
BOTH = ["title_terms", "body_terms"]
TITLE = ["title_terms"]
TEXTS = {  # typed text: (terms, phrases) after analysis
    "": ([], []),
    "Algorithmes": (["algorithme"], []),
    '"évaluation des risques" l\'école': (["ecole"], ["evaluation risque"]),
}


def text_filter(text, fields):
    terms, phrases = TEXTS[text]
    return {
        "bool": {
            "filter": [{"multi_match": {"query": term, "fields": fields}} for term in terms]
            + [{"multi_match": {"query": phrase, "fields": fields, "type": "phrase"}} for phrase in phrases]
        }
    }


SELECTIONS = [
    {},
    {"service": ["sante"]},
    {"service": ["education", "sante"], "region": ["laval"]},
    {"type": ["brief"], "risk": ["erreurs"], "level": ["2", "none"]},
    {"type": ["system"], "lifecycle": ["in-use"], "disclosure": ["high", "low"]},
    {"kind": ["workshop"], "accessibility": ["hearing_loop", "step_free"], "month": ["2026-12"]},
    {"accessibility": ["elevator"]},
]
SORTS = {
    "relevance": ["_score", {"date": "desc"}, {"id": "desc"}],
    "newest": [{"date": "desc"}, {"id": "desc"}],
    "oldest": [{"date": "asc"}, {"id": "asc"}],
    "title": [{"sort_title": "asc"}, {"id": "asc"}],
    "updated": [{"updated": "desc"}, {"id": "desc"}],
    # The register's sort: ranked items first, highest first; the others last; ties newest first.
    "disclosure": [
        {"rank_disclosure": {"order": "desc", "missing": "_last", "unmapped_type": "integer"}},
        {"date": "desc"},
        {"id": "desc"},
    ],
    # The dialogues' sort: the soonest next session first (its rank is highest).
    "next_session": [
        {"rank_next_session": {"order": "desc", "missing": "_last", "unmapped_type": "integer"}},
        {"date": "desc"},
        {"id": "desc"},
    ],
}


# Facets whose selected values must all hold (a person's accessibility needs): each value is a
# term of its own, and the facet's counts are taken under its own selection too.
EVERY = {"accessibility", "learning_access"}


def all_of(clauses):
    if not clauses:
        return {"match_all": {}}
    return clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}}


def facet_clauses(facet, values):
    if facet in EVERY:
        return [{"term": {FIELDS[facet]: value}} for value in values]
    return [{"terms": {FIELDS[facet]: values}}]


def canonical(body):
    """``body`` with the clauses of each conjunction in one order: their order means nothing."""
    if isinstance(body, dict):
        return {
            key: sorted(map(canonical, value), key=json.dumps) if key == "must" else canonical(value)
            for key, value in body.items()
        }
    if isinstance(body, list):
        return [canonical(value) for value in body]
    return body


def expected_body(text, selected, sort, page, locale="fr", page_size=20):
    has_text = bool(TEXTS[text][0] or TEXTS[text][1])
    chosen = sort if sort in SORTS and (sort != "relevance" or has_text) else None
    chosen = chosen or ("relevance" if has_text else "newest")
    filters = {facet: facet_clauses(facet, values) for facet, values in selected.items()}
    query = {"bool": {"filter": [{"term": {"locale": locale}}]}}
    if has_text:
        query["bool"]["filter"].append(text_filter(text, BOTH))
    if chosen == "relevance":
        # Items with every word in their title score 1, the others 0; then newest first.
        query["bool"]["should"] = [{"constant_score": {"filter": text_filter(text, TITLE), "boost": 1}}]
        query["bool"]["minimum_should_match"] = 0
    body = {
        "query": query,
        "aggs": {
            f"_filter_{facet}": {
                "filter": all_of(
                    [
                        clause
                        for name, clauses in filters.items()
                        if name != facet or facet in EVERY
                        for clause in clauses
                    ]
                ),
                "aggs": {facet: {"terms": {"field": field, "size": 10_000}}},
            }
            for facet, field in FIELDS.items()
        },
        "sort": SORTS[chosen],
        "track_total_hits": True,
        "from": (page - 1) * page_size,
        "size": page_size,
        "_source": SOURCE,
    }
    if filters:
        body["post_filter"] = all_of([clause for clauses in filters.values() for clause in clauses])
    return canonical(body)


@pytest.mark.parametrize(
    ("text", "selected", "sort", "page"),
    list(itertools.product(TEXTS, SELECTIONS, ["", *SORTS], [1, 4])),
)
def test_request_body_for_every_combination_of_text_facets_sort_and_page(text, selected, sort, page):
    query = SearchQuery.build(text=text, sort=sort, page=page, **selected)

    body = HubFacetedSearch(query, "vigie").build_search().to_dict()

    assert canonical(body) == expected_body(text, selected, sort, page)


def test_the_locale_filter_is_in_the_query_so_it_scopes_hits_and_counts():
    body = (
        HubFacetedSearch(SearchQuery.build(locale="en", service=["sante"]), "vigie").build_search().to_dict()
    )

    assert body["query"] == {"bool": {"filter": [{"term": {"locale": "en"}}]}}
    assert "locale" not in json.dumps(body["post_filter"])


def test_user_syntax_never_reaches_elasticsearch():
    query = SearchQuery.build(text='title:x* AND (risque OR -"z', sort="newest")

    body = HubFacetedSearch(query, "vigie").build_search().to_dict()

    assert "query_string" not in json.dumps(body)
    assert body["query"]["bool"]["filter"][1] == {
        "bool": {
            "filter": [
                {"multi_match": {"query": term, "fields": BOTH}} for term in ("title", "x", "risque", "z")
            ]
        }
    }


def test_index_settings_analysers_and_mapping():
    index = search_index("vigie-20260101000000000000").to_dict()

    assert index["settings"]["analysis"] == {
        "analyzer": {
            "vigie_french": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "vigie_french_elision",
                    "lowercase",
                    "vigie_french_stop",
                    "asciifolding",
                    "vigie_french_stemmer",
                ],
            },
            "vigie_english": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "vigie_english_possessive",
                    "lowercase",
                    "vigie_english_stop",
                    "asciifolding",
                    "vigie_english_stemmer",
                ],
            },
            "vigie_terms": {"type": "custom", "tokenizer": "whitespace"},
        },
        "filter": {
            "vigie_french_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": [
                    "l",
                    "m",
                    "t",
                    "qu",
                    "n",
                    "s",
                    "j",
                    "d",
                    "c",
                    "jusqu",
                    "quoiqu",
                    "lorsqu",
                    "puisqu",
                ],
            },
            "vigie_french_stop": {"type": "stop", "stopwords": "_french_"},
            "vigie_french_stemmer": {"type": "stemmer", "language": "light_french"},
            "vigie_english_possessive": {"type": "stemmer", "language": "possessive_english"},
            "vigie_english_stop": {"type": "stop", "stopwords": "_english_"},
            "vigie_english_stemmer": {"type": "stemmer", "language": "light_english"},
        },
    }
    language_text = {
        "type": "text",
        "analyzer": "vigie_french",
        "fields": {"en": {"type": "text", "analyzer": "vigie_english"}},
    }
    assert index["mappings"]["properties"] == {
        **{name: {"type": "keyword"} for name in ("id", "type", "locale", "content_locale", "sort_title")},
        **{
            name: {"type": "keyword"}
            for name in ("services", "regions", "risks", "level", "quarter", "published_quarter", "status")
        },
        **dict.fromkeys(("title", "summary", "plain_summary", "body"), language_text),
        "title_terms": {"type": "text", "analyzer": "vigie_terms"},
        "body_terms": {"type": "text", "analyzer": "vigie_terms"},
        "page_id": {"type": "integer"},
        "impact_level": {"type": "integer"},
        "date": {"type": "date", "format": "strict_date"},
        "updated": {"type": "date", "format": "strict_date_optional_time"},
        "published": {"type": "date", "format": "strict_date"},
        "url": {"type": "keyword", "index": False},
        "fingerprint": {"type": "keyword", "index": False},
        **{
            f"type_facet_{name}": {"type": "keyword"}
            for name in (
                "lifecycle",
                "technique",
                "disclosure",
                "kind",
                "attendance_mode",
                "accessibility",
                "month",
                "response",
                "resource_format",
                "audience",
                "learning_level",
                "resource_language",
                "learning_access",
            )
        },
        "rank_next_session": {"type": "integer"},
        "rank_disclosure": {"type": "integer"},
    }


def test_stored_document_derives_terms_sort_title_level_and_quarters_from_the_search_document():
    document = {
        "id": "CF-2026-0009",
        "type": "casefile",
        "locale": "en",
        "content_locale": "fr",
        "page_id": 9,
        "title": "L'Évaluation des écoles",
        "summary": "Résumé",
        "plain_summary": "",
        "body": "Les journaux",
        "services": ["education"],
        "regions": [],
        "risks": [],
        "impact_level": None,
        "status": "deployed",
        "date": "2026-02-03",
        "updated": "2026-02-04T15:16:17.018+00:00",
        "published": "2026-04-01",
        "url": "/en/case-files/CF-2026-0009/",
        "fingerprint": "abc",
    }

    stored = SearchDocument.from_search_document(document, "vigie-1").to_dict(include_meta=True)

    assert stored["_id"] == "CF-2026-0009:en"
    assert stored["_index"] == "vigie-1"
    assert stored["_source"]["title_terms"] == "evaluation ecole"
    assert stored["_source"]["body_terms"] == "resume journal cf 2026 0009"
    assert stored["_source"]["sort_title"] == "l'evaluation des ecoles"
    assert stored["_source"]["level"] == "none"
    assert stored["_source"]["quarter"] == "2026-T1"  # February
    assert stored["_source"]["published_quarter"] == "2026-T2"  # April
    assert stored["_source"]["fingerprint"] == "abc"
    assert stored["_source"]["updated"] == "2026-02-04T15:16:17.018+00:00"


def recorded(name):
    return json.loads((RECORDED / f"elasticsearch_{name}.json").read_text())


def test_response_with_text_and_facets_parses_to_search_results():
    """Recorded from osmem-server for: text "risque", service sante, 3 per page (the register's,
    the dialogues', the reports' and the learning resources' facets, added later, with the empty
    counts the server gives case files for them)."""
    query = SearchQuery.build(text="risque", locale="fr", service=["sante"], page_size=3)

    results = parse_results(query, HubFacetedSearch(query, "vigie"), recorded("text_and_facets"))

    assert results.count == 4
    assert [hit["public_id"] for hit in results.hits] == ["CF-2026-0007", "CF-2026-0004", "CF-2026-0001"]
    assert results.hits[0] == {
        "public_id": "CF-2026-0007",
        "item_type": "casefile",
        "locale": "fr",
        "content_locale": "fr",
        "page_id": 7,
        "title": "Risque en habitation",
        "summary": "",
        "plain_summary": "",
        "url": "/x/",
        "services": ["habitation", "sante"],
        "regions": ["montreal"],
        "risks": ["erreurs"],
        "impact_level": 3,
        "status": "deployed",
        "date": date(2026, 3, 15),
        "updated": None,  # recorded before documents had it: read as unknown, not an error
    }
    assert results.hits[1]["impact_level"] is None
    assert results.hits[1]["risks"] == []
    assert results.facet_counts == {
        "type": {"casefile": 4},
        "service": {"sante": 4, "education": 1, "habitation": 1},
        "region": {"laval": 3, "montreal": 1},
        "risk": {"erreurs": 1},
        "level": {"none": 3, "3": 1},
        "lifecycle": {},
        "technique": {},
        "disclosure": {},
        "kind": {},
        "attendance_mode": {},
        "accessibility": {},
        "month": {},
        "response": {},
        "resource_format": {},
        "audience": {},
        "learning_level": {},
        "resource_language": {},
        "learning_access": {},
    }


def test_response_without_text_parses_to_search_results():
    """Recorded from osmem-server for: regions laval|montreal, levels 2|none, by title, page 2 of 2."""
    query = SearchQuery.build(
        locale="fr", sort="title", region=["laval", "montreal"], level=["2", "none"], page=2, page_size=2
    )

    results = parse_results(query, HubFacetedSearch(query, "vigie"), recorded("no_text"))

    assert (results.count, results.page_count) == (7, 4)
    assert [hit["public_id"] for hit in results.hits] == ["CF-2026-0003", "BR-2026-0001"]
    assert results.facet_counts["region"] == {"laval": 7}
    assert results.facet_counts["level"] == {"none": 6, "2": 1, "3": 1}


class RecordingClient:
    """Answers searches with ``total`` hits whose sort values are their rank; keeps the requests."""

    def __init__(self, total):
        self.total = total
        self.bodies = []

    def search(self, index, body):
        self.bodies.append(body)
        start = body.get("search_after", [0])[0] + body.get("from", 0)
        ranks = range(start + 1, min(start + body["size"], self.total) + 1)
        hits = [
            {"_source": {"id": f"CF-2026-{rank:05d}", "date": "2026-01-01"}, "sort": [rank]} for rank in ranks
        ]
        response = {"hits": {"total": {"value": self.total, "relation": "eq"}, "hits": hits}}
        if "aggs" in body:
            response["aggregations"] = {
                f"_filter_{facet}": {"doc_count": 0, facet: {"buckets": []}} for facet in FIELDS
            }
        return type("Answer", (), {"body": response})


def test_deep_pages_walk_with_search_after_and_never_exceed_the_result_window():
    client = RecordingClient(total=25_000)
    query = SearchQuery.build(page=1200, page_size=20)  # hits 23,981 to 24,000

    results = ElasticsearchBackend(client).search(query)

    assert results.count == 25_000
    assert [hit["public_id"] for hit in results.hits] == [
        f"CF-2026-{rank:05d}" for rank in range(23_981, 24_001)
    ]
    assert all(body.get("from", 0) + body["size"] <= 10_000 for body in client.bodies)
    assert [body.get("search_after") for body in client.bodies] == [None, None, [10_000], [20_000], [23_980]]


def test_a_page_past_the_end_asks_only_for_the_count():
    client = RecordingClient(total=100)

    results = ElasticsearchBackend(client).search(SearchQuery.build(page=1000, page_size=20))

    assert (results.count, results.hits) == (100, [])
    assert len(client.bodies) == 1


class FailingBackend:
    name = "elasticsearch"

    def search(self, query, with_facets=True):
        raise ConnectionTimeout("timed out after 2 s")


class AnsweringBackend:
    def search(self, query, with_facets=True):
        return SearchResults(query=query, count=1)


def test_a_timeout_falls_back_to_the_embedded_answer_with_a_warning(caplog):
    backend = MirroredBackend(FailingBackend(), AnsweringBackend())

    with caplog.at_level(logging.WARNING, logger="search.backends.mirrored"):
        results = backend.search(SearchQuery.build())

    assert results.count == 1
    assert "ConnectionTimeout" in caplog.text
    assert caplog.records[0].levelno == logging.WARNING


def test_an_unreachable_cluster_falls_back(caplog):
    client = Elasticsearch("http://127.0.0.1:9", request_timeout=1, max_retries=0)
    backend = MirroredBackend(ElasticsearchBackend(client), AnsweringBackend())

    with caplog.at_level(logging.WARNING, logger="search.backends.mirrored"):
        results = backend.search(SearchQuery.build())

    assert results.count == 1
    assert "answering from the fallback" in caplog.text


@pytest.fixture
def fresh_backend_choice():
    get_backend.cache_clear()
    yield
    get_backend.cache_clear()


def test_without_elasticsearch_url_the_embedded_backend_runs(fresh_backend_choice):
    with override_settings(ELASTICSEARCH_URL=""):
        assert isinstance(get_backend(), EmbeddedBackend)


def test_elasticsearch_url_selects_elasticsearch_with_the_embedded_fallback(fresh_backend_choice):
    with override_settings(
        ELASTICSEARCH_URL="https://search.example.org:9200",
        ELASTICSEARCH_USERNAME="vigie",
        ELASTICSEARCH_PASSWORD="secret",
        ELASTICSEARCH_INDEX_PREFIX="vigie-prod",
        ELASTICSEARCH_TIMEOUT=1.5,
    ):
        backend = get_backend()

    assert isinstance(backend, MirroredBackend)
    assert isinstance(backend.primary, ElasticsearchBackend)
    assert isinstance(backend.fallback, EmbeddedBackend)
    assert backend.name == "elasticsearch"
    assert backend.primary.alias == "vigie-prod"
    assert backend.primary.client._request_timeout == 1.5
    assert backend.primary.client._max_retries == 0
