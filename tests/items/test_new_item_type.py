"""A type no outlet knows, declared the way a feature app declares one (``hub.items.register``),
is served by every outlet: search (HTML, JSON, feed, its ``type`` facet), the items API, its
CSV, ``/cite/`` and the citation formats, the sitemap, open data and its dictionary, and the
home page. Nothing in this test touches an outlet: if one names the types it serves, this fails."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from hub.items import registered
from tests.factories import ItemPageFactory, site_skeleton
from tests.item_type_app.models import FIELD_NOTE, FieldNotePage

pytestmark = pytest.mark.django_db

TITLE = "Note de terrain fictive sur un robot conversationnel"


class FieldNotePageFactory(ItemPageFactory):
    class Meta:
        model = FieldNotePage

    title = TITLE
    body = []


@pytest.fixture
def field_note_type():
    with registered(FIELD_NOTE) as item_type:
        yield item_type


@pytest.fixture
def note(field_note_type, committed):
    pages = committed(site_skeleton)
    return committed(FieldNotePageFactory, parent=pages["fr"]["item_type_app.FieldNoteIndexPage"])


@pytest.fixture
def open_data_root(settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)
    return tmp_path


def test_site_setup_creates_its_index_in_every_language(note):
    for language_code in ("fr", "en"):
        assert site_skeleton()[language_code]["item_type_app.FieldNoteIndexPage"].live


def test_the_search_finds_it_and_offers_its_type_as_a_facet(client, note):
    page = client.get("/en/search/", {"type": "fieldnote"})
    assert page.status_code == 200
    assert TITLE in page.content.decode()
    assert "Field notes" in page.content.decode()

    answer = client.get("/api/v1/search/", {"type": "fieldnote", "locale": "en"}).json()
    assert [hit["id"] for hit in answer["results"]] == [note.public_id]
    assert answer["results"][0]["type"] == "fieldnote"
    facet = {value["key"]: value for value in answer["facets"]["type"]}
    assert facet["fieldnote"]["count"] == 1
    assert facet["fieldnote"]["label"] == "Field notes"

    feed = client.get("/en/search/feed/", {"type": "fieldnote"})
    assert feed.status_code == 200
    assert TITLE in feed.content.decode()


def test_the_items_api_serves_it(client, note):
    response = client.get(f"/api/v1/items/{note.public_id}/")
    assert response.status_code == 200
    assert response.json()["title"] == TITLE


def test_its_rows_download_as_csv(client, note):
    response = client.get(f"/api/v1/{FIELD_NOTE.section}.csv", {"type": "fieldnote"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["id"] for row in rows] == [note.public_id]


def test_it_is_citable_in_every_format(client, note):
    assert client.get(f"/cite/{note.public_id}/", {"lang": "fr"})["Location"] == note.url
    for format_name in ("bibtex", "ris", "csl-json"):
        response = client.get(f"/cite/{note.public_id}/", {"format": format_name, "lang": "fr"})
        assert response.status_code == 200, format_name
        assert TITLE in response.content.decode(), format_name


def test_the_sitemap_lists_it_in_a_section_of_its_own(client, note):
    assert f"<loc>http://testserver{note.url}</loc>" in client.get("/sitemap.xml").content.decode()
    section = client.get(f"/sitemap-{FIELD_NOTE.section}.xml")
    assert section.status_code == 200
    assert f"<loc>http://testserver{note.url}</loc>" in section.content.decode()


def test_open_data_holds_it_and_the_dictionary_describes_its_file(note, open_data_root):
    call_command("build_open_data")
    rows = list(csv.DictReader((open_data_root / f"vigie-{FIELD_NOTE.section}.csv").open(encoding="utf-8")))
    assert [row["id"] for row in rows] == [note.public_id]
    data = json.loads((open_data_root / "vigie-data.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in data[FIELD_NOTE.section]] == [note.public_id]
    dictionary = json.loads((open_data_root / "data-dictionary.json").read_text(encoding="utf-8"))
    assert f"vigie-{FIELD_NOTE.section}.csv" in [file["name"] for file in dictionary["files"]]


def test_the_home_page_shows_the_latest(client, note):
    home = client.get("/fr/").content.decode()
    assert TITLE in home
    assert "Latest field notes" in home
