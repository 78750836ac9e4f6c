"""The references find a style's macros, terms and elements once per parsed style, not by an XPath
search or a walk of the tree at each call (``citations.references``): they must come out exactly
as citeproc-py makes them on its own."""

import pytest
from citeproc.model import CitationStylesElement, Parent, Text

from citations import references

ITEMS = [
    {
        "id": "BR-2025-0007",
        "type": "report",
        "title": "Mémoire sur la transparence des algorithmes",
        "author": [{"family": "Tremblay", "given": "Marie"}, {"literal": "Collectif Vigie"}],
        "publisher": "Vigie IA",
        "URL": "https://vigie.example.org/cite/BR-2025-0007/",
        "issued": {"date-parts": [[2025, 11, 20]]},
        "accessed": {"date-parts": [[2026, 12, 3]]},
        "version": "2026-01-05",
        "language": "fr",
        "number": "BR-2025-0007",
        "genre": "Mémoire",
    },
    {
        "id": "CF-2026-0001",
        "type": "report",
        "title": "Automated triage of housing applications",
        "author": [{"literal": "Vigie IA"}],
        "publisher": "Vigie IA",
        "URL": "https://vigie.example.org/cite/CF-2026-0001/",
        "issued": {"date-parts": [[2026, 3, 4]]},
        "accessed": {"date-parts": [[2026, 12, 3]]},
        "language": "en",
        "number": "CF-2026-0001",
    },
    {  # no author, no date of issue: the groups that print them must drop out
        "id": "DI-2026-0003",
        "type": "speech",
        "title": "Forum de quartier sur l'IA à la bibliothèque",
        "publisher": "Vigie IA",
        "URL": "https://vigie.example.org/cite/DI-2026-0003/",
        "accessed": {"date-parts": [[2026, 12, 3]]},
        "event-date": {"date-parts": [[2026, 5, 14]]},
        "container-title": "Dialogues citoyens",
        "note": "Contenu fictif",
        "language": "fr",
        "number": "DI-2026-0003",
    },
]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("style", list(references.STYLES))
def test_a_reference_is_what_citeproc_makes_with_its_own_searches(style, language, monkeypatch):
    kept = [references._render(style, language, item) for item in ITEMS]
    assert references._macros and references._searches and references._calls_variable  # all used

    # citeproc-py's own macro and XPath searches and walks of the tree, call by call
    monkeypatch.setattr(references, "_macros", {})
    monkeypatch.setattr(CitationStylesElement, "xpath_search", references._xpath_search)
    for element_class in (Parent, Text):
        monkeypatch.setattr(element_class, "calls_variable", element_class.calls_variable.__wrapped__)
    searched = [references._render(style, language, item) for item in ITEMS]

    assert kept == searched
    assert all(item["title"].split()[0] in reference for item, reference in zip(ITEMS, kept, strict=True))
