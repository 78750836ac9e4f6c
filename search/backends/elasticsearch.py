"""The Elasticsearch backend: the same interface and the same answers as the embedded one, for a
hub whose search outgrows one machine.

Searches read an alias (the index prefix) that points at one versioned index ``<prefix>-<time>``;
a rebuild loads a new index and swaps the alias in one ``update_aliases`` call, so searches never
see a half-built index. A search is one ``FacetedSearch`` request: the locale filter in the query
(it applies to hits and counts), the selected facet values in ``post_filter`` and, in each facet's
aggregation, every other facet's filter: the disjunctive counts of the embedded backend."""

import operator
from contextlib import suppress
from datetime import date, datetime
from functools import reduce

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch.dsl import FacetedSearch, Q, Search, TermsFacet
from elasticsearch.helpers import BulkIndexError

from ..documents import LANGUAGES
from ..es_documents import SearchDocument, document_key, facet_field, new_index_name, rank_field, search_index
from ..query import SearchResults
from ..text import document_terms
from ..vocabulary import COUNTED_ONLY, matches_all
from .base import SearchBackend, chunked
from .embedded import HIT_COLUMNS

# What a failing, unreachable or slow cluster raises.
ELASTICSEARCH_ERRORS = (ApiError, TransportError, BulkIndexError)

FACET_FIELDS = {
    "type": "type",
    "service": "services",
    "region": "regions",
    "risk": "risks",
    "level": "level",
    **{facet: facet for facet in COUNTED_ONLY},  # fields of their own (``es_documents``)
}
# Larger than any facet's vocabulary, so that every value with results is counted.
FACET_SIZE = 10_000
SORT_ORDERS = {
    "relevance": ["_score", {"date": "desc"}, {"id": "desc"}],
    "newest": [{"date": "desc"}, {"id": "desc"}],
    "oldest": [{"date": "asc"}, {"id": "asc"}],
    "title": [{"sort_title": "asc"}, {"id": "asc"}],
    "updated": [{"updated": "desc"}, {"id": "desc"}],
}


def sort_order(sort):
    """The request's sort; an item type's own sort (``hub.items.TypeSort``): highest rank first,
    items without one last, ties newest first, as the embedded backend orders them."""
    if sort in SORT_ORDERS:
        return SORT_ORDERS[sort]
    rank = {"order": "desc", "missing": "_last", "unmapped_type": "integer"}
    return [{rank_field(sort): rank}, *SORT_ORDERS["newest"]]


def facet_fields(query):
    """Each facet ``query`` counts with its field: the common ones, then those item types
    declare, then those counted on request (``SearchQuery.counted``)."""
    return {facet: FACET_FIELDS.get(facet) or facet_field(facet) for facet in query.counted_facets}


# Stored fields a hit needs, named as in the document; HIT_COLUMNS names them for the callers.
HIT_SOURCE = {
    "public_id": "id",
    "item_type": "type",
    **{column: column for column in HIT_COLUMNS if column not in ("public_id", "item_type")},
}
# Elasticsearch refuses from + size over index.max_result_window (10,000 by default).
MAX_WINDOW = 10_000
BULK_TIMEOUT = 120


class EveryTermFacet(TermsFacet):
    """A facet whose selected values must all hold (``TypeFacet.match_all``)."""

    def add_filter(self, filter_values):
        if not filter_values:
            return None
        field = self._params["field"]
        return reduce(operator.and_, [Q("term", **{field: value}) for value in filter_values])


