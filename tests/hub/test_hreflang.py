"""hreflang in page heads, across every kind of public page: every href absolute, ``x-default``
on the French version, the alternates reciprocal (each alternate declares the same group, the
page among them), each version declared in the language it is written in (an untranslated item
has one), the search with its query string, and the sitemap declaring the same groups.

The pages are found by crawling from the home pages and the sitemap, not from the code under test."""

from urllib.parse import urlsplit

import pytest
from lxml import html

from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    DialoguePageFactory,
    GlossaryTermFactory,
    SystemPageFactory,
    index_page,
    locale,
    translate_page,
    translate_term,
)
from tests.sitemap.test_sitemap import read_urlset

ORIGIN = "http://testserver"


@pytest.fixture
def world(site_pages):
    translated = CaseFilePageFactory(title="Dossier traduit")
    translated_en = translate_page(
        translated, "en", title="Translated case file", slug="translated-case-file"
    )
    english = CaseFilePageFactory(
        title="Case file written in English",
        parent=index_page("impacts.CaseFileIndexPage", "en"),
        locale=locale("en"),
    )
    term = GlossaryTermFactory(term="profilage", slug="profilage")
    translate_term(term, term="profiling")
    return {
        "translated": translated,
        "translated_en": translated_en,
        "untranslated": CaseFilePageFactory(title="Dossier en français"),
        "english": english,
        "brief": AdvocacyBriefPageFactory(title="Mémoire fictif"),
        "system": SystemPageFactory(title="Système fictif"),
        "dialogue": DialoguePageFactory(title="Atelier fictif"),
        "site": site_pages,
    }


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    document = html.fromstring(response.content)
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in document.xpath('//head/link[@rel="alternate"][@hreflang]')
    }
    canonical = [link.get("href") for link in document.xpath('//head/link[@rel="canonical"]')]
    return document, alternates, canonical


def crawl(client, world):
    """Every page the sitemap lists, each fallback route of an untranslated item, and the search
    with a query."""
    urls = set(read_urlset(client.get("/sitemap.xml")))
    for item in world.values():
        if hasattr(item, "url_in"):
            urls.update(ORIGIN + item.url_in(language) for language in ("fr", "en"))
    urls.add(f"{ORIGIN}/fr/recherche/?q=tri&service=sante")
    return sorted(urls)


def test_every_page_declares_absolute_reciprocal_alternates(client, world):
    pages = crawl(client, world)
    kinds = {urlsplit(url).path.split("/")[2] for url in pages}
    assert {
        "recherche",
        "search",
        "glossaire",
        "glossary",
        "donnees",
        "data",
        "dossiers",
        "case-files",
    } <= kinds
    heads = {}
    for url in pages:
        heads[url] = head_of(client, url)
    for url, (_document, alternates, canonical) in heads.items():
        assert alternates, url
        assert all(href.startswith(f"{ORIGIN}/") for href in alternates.values()), (url, alternates)
        assert alternates.get("x-default") == alternates.get("fr", alternates.get("x-default")), url
        versions = {code: href for code, href in alternates.items() if code != "x-default"}
        if url not in versions.values():
            # A fallback route: the original it shows, canonical, declares the group.
            assert canonical == [next(iter(versions.values()))], url
            assert len(versions) == 1
        for code, href in versions.items():
            other_document, other_alternates, _canonical = heads.get(href) or head_of(client, href)
            assert other_alternates == alternates, (url, href)
            assert other_document.get("lang") == code, href  # written in the language declared
    # Pages known to be each other's translation declare each other.
    site = world["site"]
    pairs = [
        (world["translated"].url, world["translated_en"].url),
        (site["fr"]["home"].url, site["en"]["home"].url),
        (site["fr"]["impacts.CaseFileIndexPage"].url, site["en"]["impacts.CaseFileIndexPage"].url),
        ("/fr/donnees/", "/en/data/"),
        ("/fr/donnees/dictionnaire/", "/en/data/dictionary/"),
        ("/fr/glossaire/", "/en/glossary/"),
    ]
    for french, english in pairs:
        expected = {"fr": ORIGIN + french, "en": ORIGIN + english, "x-default": ORIGIN + french}
        assert heads[ORIGIN + french][1] == heads[ORIGIN + english][1] == expected


def test_an_untranslated_item_is_declared_in_its_own_language_only(client, world):
    untranslated, english = world["untranslated"], world["english"]
    for url in (untranslated.url, untranslated.url_in("en")):
        _document, alternates, _canonical = head_of(client, url)
        assert alternates == {"fr": ORIGIN + untranslated.url, "x-default": ORIGIN + untranslated.url}
    _document, alternates, canonical = head_of(client, english.url_in("fr"))
    assert alternates == {"en": ORIGIN + english.url}  # no French version: no x-default
    assert canonical == [ORIGIN + english.url]
    _document, _alternates, canonical = head_of(client, untranslated.url)
    assert canonical == []  # the original is not sent elsewhere


def test_the_search_alternates_keep_the_query(client, world):
    _document, alternates, _canonical = head_of(client, "/fr/recherche/?q=tri&service=sante&page=1")
    assert alternates == {
        "fr": f"{ORIGIN}/fr/recherche/?q=tri&service=sante&page=1",
        "en": f"{ORIGIN}/en/search/?q=tri&service=sante&page=1",
        "x-default": f"{ORIGIN}/fr/recherche/?q=tri&service=sante&page=1",
    }


def test_the_sitemap_declares_the_groups_the_pages_declare(client, world):
    for location, (_lastmod, sitemap_alternates) in read_urlset(client.get("/sitemap.xml")).items():
        _document, alternates, _canonical = head_of(client, location)
        assert alternates == sitemap_alternates, location


def test_open_data_pages_are_in_the_sitemap(client, world):
    urls = read_urlset(client.get("/sitemap.xml"))
    for path in ("/fr/donnees/", "/en/data/", "/fr/donnees/dictionnaire/", "/en/data/dictionary/"):
        assert ORIGIN + path in urls
