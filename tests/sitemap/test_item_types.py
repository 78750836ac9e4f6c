"""The sitemap's sections follow the item-type registry: a type declared under another key and
section is listed under that section, without any change to the sitemap's code."""

import xml.etree.ElementTree as ET

import pytest

from sitemap.cache import new_generation
from tests.factories import CollaborationAgreementPageFactory
from tests.item_type_support import redeclared

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(response):
    assert response.status_code == 200
    return {node.text for node in ET.fromstring(response.content).iterfind("sm:*/sm:loc", NS)}


def test_each_registered_type_has_its_own_section(client, site_pages, monkeypatch):
    page = CollaborationAgreementPageFactory(title="Atelier public")
    monkeypatch.setattr("sitemap.sections.URL_LIMIT", 2)  # an index of sections

    with redeclared("agreement", key="workshop", section="workshops"):
        new_generation()
        sections = locations(client.get("/sitemap.xml"))
        listed = locations(client.get("/sitemap-workshops.xml"))
        former = client.get("/sitemap-agreements.xml")

    assert "http://testserver/sitemap-workshops.xml" in sections
    assert not any("sitemap-agreements" in location for location in sections)
    assert listed == {f"http://testserver{page.url}"}  # its only version
    assert former.status_code == 404
