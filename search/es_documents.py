"""The Elasticsearch index: its analysers, its mapping and the document stored for each search
document of ``search.documents.build_document``.

Matching runs on ``title_terms`` and ``body_terms``: the terms of ``search.text.analyze``, split on
whitespace and nothing else. That is what the embedded backend matches too, so both backends find
exactly the same items for the same words (one analyser for both languages, its stop words, its
stemmer); Elasticsearch's own French and English stemmers conflate different pairs of words, and
the test server ignores ``elision``. The language-analysed fields (``title``, ``summary``,
``plain_summary``, ``body``, each with an English ``.en`` sub-field) keep the readable text in the
index with the analysis a cluster does natively, for relevance tuning and highlighting later."""

from datetime import UTC, datetime

from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Mapping, Text, analyzer, token_filter

from hub.items import type_facets, type_sorts

from .text import document_terms, fold
from .vocabulary import NOT_ASSESSED, quarter_of

FRENCH_ELISIONS = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]

# Stop words before ASCII folding: Elasticsearch's stop lists are spelled with accents.
french = analyzer(
    "vigie_french",
    tokenizer="standard",
    filter=[
        token_filter("vigie_french_elision", type="elision", articles=FRENCH_ELISIONS, articles_case=True),
        "lowercase",
        token_filter("vigie_french_stop", type="stop", stopwords="_french_"),
        "asciifolding",
        token_filter("vigie_french_stemmer", type="stemmer", language="light_french"),
    ],
)
english = analyzer(
    "vigie_english",
    tokenizer="standard",
    filter=[
        token_filter("vigie_english_possessive", type="stemmer", language="possessive_english"),
        "lowercase",
        token_filter("vigie_english_stop", type="stop", stopwords="_english_"),
        "asciifolding",
        token_filter("vigie_english_stemmer", type="stemmer", language="light_english"),
    ],
)
# Text already analysed by search.text: split on spaces, nothing else.
analysed_terms = analyzer("vigie_terms", tokenizer="whitespace")


def language_text():
    return Text(analyzer=french, fields={"en": Text(analyzer=english)})


class SearchDocument(Document):
    """One search document as stored: the fields of ``build_document`` plus what is derived from
    them for matching (``*_terms``), sorting (``sort_title``) and counting (``level``, ``quarter``, ``published_quarter``); the values
    of the facets and sorts item types declare are fields of their own (``declared_mapping``)."""

    id = Keyword()
    type = Keyword()
    locale = Keyword()
    content_locale = Keyword()
    page_id = Integer()
    title = language_text()
    summary = language_text()
    plain_summary = language_text()
    body = language_text()
    title_terms = Text(analyzer=analysed_terms)
    body_terms = Text(analyzer=analysed_terms)
    sort_title = Keyword()
    services = Keyword(multi=True)
    regions = Keyword(multi=True)
    risks = Keyword(multi=True)
    impact_level = Integer()
    level = Keyword()
    quarter = Keyword()
    published_quarter = Keyword()
    status = Keyword()
    date = Date(format="strict_date")
    updated = Date(format="strict_date_optional_time")  # UTC, to the millisecond
    published = Date(format="strict_date")
    url = Keyword(index=False)
    fingerprint = Keyword(index=False)

    @classmethod
    def from_search_document(cls, document, index, terms=None):
        """The stored form of a document of ``build_document``; ``terms`` may be given when two
        documents share one page's text."""
        title_terms, body_terms = terms or document_terms(document)
        level = document["impact_level"]
        document = dict(document)
        declared = {
            **{facet_field(key): value for key, value in document.pop("type_facets", {}).items()},
            **{rank_field(key): rank for key, rank in document.pop("ranks", {}).items()},
        }
        return cls(
            meta={"id": document_key(document["id"], document["locale"]), "index": index},
            **document,
            **declared,
            title_terms=title_terms,
            body_terms=body_terms,
            sort_title=fold(document["title"])[:255],
            level=str(level) if level else NOT_ASSESSED,
            quarter=quarter_of(document["date"]),
            published_quarter=quarter_of(document["published"]) if document["published"] else None,
        )


def facet_field(key):
    """The field of a facet an item type declares (``hub.items.TypeFacet``): one keyword field
    each, named apart from the document's own fields."""
    return f"type_facet_{key}"


def rank_field(key):
    """The field of a sort an item type declares (``hub.items.TypeSort``)."""
    return f"rank_{key}"


def declared_mapping():
    """The fields of the facets and sorts the registered item types declare."""
    mapping = Mapping()
    for facet in type_facets():
        mapping.field(facet_field(facet.key), Keyword())
    for sort in type_sorts():
        mapping.field(rank_field(sort.key), Integer())
    return mapping


def document_key(public_id, locale):
    return f"{public_id}:{locale}"


def new_index_name(prefix):
    """A versioned index name, ``<prefix>-<UTC timestamp>``, later than any made before."""
    return f"{prefix}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"


def search_index(name):
    """The index definition: one shard (a hub's index is small), the analysers and the mapping."""
    index = Index(name)
    index.settings(number_of_shards=1, max_result_window=10_000)
    index.document(SearchDocument)
    index.mapping(declared_mapping())
    return index
