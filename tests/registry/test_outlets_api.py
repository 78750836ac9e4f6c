"""A register entry in the items API: its organization, both records field by field, what the
organization withheld, its disclosure and the source of its declaration, the case files about
it; and never a word of a declaration's draft."""

import datetime

import pytest

from registry.models import Lifecycle
from registry.record import EXPECTED_KEYS, FIELDS
from tests.factories import (
    CaseFilePageFactory,
    DeclaredRecordFactory,
    OrganizationFactory,
    SystemPageFactory,
    translate_page,
)

pytestmark = pytest.mark.django_db

ITEM = "/api/v1/items/{}/"


@pytest.fixture
def entry(site_pages):
    vendor = OrganizationFactory(name="Fournisseur fictif")
    system = SystemPageFactory(
        title="Système de tri fictif",
        unit="Direction du tri",
        lifecycle_status=Lifecycle.PILOT,
        risks_mitigations=[("risk", {"risk": "Biais contre les nouveaux arrivants", "mitigation": ""})],
    )
    declared = DeclaredRecordFactory(
        system=system,
        purpose="Réduire les délais.",
        lifecycle_status=Lifecycle.IN_USE,
        impact_assessments=[
            ("assessment", {"kind": "aia-2", "date": datetime.date(2024, 5, 1), "url": "", "note": ""})
        ],
        not_disclosed=["training_data", "source_code_url"],
    )
    declared.vendors.set([vendor])
    declared.save()
    declared.save_revision().publish()
    casefile = CaseFilePageFactory(title="Dossier sur le tri", system=system)
    CaseFilePageFactory(title="Dossier brouillon sur le tri", system=system, live=False)
    return {"system": system, "declared": declared, "casefile": casefile, "vendor": vendor}


def test_the_record_holds_both_records_the_withheld_fields_and_the_score(client, entry):
    system = entry["system"]

    body = client.get(ITEM.format(system.public_id)).json()

    assert (body["type"], body["unit"]) == ("system", "Direction du tri")
    assert body["organization"]["name"] == system.organization.name
    assert list(body["community_record"]) == [field.key for field in FIELDS]
    assert body["community_record"]["lifecycle_status"]["key"] == "pilot"
    assert body["community_record"]["risks_mitigations"] == [
        {"risk": "Biais contre les nouveaux arrivants", "mitigation": None}
    ]
    assert body["community_record"]["purpose"] is None
    declared = body["declared_record"]
    assert declared["purpose"] == "Réduire les délais."
    assert declared["lifecycle_status"]["labels"]["en"] == "In use"
    assert declared["vendors"][0]["name"] == "Fournisseur fictif"
    assert declared["impact_assessments"][0]["kind"]["key"] == "aia-2"
    assert declared["impact_assessments"][0]["date"] == "2024-05-01"
    assert body["not_disclosed"] == ["training_data", "source_code_url"]
    # purpose, lifecycle_status, vendors, impact_assessments: four of the expected fields.
    assert body["disclosure"]["disclosed"] == 4
    assert body["disclosure"]["expected"] == len(EXPECTED_KEYS)
    assert body["disclosure"]["level"]["key"] == "low"
    assert body["declaration"] == {
        "title": "Rapport annuel fictif",
        "url": "https://organisme.example.org/rapport",
        "date": "2025-03-01",
        "language": "fr",
    }
    assert body["status"]["key"] == "in-use"  # the organization's word before the community's
    assert body["impact_level"]["key"] == "2"
    assert [casefile["id"] for casefile in body["casefiles"]] == [entry["casefile"].public_id]


def test_a_draft_of_the_declaration_never_shows(client, entry):
    declared = type(entry["declared"]).objects.get(pk=entry["declared"].pk)
    declared.purpose = "Texte brouillon secret."
    declared.not_disclosed = ["legal_basis"]
    declared.save_revision()  # a new draft of a published declaration: the row keeps the live content
    never_published = SystemPageFactory(title="Système sans déclaration publiée")
    DeclaredRecordFactory(system=never_published, live=False, purpose="Autre brouillon secret.")

    body = client.get(ITEM.format(entry["system"].public_id)).json()
    other = client.get(ITEM.format(never_published.public_id)).json()

    assert "brouillon secret" not in str(body)
    assert body["declared_record"]["purpose"] == "Réduire les délais."
    assert body["not_disclosed"] == ["training_data", "source_code_url"]
    assert other["declared_record"] is None and other["declaration"] is None
    assert other["not_disclosed"] == [] and other["disclosure"]["level"]["key"] == "none"
    assert "Autre brouillon secret" not in str(other)


def test_a_reader_of_the_other_language_gets_the_entry_and_its_case_files_in_it(client, entry):
    system = entry["system"]
    translate_page(system, "en", title="Fictional sorting system", slug="fictional-sorting-system")
    casefile_en = translate_page(
        entry["casefile"], "en", title="Case file about sorting", slug="case-sorting"
    )

    body = client.get(ITEM.format(system.public_id), {"lang": "en"}).json()

    assert body["title"] == "Fictional sorting system"
    assert body["casefiles"] == [
        {
            "id": casefile_en.public_id,
            "type": "casefile",
            "title": "Case file about sorting",
            "language": "en",
            "url": "http://testserver" + casefile_en.url,
        }
    ]
    # The declaration exists in French only: the English version shows it, saying its language.
    assert body["declaration"]["language"] == "fr"


def test_the_schema_describes_the_register_fields(client, entry):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    item = schema["components"]["schemas"]["Item"]["properties"]

    for name in ("organization", "unit", "community_record", "declared_record", "not_disclosed"):
        assert name in item
    assert "AI systems" in item["declared_record"]["description"]
    assert "drafts are never shown" in item["declared_record"]["description"]
    disclosure = schema["components"]["schemas"]["Disclosure"]["properties"]
    assert set(disclosure) == {"disclosed", "expected", "level"}
