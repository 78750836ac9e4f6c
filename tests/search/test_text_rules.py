"""The text rules of the search, the same on every backend: all words, phrases, case, accents,
elision, singular and plural, title before body, and no input that breaks it."""

import pytest

from search.documents import fingerprint
from search.query import SearchQuery
from search.text import analyze, parse_query


def document(public_id, title, body="", locale="fr"):
    doc = {
        "id": public_id,
        "type": "casefile",
        "locale": locale,
        "content_locale": locale,
        "page_id": int(public_id[-4:]),
        "title": title,
        "summary": "",
        "plain_summary": "",
        "body": body,
        "services": ["sante"],
        "regions": ["laval"],
        "risks": [],
        "impact_level": None,
        "status": "deployed",
        "date": "2026-01-01",
        "updated": "2026-01-01T12:00:00.000+00:00",
        "published": "2026-01-02",
        "url": "/x/",
    }
    doc["fingerprint"] = fingerprint(doc)
    return doc


CORPUS = [
    document("CF-2026-0001", "Évaluation du risque", "Une grille note les demandeurs."),
    document("CF-2026-0002", "Tri des patients", "L'algorithme classe les dossiers à l’urgence."),
    document("CF-2026-0003", "Logement social", "Les évaluations des risques sont secrètes."),
    document("CF-2026-0004", "Risques et outils", "Des risques pour l'évaluation des demandes."),
    document("CF-2026-0005", "Housing policies", "The tenants' files are scored by a model."),
    document("CF-2026-0006", "Notes scolaires", "Le logement n'est pas visé; l'école utilise un algorithme."),
]


@pytest.fixture
def backend(empty_backend):
    """The corpus on each backend in turn (tests/search/conftest.py): the same rules hold on all."""
    empty_backend.bulk_load(CORPUS)
    return empty_backend


def found(backend, text):
    results = backend.search(SearchQuery.build(text=text, locale="fr", page_size=100))
    return [hit["public_id"] for hit in results.hits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("evaluation", {"CF-2026-0001", "CF-2026-0003", "CF-2026-0004"}),  # accents and case
        ("ÉVALUATION", {"CF-2026-0001", "CF-2026-0003", "CF-2026-0004"}),
        ("évaluations", {"CF-2026-0001", "CF-2026-0003", "CF-2026-0004"}),  # plural finds singular
        ("algorithme", {"CF-2026-0002", "CF-2026-0006"}),  # l'algorithme, elided
        ("urgence", {"CF-2026-0002"}),  # l’urgence, typographic apostrophe
        ("algorithme logement", {"CF-2026-0006"}),  # every word must match
        ("policy", {"CF-2026-0005"}),  # English plural
        ("tenant", {"CF-2026-0005"}),  # English possessive
        ("absent", set()),
    ],
)
def test_words_match_whatever_their_case_accents_elision_and_number(backend, text, expected):
    assert set(found(backend, text)) == expected


def test_quoted_phrase_matches_only_words_side_by_side(backend):
    # Stop words are dropped on both sides, so "évaluation du risque" is the same phrase.
    assert set(found(backend, '"évaluation des risques"')) == {"CF-2026-0001", "CF-2026-0003"}
    assert set(found(backend, "évaluation risques")) == {"CF-2026-0001", "CF-2026-0003", "CF-2026-0004"}


def test_title_matches_rank_above_body_matches(backend):
    results = found(backend, "risque")
    assert results[:2] == ["CF-2026-0004", "CF-2026-0001"] or results[:2] == ["CF-2026-0001", "CF-2026-0004"]
    assert results[-1] == "CF-2026-0003"


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        "AND OR NOT",
        "(risque",
        "risque*",
        "-risque",
        "title:risque",
        "NEAR(a b)",
        "'",
        "l'",
        "😀",
        "\x00",
    ],
)
def test_no_input_breaks_the_search(backend, text):
    results = backend.search(SearchQuery.build(text=text, locale="fr"))
    assert results.count >= 0


def test_parse_query_separates_phrases_and_terms():
    parsed = parse_query('"Évaluation des risques" l\'algorithme "santé"')
    assert parsed.phrases == (("evaluation", "risque"),)
    assert parsed.terms == ("algorithme", "sante")


def test_analyze_folds_and_stems_both_languages():
    assert analyze("Les Évaluations d’écoles, journaux; policies") == [
        "evaluation",
        "ecole",
        "journal",
        "policy",
    ]


def test_a_phrase_never_runs_from_the_title_into_the_body(backend):
    assert found(backend, '"classe les dossiers"') == ["CF-2026-0002"]
    assert found(backend, '"patients algorithme"') == []
