"""The sitemap: every public page in both interface languages with its hreflang alternates,
the date each last changed, nothing that is not public, and an index of sections past the limit
of one file. Expected addresses come from the pages themselves (``url_in``, ``url``), not from
the code that writes the sitemap."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from hub.items import item_types
from hub.models import StandardPage
from impacts.models import CaseFilePage
from sitemap.cache import new_generation
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    translate_page,
)

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
ORIGIN = "http://testserver"
INDEXES = tuple(item_type.index_model for item_type in item_types())  # one section per type
# None per item. Per item type, measured: four reads of its published versions (the count, the
# latest change, the addresses, the index's date), each with Wagtail's query of view restrictions,
# and its index page's. A few for the rest (site, pages, glossary), with room to spare.
QUERY_BOUND = 10 + 9 * len(INDEXES)


def republish(page, **fields):
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def standard_page(parent, title, slug):
    page = StandardPage(title=title, slug=slug, intro="Texte fictif.")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def world(clock, without_site, site_pages):
    """Public pages and items published on known days, and pages that must never be listed (the
    site skeleton too: built under the clock)."""
    clock.set(2026, 1, 15, 12)
    about = standard_page(site_pages["fr"]["home"], "À propos", "a-propos")
    about_en = translate_page(about, "en", title="About", slug="about")
    clock.set(2026, 2, 1, 12)
    brief = AdvocacyBriefPageFactory(title="Mémoire public")
    clock.set(2026, 2, 5, 12)
    agreement = CollaborationAgreementPageFactory(title="Entente publique")
    clock.set(2026, 3, 10, 12)
    translated = CaseFilePageFactory(title="Dossier traduit")
    clock.set(2026, 3, 11, 12)
    untranslated = CaseFilePageFactory(title="Dossier en français")
    clock.set(2026, 3, 12, 12)
    translated_en = translate_page(
        translated, "en", title="Translated case file", slug="translated-case-file"
    )
    with_draft = CaseFilePageFactory(title="Dossier publié")
    draft_version = CaseFilePage.objects.get(pk=with_draft.pk)
    draft_version.slug = "brouillonslug"
    draft_version.title = "Brouillontitre"
    draft_version.save_revision()
    clock.set(2026, 4, 1, 12)
    translated = republish(translated, summary="Résumé corrigé.")
    # Never listed, and their dates never show either.
    clock.set(2026, 5, 1, 12)
    private = CaseFilePageFactory(title="Dossier privé", slug="priveslug")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    private_page = standard_page(site_pages["fr"]["home"], "Page privée", "pageprivee")
    PageViewRestriction.objects.create(page=private_page, restriction_type="login")
    CaseFilePageFactory(title="Brouillon", slug="brouillonitem", live=False)
    CaseFilePageFactory(title="Supprimé", slug="supprimeslug").delete()
    return {
        "site": site_pages,
        "about": about,
        "about_en": about_en,
        "items": [brief, agreement, translated, untranslated, with_draft],
        "translated": translated,
        "translated_en": translated_en,
        "untranslated": untranslated,
    }


def read_urlset(response):
    """``{location: (lastmod, {hreflang: href})}`` of a sitemap file."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    urls = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        assert all(link.get("rel") == "alternate" for link in url.findall("xhtml:link", NS))
        assert location not in urls
        urls[location] = (url.findtext("sm:lastmod", namespaces=NS), alternates)
    return urls


def expected_alternates(world):
    """``{location: {hreflang: href}}`` of every page that must be listed, from the pages."""
    site = world["site"]
    groups = [{language: site[language]["home"].url for language in ("fr", "en")}]
    groups += [{language: site[language][index].url for language in ("fr", "en")} for index in INDEXES]
    groups.append({"fr": world["about"].url, "en": world["about_en"].url})
    groups.append({"fr": "/fr/recherche/", "en": "/en/search/"})
    groups.append({"fr": "/fr/portrait/", "en": "/en/overview/"})
    groups.append({"fr": "/fr/donnees/", "en": "/en/data/"})
    groups.append({"fr": "/fr/donnees/dictionnaire/", "en": "/en/data/dictionary/"})
    # An item's versions, each in its own language: an untranslated item has one.
    groups += [{"fr": item.url} for item in world["items"] if item is not world["translated"]]
    groups.append({"fr": world["translated"].url, "en": world["translated_en"].url})
    expected = {}
    for group in groups:
        alternates = {language: ORIGIN + url for language, url in group.items()}
        alternates["x-default"] = alternates["fr"]
        for url in alternates.values():
            expected[url] = alternates
    return expected


def test_every_public_page_is_listed_in_both_languages_with_its_alternates(client, world):
    response = client.get("/sitemap.xml")

    urls = read_urlset(response)
    expected = expected_alternates(world)
    assert {location: alternates for location, (_lastmod, alternates) in urls.items()} == expected
    untranslated = world["untranslated"]
    # The English index's route shows the original, canonical: only the original is listed.
    assert f"{ORIGIN}/en/case-files/{untranslated.public_id}/" not in urls
    assert urls[ORIGIN + untranslated.url][1] == {
        "fr": ORIGIN + untranslated.url,
        "x-default": ORIGIN + untranslated.url,
    }
    # In both languages: home, indexes, the about page, and four views (search, overview, open data
    # and its dictionary); then the items' versions.
    assert len(urls) == 2 * (1 + len(INDEXES) + 1 + 4) + 4 + 2