class HubFacetedSearch(FacetedSearch):
    """The request for one ``SearchQuery``: text, locale, facets, sort and page."""

    def __init__(self, query, index, using=None, with_facets=True, window=None):
        # Read when the request is made: an item type registered later brings its facets.
        self.facets = {
            facet: (EveryTermFacet if matches_all(facet) else TermsFacet)(field=field, size=FACET_SIZE)
            for facet, field in facet_fields(query).items()
        }
        self.index = index
        self.using = using or "default"
        self.search_query = query
        self.with_facets = with_facets
        self.window = window if window is not None else (query.offset, query.offset + query.page_size)
        super().__init__(
            query=query.parsed,
            filters={facet: list(values) for facet, values in query.selections},
            sort=sort_order(query.effective_sort),
        )

    def search(self):
        return (
            super()
            .search()
            .filter("term", locale=self.search_query.locale)
            .source(list(HIT_SOURCE.values()))
            .extra(track_total_hits=True)
        )

    def query(self, search, query):
        """Every term in the title or the body (AND), every phrase as such, as filters: the terms
        are already analysed, so no user syntax remains. For relevance, the embedded backend's
        order: items with every term and phrase in their title score 1, the others 0, and the
        sort breaks ties newest first."""
        if not query:
            return search
        search = search.filter(text_clauses(query, ["title_terms", "body_terms"]))
        if self.search_query.effective_sort == "relevance":
            in_title = Q("constant_score", filter=text_clauses(query, ["title_terms"]), boost=1)
            search = search.query(Q("bool", should=[in_title], minimum_should_match=0))
        return search

    def aggregate(self, search):
        """Each facet counted under the other facets' filters, as the library does, and also under
        its own when its values must all hold (the embedded backend's counts)."""
        if not self.with_facets:
            return
        for name, facet in self.facets.items():
            scope = Q("match_all")
            for other, selected in self._filters.items():
                if other != name or isinstance(facet, EveryTermFacet):
                    scope &= selected
            search.aggs.bucket(f"_filter_{name}", "filter", filter=scope).bucket(
                name, facet.get_aggregation()
            )

    def build_search(self):
        start, end = self.window
        return super().build_search()[start:end]


def text_clauses(parsed, fields):
    """A filter: each term in one of ``fields``, each phrase as such in one of them."""
    clauses = [Q("multi_match", query=term, fields=fields) for term in parsed.terms]
    clauses += [
        Q("multi_match", query=" ".join(phrase), type="phrase", fields=fields) for phrase in parsed.phrases
    ]
    return Q("bool", filter=clauses)


def parse_results(query, faceted_search, body):
    """SearchResults from a response body of ``faceted_search``'s request."""
    response = faceted_search._s._response_class(faceted_search._s, body)
    response._faceted_search = faceted_search
    facet_counts = {}
    if faceted_search.with_facets:
        facet_counts = {
            facet: {key: count for key, count, _selected in response.facets[facet]}
            for facet in faceted_search.facets
        }
    hits = [parse_hit(hit["_source"]) for hit in body["hits"]["hits"]]
    return SearchResults(
        query=query, count=body["hits"]["total"]["value"], hits=hits, facet_counts=facet_counts
    )


