"""The items API serves whatever the item-type registry (``hub.items``) holds when it is asked,
and each type's record comes from its page class (``ItemPage.api_record``)."""

import dataclasses

import pytest
from django.urls import resolve as resolve_url

from advocacy.models import CollaborationAgreementPage
from hub.items import get_item_type, item_types, register, registered, unregister
from hub.models import ItemPage
from tests.factories import CollaborationAgreementPageFactory

pytestmark = pytest.mark.django_db

SCHEMA = "/api/v1/schema/"
ITEM_PATH = "/api/v1/items/{public_id}/"


@pytest.fixture
def stand_in(site_pages):
    """Agreements declared under another key and prefix, as a type registered after the API was
    loaded: the outlet knows neither."""
    resolve_url("/api/v1/search/")  # the URLconf, and so the API, is loaded first
    original = get_item_type("agreement")
    unregister(original.key)
    try:
        with registered(dataclasses.replace(original, key="test-accord", prefix="ZZ")) as item_type:
            yield item_type
    finally:
        register(original)


def resolve(schema, node):
    """``node`` with its ``$ref`` (or a lone ``allOf`` around one) followed."""
    while True:
        if "$ref" in node:
            node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
        elif len(node.get("allOf", ())) == 1:
            node = node["allOf"][0]
        else:
            return node


def test_a_type_registered_later_is_served_and_described(client, stand_in):
    agreement = CollaborationAgreementPageFactory(title="Entente fictive déclarée plus tard")
    assert agreement.public_id.startswith("ZZ-")

    response = client.get(ITEM_PATH.format(public_id=agreement.public_id))

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["type"], body["title"]) == (agreement.public_id, "test-accord", agreement.title)
    assert body["scope"] == agreement.scope and len(body["parties"]) == 2

    schema = client.get(SCHEMA, {"format": "json"}).json()
    operation = schema["paths"][ITEM_PATH]["get"]
    pattern = next(p for p in operation["parameters"] if p["name"] == "public_id")["schema"]["pattern"]
    prefixes = "|".join(item_type.prefix for item_type in item_types())  # ZZ last, registered last
    assert prefixes.endswith("|ZZ")
    assert pattern == f"^({prefixes})-[0-9]{{4}}-[0-9]{{4,}}$"
    item = resolve(schema, operation["responses"]["200"]["content"]["application/json"]["schema"])
    keys = [item_type.key for item_type in item_types()]
    assert "test-accord" in keys and "agreement" not in keys
    assert resolve(schema, item["properties"]["type"])["enum"] == keys


def test_a_type_that_adds_nothing_gets_every_declared_field_empty(client, site_pages, monkeypatch):
    monkeypatch.setattr(CollaborationAgreementPage, "api_record", ItemPage.api_record)
    agreement = CollaborationAgreementPageFactory()

    body = client.get(ITEM_PATH.format(public_id=agreement.public_id)).json()

    assert body["dates"] == {
        "first_published": agreement.first_published_at.isoformat(),
        "last_published": agreement.last_published_at.isoformat(),
        "reported": None,
        "publication": None,
        "start": None,
        "end": None,
        "next_review": None,
    }
    assert (body["scope"], body["status"], body["impact_level"]) == (None, None, None)
    assert (body["parties"], body["signatories"], body["risks"], body["cited_by"]) == ([], [], [], [])


def test_a_record_field_the_serializer_does_not_declare_is_refused(client, site_pages, monkeypatch):
    monkeypatch.setattr(CollaborationAgreementPage, "api_record", lambda page, api: {"budget": 1})
    agreement = CollaborationAgreementPageFactory()

    with pytest.raises(ValueError, match="budget"):
        client.get(ITEM_PATH.format(public_id=agreement.public_id))
