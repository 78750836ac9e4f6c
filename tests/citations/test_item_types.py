"""Citations follow the item-type registry: an item's CSL type, genre and schema.org type come
from its type's declaration, so a type declared differently is cited differently without any
change to the citation code."""

import json

import lxml.html
import pytest

from tests.factories import CollaborationAgreementPageFactory
from tests.item_type_support import redeclared

pytestmark = pytest.mark.django_db


def test_an_items_type_declares_how_it_is_cited(client, site_pages):
    page = CollaborationAgreementPageFactory(title="Atelier public")
    address = f"/cite/{page.public_id}/"

    with redeclared("agreement", key="workshop", label="Workshop", csl_type="speech", schema_type="Event"):
        redirect = client.get(address)
        csl = json.loads(client.get(address, {"format": "csl-json", "lang": "en"}).content)[0]
        ris = client.get(address, {"format": "ris", "lang": "en"}).content.decode()
        document = lxml.html.fromstring(client.get(page.url).content.decode())

    assert redirect.status_code == 301 and redirect["Location"] == page.url
    assert (csl["type"], csl["genre"]) == ("speech", "Workshop")
    assert "M3  - Workshop\r\n" in ris
    (script,) = document.xpath('//head/script[@type="application/ld+json"]')
    data = json.loads(script.text)
    assert (data["@type"], data["genre"]) == ("Event", "Workshop")
    assert "reportNumber" not in data
