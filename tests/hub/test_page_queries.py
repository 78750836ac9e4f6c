"""The home and index pages at scale: the same number of queries whatever the number of items,
an index that counts and pages without reading every item at each request, and a kept list of
items that follows publication and never shows what is no longer public. Expected titles and
counts come from the items the tests create, not from the code that lists them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub import listings
from tests.factories import CaseFilePageFactory, translate_page

pytestmark = pytest.mark.django_db

INDEX = {"fr": "/fr/dossiers/", "en": "/en/case-files/"}
HOME = {"fr": "/fr/", "en": "/en/"}


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return captured.captured_queries


def cold_and_warm(client, url):
    """Queries of ``url`` with its item list to read, then kept. The labels, demo flag and site
    root every page caches are read first, by an earlier request."""
    client.get(url)
    listings.new_generation()
    return len(queries(client, url)), len(queries(client, url))


def add_items(count, start=0):
    """``count`` case files published on successive days, every third translated."""
    items = []
    for number in range(start, start + count):
        item = CaseFilePageFactory(title=f"Dossier {number:03d}")
        if number % 3 == 0:
            translate_page(item, "en", title=f"Case file {number:03d}", slug=f"case-file-{number:03d}")
        items.append(item)
    return items


def card_titles(response):
    return re.findall(r'class="card__title"><a href="[^"]*"[^>]*>([^<]*)</a>', response.content.decode())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_and_index_pages_run_as_many_queries_for_3_items_as_for_45(client, site_pages, language):
    add_items(3)
    pages = {
        "home": HOME[language],
        "index": INDEX[language],
        "index last": f"{INDEX[language]}?page=1",
    }
    few = {name: cold_and_warm(client, url) for name, url in pages.items()}
    add_items(42, start=3)
    pages["index last"] = f"{INDEX[language]}?page=3"
    many = {name: cold_and_warm(client, url) for name, url in pages.items()}

    assert many == few


def test_an_index_page_counts_its_items_once_not_at_each_request(client, site_pages):
    add_items(25)
    client.get(INDEX["en"])

    kept = queries(client, INDEX["en"])

    assert not [query["sql"] for query in kept if "COUNT(" in query["sql"].upper()]


def test_the_last_page_shows_the_oldest_items_in_the_reader_s_language(client, site_pages):
    add_items(23)

    french = client.get(INDEX["fr"], {"page": 2})
    english = client.get(INDEX["en"], {"page": 2})

    assert card_titles(french) == ["Dossier 002", "Dossier 001", "Dossier 000"]
    assert card_titles(english) == ["Dossier 002", "Dossier 001", "Case file 000"]
    assert "23 dossiers" in french.content.decode()
    assert "23 case files" in english.content.decode()


def test_the_kept_list_follows_publication_and_unpublication(client, site_pages):
    items = add_items(21)
    client.get(INDEX["fr"])
    client.get(INDEX["fr"], {"page": 2})

    items[1].unpublish()  # untranslated: no other version takes its place
    after_unpublishing = client.get(INDEX["fr"])
    newest = add_items(1, start=21)[0]
    after_publishing = client.get(INDEX["fr"])

    assert "20 dossiers" in after_unpublishing.content.decode()
    assert "Dossier 001" not in after_unpublishing.content.decode()
    assert "21 dossiers" in after_publishing.content.decode()
    assert card_titles(after_publishing)[0] == newest.title


def test_a_kept_list_never_shows_a_page_made_private_or_unpublished_behind_its_back(client, site_pages):
    """Even when a change escapes the announcements (a raw update), the page of items is read
    from the public items: a kept id that is no longer public shows nothing."""
    items = add_items(3)
    client.get(INDEX["fr"])
    type(items[1]).objects.filter(pk=items[1].pk).update(live=False)

    titles = card_titles(client.get(INDEX["fr"]))

    assert titles == ["Dossier 002", "Dossier 000"]
