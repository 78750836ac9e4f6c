"""The items API keeps a case file's ``ai_system`` (the name of its register entry) and adds
``system``, a reference to the entry that a reader may follow: null until the entry is published."""

import pytest

from tests.factories import CaseFilePageFactory, SystemPageFactory, translate_page

pytestmark = pytest.mark.django_db


def record(client, public_id, language="fr"):
    response = client.get(f"/api/v1/items/{public_id}/", {"lang": language})
    assert response.status_code == 200
    return response.json()


def test_a_published_system_is_referenced_in_the_readers_language(client, site_pages):
    system = SystemPageFactory(title="TriAide")
    english = translate_page(system, title="SortAid")
    casefile = CaseFilePageFactory(system=system)

    french_record, english_record = (
        record(client, casefile.public_id),
        record(client, casefile.public_id, "en"),
    )

    assert french_record["ai_system"] == english_record["ai_system"] == "TriAide"
    assert french_record["system"]["id"] == english_record["system"]["id"] == system.public_id
    assert (french_record["system"]["title"], french_record["system"]["language"]) == ("TriAide", "fr")
    assert (english_record["system"]["title"], english_record["system"]["language"]) == ("SortAid", "en")
    assert english_record["system"]["url"] == f"http://testserver{english.url}"


def test_a_draft_system_is_named_but_not_referenced(client, site_pages):
    casefile = CaseFilePageFactory(system=SystemPageFactory(title="Brouillon", live=False))
    body = record(client, casefile.public_id)
    assert (body["ai_system"], body["system"]) == ("Brouillon", None)


def test_a_case_file_without_system_has_neither(client, site_pages):
    body = record(client, CaseFilePageFactory().public_id)
    assert (body["ai_system"], body["system"]) == ("", None)
