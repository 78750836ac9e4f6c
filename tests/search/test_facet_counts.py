"""Facet counts, filters and hits of every backend against an expectation computed here, in plain
Python, over generated documents and random selections, on each backend in turn
(tests/search/conftest.py): the backends agree because each agrees with the same expectation."""

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.items import item_types
from search.documents import fingerprint
from search.query import SearchQuery
from search.vocabulary import PUBLISHED_QUARTER, QUARTER, all_facets

SERVICES = ["sante", "education", "habitation", "justice"]
REGIONS = ["montreal", "laval", "estrie", "outaouais", "tout-le-quebec"]
RISKS = ["discrimination", "vie-privee", "erreurs"]
TYPES = [item_type.key for item_type in item_types()]
# The register's own facets and sort (registry.items), held by its documents only.
TYPE_FACETS = {
    "lifecycle": ["planned", "pilot", "in-use", "retired"],
    "technique": ["rule-based", "machine-learning", "generative"],
    "disclosure": ["none", "low", "partial", "high"],
}
# The dialogues' facets (dialogues.items): several values per item, one per session.
LIST_FACETS = {
    "attendance_mode": ["in-person", "online", "hybrid"],
    "accessibility": ["step_free_entrance", "elevator", "live_captions"],
}
# The learning resources' facets (learning.items): several values per item, and accessibility
# needs that must all be met.
LEARNING_FACETS = {
    "audience": ["citizens", "facilitators", "researchers"],
    "learning_access": ["captions", "transcript", "easy_to_read"],
}
RANKS = [0, 250, 500, 1000]  # few values, so that ties are common
LEVELS = [1, 2, 3, 4, None]
WORDS = ["algorithme", "évaluation", "logement", "école", "triage"]


@st.composite
def documents(draw):
    count = draw(st.integers(min_value=0, max_value=25))
    docs = []
    for number in range(1, count + 1):
        doc = {
            "id": f"CF-2026-{number:04d}",
            "type": draw(st.sampled_from(TYPES)),
            "locale": "fr",
            "content_locale": "fr",
            "page_id": number,
            "title": f"Dossier {number}",
            "summary": " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=3))),
            "plain_summary": "",
            "body": "",
            "services": sorted(set(draw(st.lists(st.sampled_from(SERVICES), min_size=1, max_size=3)))),
            "regions": sorted(set(draw(st.lists(st.sampled_from(REGIONS), min_size=1, max_size=2)))),
            "risks": sorted(set(draw(st.lists(st.sampled_from(RISKS), max_size=3)))),
            "impact_level": draw(st.sampled_from(LEVELS)),
            "status": "deployed",
            "date": f"{draw(st.sampled_from(['2025', '2026']))}-{draw(st.integers(1, 12)):02d}-01",
            # Few distinct instants, so that ties on the latest update are common.
            "updated": f"2026-0{draw(st.integers(1, 3))}-01T{draw(st.sampled_from(['09', '17']))}:00:00"
            f".{draw(st.sampled_from(['000', '001', '999']))}+00:00",
            "published": draw(st.sampled_from([None, "2025-03-31", "2025-04-01", "2026-12-31"])),
            "url": f"/fr/dossiers/{number}/",
        }
        if doc["type"] == "system":
            # A facet may have no value (nobody said the system's technique).
            facets = {facet: draw(st.sampled_from([*values, None])) for facet, values in TYPE_FACETS.items()}
            doc["type_facets"] = {facet: value for facet, value in facets.items() if value}
            doc["ranks"] = {"disclosure": draw(st.sampled_from(RANKS))}
        if doc["type"] == "dialogue":
            lists = {
                facet: draw(st.lists(st.sampled_from(values), unique=True))
                for facet, values in LIST_FACETS.items()
            }
            doc["type_facets"] = {facet: sorted(values) for facet, values in lists.items() if values}
        if doc["type"] == "learning_resource":
            lists = {
                facet: draw(st.lists(st.sampled_from(values), unique=True))
                for facet, values in LEARNING_FACETS.items()
            }
            doc["type_facets"] = {facet: sorted(values) for facet, values in lists.items() if values}
        doc["fingerprint"] = fingerprint(doc)
        docs.append(doc)
    return docs


selections = st.fixed_dictionaries(
    {
        "type": st.lists(st.sampled_from(TYPES), max_size=2, unique=True),
        "service": st.lists(st.sampled_from(SERVICES), max_size=2, unique=True),
        "region": st.lists(st.sampled_from(REGIONS), max_size=2, unique=True),
        "risk": st.lists(st.sampled_from(RISKS), max_size=2, unique=True),
        "level": st.lists(st.sampled_from(["1", "2", "3", "4", "none"]), max_size=2, unique=True),
        **{
            facet: st.lists(st.sampled_from(values), max_size=2, unique=True)
            for facet, values in {**TYPE_FACETS, **LIST_FACETS, **LEARNING_FACETS}.items()
        },
    }
)


