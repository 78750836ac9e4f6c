"""A type no outlet knows, declared the way a feature app declares one (``hub.items.register``),
is served by every outlet: search (HTML, JSON, feed, its ``type`` facet), the items API, its
CSV, ``/cite/`` and the citation formats, the sitemap, open data and its dictionary, and the
home page. Nothing in this test touches an outlet: if one names the types it serves, this fails."""

import csv
import dataclasses
import io
import json

import pytest
from django.core.management import call_command

from hub.items import TypeFacet, TypeSort, registered
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


@pytest.fixture
def faceted_notes(committed, monkeypatch):
    """Field notes declared with a facet and a sort of their own, as the register declares its
    lifecycle and its disclosure score: the page methods they name give the values."""
    monkeypatch.setattr(
        FieldNotePage, "weather_facet", lambda page: "rain" if "pluie" in page.title else "sun", raising=False
    )
    monkeypatch.setattr(FieldNotePage, "length_rank", lambda page: len(page.title), raising=False)
    declared = dataclasses.replace(
        FIELD_NOTE,
        facets=(
            TypeFacet("weather", "Weather", lambda: [("sun", "Sun"), ("rain", "Rain")], "weather_facet"),
        ),
        sorts=(TypeSort("length", "Longest title first", "length_rank"),),
    )
    with registered(declared):
        parent = committed(site_skeleton)["fr"]["item_type_app.FieldNoteIndexPage"]
        rainy = committed(FieldNotePageFactory, parent=parent, title="Longue note de terrain sous la pluie")
        sunny = committed(FieldNotePageFactory, parent=parent, title="Note au soleil")
        yield rainy, sunny


def test_a_facet_and_a_sort_it_declares_are_searched_without_an_outlet_naming_them(client, faceted_notes):
    rainy, sunny = faceted_notes

    rain = client.get("/api/v1/search/", {"weather": "rain", "locale": "en"}).json()
    by_length = client.get("/api/v1/search/", {"type": "fieldnote", "sort": "length"}).json()
    newest = client.get("/api/v1/search/", {"type": "fieldnote"}).json()
    page = client.get("/en/search/", {"type": "fieldnote"}).content.decode()
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    assert [hit["id"] for hit in rain["results"]] == [rainy.public_id]
    assert {value["key"]: value["count"] for value in rain["facets"]["weather"]} == {"rain": 1, "sun": 1}
    assert [hit["id"] for hit in by_length["results"]] == [rainy.public_id, sunny.public_id]
    assert [hit["id"] for hit in newest["results"]] == [sunny.public_id, rainy.public_id]
    assert client.get("/api/v1/search/", {"weather": "snow"}).status_code == 400
    assert 'id="facet-weather"' in page and ">Longest title first</option>" in page
    parameters = schema["paths"]["/api/v1/search/"]["get"]["parameters"]
    assert "weather" in {parameter["name"] for parameter in parameters}