def test_drafts_private_deleted_pages_and_draft_revisions_are_never_listed(client, world):
    text = client.get("/sitemap.xml").content.decode()

    for secret in ("brouillonslug", "priveslug", "pageprivee", "brouillonitem", "supprimeslug"):
        assert secret not in text
    assert world["translated"].slug in text


def test_lastmod_is_the_day_what_the_address_shows_last_changed(client, world):
    urls = read_urlset(client.get("/sitemap.xml"))
    site, translated = world["site"], world["translated"]

    def lastmod(url):
        return urls[ORIGIN + url][0]

    assert lastmod(translated.url_in("fr")) == "2026-04-01"  # republished
    assert lastmod(translated.url_in("en")) == "2026-03-12"  # its translation, published once
    assert lastmod(world["untranslated"].url) == "2026-03-11"
    assert lastmod(world["about_en"].url) == "2026-01-15"
    for language in ("fr", "en"):
        # A page listing items changes with them; the private item of May does not count.
        assert lastmod(site[language]["impacts.CaseFileIndexPage"].url) == "2026-04-01"
        assert lastmod(site[language]["advocacy.AdvocacyBriefIndexPage"].url) == "2026-02-01"
        assert lastmod(site[language]["advocacy.CollaborationAgreementIndexPage"].url) == "2026-02-05"
        assert lastmod(site[language]["home"].url) == "2026-04-01"
    assert lastmod("/fr/recherche/") == lastmod("/en/search/") == "2026-04-01"
    assert lastmod("/fr/donnees/") == lastmod("/en/data/dictionary/") == "2026-04-01"
    assert all(lastmod_value for lastmod_value, _alternates in urls.values())


def test_addresses_use_the_scheme_and_host_of_the_request(client, world):
    urls = read_urlset(client.get("/sitemap.xml", secure=True, HTTP_HOST="localhost"))

    assert urls
    for location, (_lastmod, alternates) in urls.items():
        for url in (location, *alternates.values()):
            assert urlsplit(url)[:2] == ("https", "localhost"), url


def test_the_number_of_queries_does_not_grow_with_the_items(
    client, site_pages, django_assert_max_num_queries
):
    CaseFilePageFactory()
    client.get("/sitemap.xml")
    new_generation()  # what is measured is building the file, not reading it from the cache
    with django_assert_max_num_queries(QUERY_BOUND) as few:
        client.get("/sitemap.xml")
    for number in range(10):
        item = CaseFilePageFactory(title=f"Dossier {number}")
        if number % 2:
            translate_page(item, "en", title=f"Case file {number}", slug=f"case-file-{number}")
        AdvocacyBriefPageFactory()
    new_generation()
    with django_assert_max_num_queries(QUERY_BOUND) as many:
        response = client.get("/sitemap.xml")

    # Pages in both languages; case files: 11, 5 of them translated; briefs: 10, untranslated.
    assert len(read_urlset(response)) == 2 * (1 + len(INDEXES) + 4) + 11 + 5 + 10
    assert len(many.captured_queries) == len(few.captured_queries)


def test_past_the_limit_of_one_file_the_sitemap_is_an_index_of_sections(client, world, monkeypatch):
    monkeypatch.setattr("sitemap.sections.URL_LIMIT", 4)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    files = [node.text for node in root.iterfind("sm:sitemap/sm:loc", NS)]
    assert all(location.startswith(f"{ORIGIN}/sitemap-") for location in files)
    listed = {}
    for location in files:
        parts = urlsplit(location)
        urls = read_urlset(client.get(parts.path, {"p": parts.query[2:]} if parts.query else {}))
        assert 0 < len(urls) <= 4
        assert not set(urls) & set(listed)
        listed.update({url: alternates for url, (_lastmod, alternates) in urls.items()})
    assert listed == expected_alternates(world)
    assert client.get("/sitemap-pages.xml", {"p": 99}).status_code == 404
    assert client.get("/sitemap-unknown.xml").status_code == 404


def test_the_index_counts_and_dates_each_section_without_building_its_addresses(client, world, monkeypatch):
    """Each file of each section, with the latest change it shows, as its own files tell, while
    the index itself never builds an item section's addresses (at 100,000 items, seconds)."""
    monkeypatch.setattr("sitemap.sections.URL_LIMIT", 4)
    expected = {}
    for section in ("pages", "casefiles", "briefs", "agreements"):
        number = 1
        while (response := client.get(f"/sitemap-{section}.xml", {"p": number})).status_code == 200:
            number += 1
        lastmods = [
            lastmod
            for page in range(1, number)
            for lastmod, _alternates in read_urlset(
                client.get(f"/sitemap-{section}.xml", {"p": page})
            ).values()
        ]
        for page in range(1, number):
            location = f"{ORIGIN}/sitemap-{section}.xml" + (f"?p={page}" if page > 1 else "")
            expected[location] = max(lastmods)
    assert response.status_code == 404

    def no_addresses(sitemap):
        raise AssertionError("the index built a section's addresses")

    monkeypatch.setattr("sitemap.sections.ItemSitemap.build", no_addresses)
    new_generation()
    root = ET.fromstring(client.get("/sitemap.xml").content)

    # The index dates a file to the moment, its addresses to the day.
    listed = {
        node.findtext("sm:loc", namespaces=NS): node.findtext("sm:lastmod", namespaces=NS)[:10]
        for node in root.iterfind("sm:sitemap", NS)
    }
    assert listed == expected
