"""The sitemap's files are served from the shared cache until something they show changes: a
publication, an unpublication, a privacy change or a glossary term starts a new generation once
committed. Files are small: sections are paged (``URL_LIMIT`` addresses each) and listed in the
index."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import CaseFilePageFactory, GlossaryTermFactory, site_skeleton

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def items(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site_skeleton()
        return [CaseFilePageFactory(title=f"Dossier {number}") for number in range(3)]


def locations(response):
    assert response.status_code == 200
    return [node.text for node in ET.fromstring(response.content).iterfind("sm:*/sm:loc", NS)]


def listed_paths(client):
    return {urlsplit(location).path for location in locations(client.get("/sitemap-casefiles.xml"))}


def test_a_file_asked_again_is_read_from_the_cache(client, items, django_assert_num_queries):
    first = client.get("/sitemap-casefiles.xml")
    index = client.get("/sitemap.xml")

    with django_assert_num_queries(0):
        again = client.get("/sitemap-casefiles.xml")
        index_again = client.get("/sitemap.xml")

    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"] == "application/xml"
    assert index_again.content == index.content


def test_each_origin_has_its_own_addresses(client, items):
    plain = locations(client.get("/sitemap-casefiles.xml"))
    secure = locations(client.get("/sitemap-casefiles.xml", secure=True))

    assert all(location.startswith("http://testserver/") for location in plain)
    assert all(location.startswith("https://testserver/") for location in secure)


def test_a_publication_and_an_unpublication_show_at_once(client, items, committed):
    before = listed_paths(client)
    newer = committed(CaseFilePageFactory, title="Dossier publié ensuite")

    after = listed_paths(client)
    assert newer.url_in("fr") in after and newer.url_in("fr") not in before

    committed(items[0].unpublish)
    assert items[0].url_in("fr") not in listed_paths(client)


def test_a_privacy_change_and_a_glossary_term_show_at_once(client, items, committed):
    listed_paths(client)
    committed(PageViewRestriction.objects.create, page=items[1], restriction_type="login")
    assert items[1].url_in("fr") not in listed_paths(client)

    pages = {urlsplit(location).path for location in locations(client.get("/sitemap-pages.xml"))}
    assert "/fr/glossaire/" not in pages
    committed(GlossaryTermFactory)
    pages = {urlsplit(location).path for location in locations(client.get("/sitemap-pages.xml"))}
    assert "/fr/glossaire/" in pages


def test_sections_are_paged_and_every_page_is_in_the_index(client, items, monkeypatch):
    monkeypatch.setattr("sitemap.sections.URL_LIMIT", 2)

    files = [urlsplit(location) for location in locations(client.get("/sitemap.xml"))]
    casefile_pages = [parts for parts in files if parts.path == "/sitemap-casefiles.xml"]

    assert len(casefile_pages) == 2  # 3 case files, in French only: 3 addresses, 2 a page
    listed = []
    for parts in casefile_pages:
        page = locations(client.get(parts.path, dict([parts.query.split("=")]) if parts.query else {}))
        assert 0 < len(page) <= 2
        listed += page
    assert len(listed) == len(set(listed)) == 3