def values_of(doc, facet):
    if facet == "type":
        return {doc["type"]}
    if facet == "level":
        return {str(doc["impact_level"]) if doc["impact_level"] else "none"}
    if facet in ("service", "region", "risk"):
        return set(doc[{"service": "services", "region": "regions", "risk": "risks"}[facet]])
    if facet in (QUARTER, PUBLISHED_QUARTER):  # the overview's timelines: months 1–3 are the first quarter
        day = doc["date"] if facet == QUARTER else doc["published"]
        if not day:  # never published: a preview's document
            return set()
        year, month = day.split("-")[:2]
        return {f"{year}-T{(int(month) + 2) // 3}"}
    # A facet an item type declares: one value, or a list of them.
    value = doc.get("type_facets", {}).get(facet)
    return set(value) if isinstance(value, list) else {value} if value else set()


# Facets whose values ticked together must all hold (a dialogue's or a learning resource's accessibility:
# every need met, README "Citizen dialogues"); the others keep items having any of them.
MATCH_ALL = {"accessibility", "learning_access"}


def holds(doc, facet, values):
    if facet in MATCH_ALL:
        return set(values) <= values_of(doc, facet)
    return bool(values_of(doc, facet) & set(values))


def matches(doc, selected, word, skip=None):
    if word and word not in doc["summary"].split():
        return False
    return all(not values or holds(doc, facet, values) for facet, values in selected.items() if facet != skip)


def expected_counts(docs, selected, word, counted=()):
    counts = {facet: {} for facet in (*all_facets(), *counted)}
    for facet in counts:
        # A facet's counts ignore its own selection (any value may be added), unless its values must
        # all hold: then each count is within the selection.
        skip = None if facet in MATCH_ALL else facet
        for doc in docs:
            if matches(doc, selected, word, skip=skip):
                for value in values_of(doc, facet):
                    counts[facet][value] = counts[facet].get(value, 0) + 1
    return counts


def newest_first(docs):
    """The default order without text: date, then id, both descending."""
    return [doc["id"] for doc in sorted(docs, key=lambda doc: (doc["date"], doc["id"]), reverse=True)]


def latest_update_first(docs):
    """The "updated" order: the instant of the latest update, then id, both descending."""
    return [
        doc["id"]
        for doc in sorted(
            docs, key=lambda doc: (datetime.fromisoformat(doc["updated"]), doc["id"]), reverse=True
        )
    ]


def most_disclosed_first(docs):
    """The register's sort: ranked items first, highest rank first, ties (and the unranked) newest first."""
    return [
        doc["id"]
        for doc in sorted(
            docs,
            key=lambda doc: (
                "disclosure" in doc.get("ranks", {}),
                doc.get("ranks", {}).get("disclosure", 0),
                doc["date"],
                doc["id"],
            ),
            reverse=True,
        )
    ]


ORDERS = {"newest": newest_first, "updated": latest_update_first, "disclosure": most_disclosed_first}


# One index per backend serves every example: each example clears it first.
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    docs=documents(),
    selected=selections,
    word=st.sampled_from(["", "algorithme", "école"]),
    sort=st.sampled_from(sorted(ORDERS)),
    counted=st.sampled_from([(), (QUARTER,), (QUARTER, PUBLISHED_QUARTER)]),
)
def test_counts_and_hits_match_an_independent_computation(empty_backend, docs, selected, word, sort, counted):
    empty_backend.clear()
    empty_backend.bulk_load(docs)
    query = SearchQuery.build(text=word, locale="fr", sort=sort, page_size=100, counted=counted, **selected)

    results = empty_backend.search(query)

    expected_ids = ORDERS[sort](doc for doc in docs if matches(doc, selected, word))
    assert results.count == len(expected_ids)
    assert [hit["public_id"] for hit in results.hits] == expected_ids
    updated = {doc["id"]: datetime.fromisoformat(doc["updated"]) for doc in docs}
    assert all(hit["updated"] == updated[hit["public_id"]] for hit in results.hits)
    assert results.facet_counts == expected_counts(docs, selected, word, counted)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(docs=documents(), service=st.lists(st.sampled_from(SERVICES), max_size=1))
def test_the_timelines_count_each_item_under_the_quarters_of_its_date_and_first_publication(
    empty_backend, docs, service
):
    """The overview's timelines with at most one filter, so that most items are counted (the test
    above narrows by many facets at once, where few items remain to count)."""
    empty_backend.clear()
    empty_backend.bulk_load(docs)
    counted = (QUARTER, PUBLISHED_QUARTER)

    results = empty_backend.search(SearchQuery.build(locale="fr", counted=counted, service=service))

    expected = expected_counts(docs, {"service": service}, "", counted)
    assert {facet: results.facet_counts[facet] for facet in counted} == {
        facet: expected[facet] for facet in counted
    }


def test_other_locale_documents_are_not_counted(empty_backend):
    french = {
        "id": "CF-2026-0001",
        "type": "casefile",
        "locale": "fr",
        "content_locale": "fr",
        "page_id": 1,
        "title": "Un",
        "summary": "",
        "plain_summary": "",
        "body": "",
        "services": ["sante"],
        "regions": ["laval"],
        "risks": [],
        "impact_level": None,
        "status": "deployed",
        "date": "2026-01-01",
        "updated": "2026-01-01T12:00:00.000+00:00",
        "published": "2026-01-02",
        "url": "/fr/x/",
        "fingerprint": "x",
    }
    english = {**french, "locale": "en", "services": ["education"], "url": "/en/x/"}
    empty_backend.bulk_load([french, english])

    results = empty_backend.search(SearchQuery.build(locale="en"))

    assert results.count == 1
    assert results.facet_counts["service"] == {"education": 1}
