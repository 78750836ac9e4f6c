"""The references read a style's macros from a table made when the style is parsed, not by an
XPath search at each call: they must come out exactly as citeproc-py makes them on its own."""

import pytest

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
]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("style", list(references.STYLES))
def test_a_reference_is_what_citeproc_makes_with_its_own_macro_search(style, language, monkeypatch):
    kept = [references._render(style, language, item) for item in ITEMS]
    assert references._macros  # the table was made and used

    monkeypatch.setattr(references, "_macros", {})  # citeproc-py's own search, call by call
    searched = [references._render(style, language, item) for item in ITEMS]

    assert kept == searched
    assert all(item["title"].split()[0] in reference for item, reference in zip(ITEMS, kept, strict=True))
