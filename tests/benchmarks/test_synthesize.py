"""``synthesize``: a synthetic hub in an empty database, searchable, marked fictional, and never
written over an existing hub."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hub.items import item_types
from search.backends import get_backend


@pytest.fixture
def embedded(settings):
    settings.ELASTICSEARCH_URL = ""
    get_backend.cache_clear()
    yield
    get_backend.cache_clear()


def test_synthesize_fills_an_empty_hub_that_search_and_pages_serve(db, embedded, client):
    call_command("synthesize", count=40, skip_open_data=True, stdout=StringIO())
    in_french = {
        item_type.key: item_type.model.objects.public().filter(locale__language_code="fr").count()
        for item_type in item_types()
    }
    assert sum(in_french.values()) == 40
    assert all(in_french.values()), in_french
    assert client.get("/api/v1/search/", {"lang": "fr"}).json()["count"] == 40
    home = client.get("/fr/")
    assert "fictif" in home.content.decode()


def test_synthesize_refuses_a_database_that_holds_items(db, embedded):
    call_command("synthesize", count=5, skip_open_data=True, stdout=StringIO())
    before = sum(item_type.model.objects.count() for item_type in item_types())
    with pytest.raises(CommandError, match="already holds"):
        call_command("synthesize", count=5, skip_open_data=True)
    assert sum(item_type.model.objects.count() for item_type in item_types()) == before