def parse_hit(source):
    hit = {column: source.get(field) for column, field in HIT_SOURCE.items()}
    for name in ("services", "regions", "risks"):
        hit[name] = list(hit[name] or [])
    hit["date"] = date.fromisoformat(hit["date"][:10])
    # None in a document indexed before the field existed, until the next rebuild.
    hit["updated"] = datetime.fromisoformat(hit["updated"]) if hit["updated"] else None
    return hit


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    serves_during_rebuild = True

    def __init__(self, client, prefix="vigie"):
        self.client = client
        self.alias = prefix

    @classmethod
    def from_settings(cls):
        """A client that gives up after one timeout, so that the fallback answers quickly."""
        options = {
            "request_timeout": settings.ELASTICSEARCH_TIMEOUT,
            "max_retries": 0,
            "retry_on_timeout": False,
        }
        if settings.ELASTICSEARCH_USERNAME:
            options["basic_auth"] = (settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD)
        if settings.ELASTICSEARCH_CA_CERTS:
            options["ca_certs"] = settings.ELASTICSEARCH_CA_CERTS
        return cls(Elasticsearch(settings.ELASTICSEARCH_URL, **options), settings.ELASTICSEARCH_INDEX_PREFIX)

    # --- Writing ----------------------------------------------------------------------------

    def replace(self, public_ids, documents):
        """Make the index hold exactly ``documents`` for the items ``public_ids``."""
        self._ensure_alias()
        documents = list(documents)
        kept = {document_key(document["id"], document["locale"]) for document in documents}
        removed = {
            document_key(public_id, language)
            for public_id in set(public_ids) | {document["id"] for document in documents}
            for language in LANGUAGES
        } - kept
        self._bulk(
            [{"_op_type": "delete", "_index": self.alias, "_id": key} for key in sorted(removed)]
            + self._index_actions(documents, self.alias),
            refresh=True,
        )

    def delete_keys(self, keys):
        """Remove the documents with these ``(public_id, locale)`` keys."""
        self._ensure_alias()
        self._bulk(
            [{"_op_type": "delete", "_index": self.alias, "_id": document_key(*key)} for key in sorted(keys)],
            refresh=True,
        )

    def clear(self):
        """An empty index behind the alias (the previous one is deleted)."""
        self.rebuild([])

    def bulk_load(self, documents):
        """Add documents to the index behind the alias, visible on return."""
        self._ensure_alias()
        self._bulk(self._index_actions(list(documents), self.alias), refresh=True, loading=True)

    def rebuild(self, documents, chunk_size=1000):
        """Load a new versioned index in chunks, then swap the alias to it atomically and delete
        the old one. Until the swap, searches and writes go to the old index; if loading fails,
        the new index is deleted and the old one stays in service."""
        name = new_index_name(self.alias)
        search_index(name).create(using=self.client)
        count = 0
        try:
            for chunk in chunked(documents, chunk_size):
                self._bulk(self._index_actions(chunk, name), loading=True)
                count += len(chunk)
            self.client.indices.refresh(index=name)
            old = self._indices_behind_alias()
            actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            self.client.indices.update_aliases(
                actions=[*actions, {"add": {"index": name, "alias": self.alias}}]
            )
        except BaseException:
            self._delete_quietly(name)
            raise
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return count

    def drop(self):
        """Delete the indices behind the alias, and with them the alias."""
        for index in self._indices_behind_alias():
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def _delete_quietly(self, index):
        """Drop a half-built index if the cluster still answers; a leftover is harmless (no alias)."""
        with suppress(*ELASTICSEARCH_ERRORS):
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def stored_fingerprints(self):
        """``{(public_id, locale): fingerprint}`` of every stored document, read in pages; none
        before the first index exists."""
        stored = {}
        if not self.client.indices.exists_alias(name=self.alias):
            return stored
        search = (
            Search(using=self.client, index=self.alias)
            .source(["id", "locale", "fingerprint"])
            .sort({"id": "asc"}, {"locale": "asc"})
            .extra(size=MAX_WINDOW)
        )
        after = None
        while True:
            page = search.extra(search_after=after) if after else search
            hits = page.execute().hits.hits
            for hit in hits:
                stored[(hit["_source"]["id"], hit["_source"]["locale"])] = hit["_source"]["fingerprint"]
            if len(hits) < MAX_WINDOW:
                return stored
            after = list(hits[-1]["sort"])

    def _index_actions(self, documents, index):
        terms = {}  # an untranslated item's two documents share one page's text
        actions = []
        for document in documents:
            if document["page_id"] not in terms:
                terms[document["page_id"]] = document_terms(document)
            stored = SearchDocument.from_search_document(document, index, terms[document["page_id"]])
            actions.append(stored.to_dict(include_meta=True))
        return actions

    def _bulk(self, actions, refresh=False, loading=False):
        """Index and delete in one request per 500 actions. Only loads (a rebuild) may take
        longer than the search timeout: an editor's publish never waits on a slow cluster."""
        if actions:
            helpers.bulk(
                self.client.options(request_timeout=BULK_TIMEOUT) if loading else self.client,
                actions,
                refresh=refresh,
                ignore_status=(404,),
            )

    def _indices_behind_alias(self):
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        return sorted(self.client.indices.get_alias(name=self.alias).body)

    def _ensure_alias(self):
        """Writes before any rebuild create the first index."""
        if not self.client.indices.exists_alias(name=self.alias):
            self.clear()

    # --- Reading ----------------------------------------------------------------------------

    def search(self, query, with_facets=True):
        if query.offset + query.page_size <= MAX_WINDOW:
            faceted = HubFacetedSearch(query, self.alias, self.client, with_facets)
            return parse_results(query, faceted, self._execute(faceted))
        return self._deep_search(query, with_facets)

    def _execute(self, faceted, search_after=None):
        request = faceted._s.extra(search_after=search_after) if search_after else faceted._s
        return self.client.search(index=self.alias, body=request.to_dict()).body

    def _deep_search(self, query, with_facets):
        """A page past MAX_WINDOW: the count and facets first, then ``search_after`` in steps of
        at most MAX_WINDOW hits (sort values only) to the page, never from + size > MAX_WINDOW."""
        counting = HubFacetedSearch(query, self.alias, self.client, with_facets, window=(0, 0))
        results = parse_results(query, counting, self._execute(counting))
        if query.offset >= results.count:
            return results
        after, skipped = None, 0
        while skipped < query.offset:
            step = min(MAX_WINDOW, query.offset - skipped)
            walk = HubFacetedSearch(query, self.alias, self.client, False, window=(0, step))
            walk._s = walk._s.source(False)
            hits = self._execute(walk, after)["hits"]["hits"]
            if not hits:
                return results
            after, skipped = hits[-1]["sort"], skipped + len(hits)
        page = HubFacetedSearch(query, self.alias, self.client, False, window=(0, query.page_size))
        results.hits = parse_results(query, page, self._execute(page, after)).hits
        return results
