"""A register entry wherever a published item goes besides the search and the API: ``/cite/``
and its formats (a dataset the hub compiles and publishes), its JSON-LD, the sitemap's
``systems`` section and the search feeds; an entry never published reaches none of them."""

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from citations.citable import CitableItem
from citations.json_ld import json_ld_data
from sitemap import sections
from tests.factories import SystemPageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def entries(site_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        published = SystemPageFactory(title="Système fictif cité")
        draft = SystemPageFactory(title="Système Brouilloncite", slug="brouilloncite", live=False)
    return {"published": published, "draft": draft}


def test_an_entry_is_cited_as_a_dataset_the_hub_compiled(client, entries):
    entry = entries["published"]
    address = f"/cite/{entry.public_id}/"

    redirect = client.get(address)
    csl = json.loads(client.get(address, {"format": "csl-json", "lang": "en"}).content)[0]
    ris = client.get(address, {"format": "ris", "lang": "en"}).content.decode()
    bibtex = client.get(address, {"format": "bibtex", "lang": "en"}).content.decode()

    assert redirect.status_code == 301 and redirect["Location"] == entry.url
    assert (csl["type"], csl["genre"], csl["number"]) == ("dataset", "AI system", entry.public_id)
    # The hub compiles the entry from the organization's declaration and the community's
    # documentation: it is the author and the publisher, not the organization.
    assert csl["author"] == [{"literal": "Vigie IA"}] and csl["publisher"] == "Vigie IA"
    assert "TY  - DATA\r\n" in ris  # RIS names a dataset so
    assert bibtex.startswith(f"@misc{{{entry.public_id},")  # BibTeX has no dataset entry type
    assert client.get(f"/cite/{entries['draft'].public_id}/").status_code == 404


def test_its_json_ld_describes_a_software_application(entries):
    citable = CitableItem(entries["published"], language="fr")

    data = json_ld_data(citable)

    assert (data["@type"], data["identifier"]) == ("SoftwareApplication", entries["published"].public_id)
    assert "reportNumber" not in data
    with translation.override("fr"):
        assert str(citable.page.citation_heading()) == "Citer cette fiche du registre"


def test_the_sitemap_lists_published_entries_in_their_section(client, entries, monkeypatch):
    monkeypatch.setattr(sections, "URL_LIMIT", 4)  # an index of sections, one file per section

    index = ET.fromstring(client.get("/sitemap.xml").content)
    files = [node.text for node in index.iterfind("sm:sitemap/sm:loc", NS)]
    systems = ET.fromstring(client.get("/sitemap-systems.xml").content)
    listed = [node.text for node in systems.iterfind("sm:url/sm:loc", NS)]

    assert "http://testserver/sitemap-systems.xml" in files
    published = entries["published"]
    assert listed == [f"http://testserver{published.url}"]  # its only version: not translated
    assert "brouilloncite" not in client.get("/sitemap-systems.xml").content.decode()


def test_the_search_feed_follows_the_register(client, entries):
    with translation.override("en"):
        path = reverse("search-feed")

    feed = feedparser.parse(client.get(path, {"type": "system", "lifecycle": "in-use"}).content)

    assert [entry.title for entry in feed.entries] == ["Système fictif cité"]
    assert feed.entries[0].id == f"http://testserver/cite/{entries['published'].public_id}/"
    assert "Brouilloncite" not in client.get(path).content.decode()
    assert "In use" in feed.feed.title
