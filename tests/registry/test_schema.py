"""The register's JSON Schema and crosswalk: published, kept in the repository as generated, the
export valid against the schema, and a document breaking any rule refused by the schema and by the
import alike."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator

from registry.interchange.crosswalk import crosswalk_text
from registry.interchange.schema import schema_text
from tests.factories import OrganizationFactory

from .test_interchange import HEADER
from .test_interchange_json import DOCUMENT, dump, export_json, refused_import, run_import, spoil, system

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "registry" / "schema" / "register-v1.json"
CROSSWALK_FILE = ROOT / "docs" / "register-crosswalk.md"


@pytest.fixture(autouse=True)
def organizations():
    OrganizationFactory(name="Ministère fictif", key="ministere-fictif")
    OrganizationFactory(name="Fournisseur fictif", key="fournisseur-fictif", kind="vendor")


def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_in_the_repository_is_the_generated_one():
    """Regenerate with ``manage.py crosswalk_systems --schema registry/schema/register-v1.json``."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_the_crosswalk_in_the_repository_is_the_generated_one():
    """Regenerate with ``manage.py crosswalk_systems docs/register-crosswalk.md``."""
    stdout = io.StringIO()
    call_command("crosswalk_systems", "-", stdout=stdout)

    assert CROSSWALK_FILE.read_text(encoding="utf-8") == stdout.getvalue() == crosswalk_text()


def test_the_crosswalk_documents_every_column():
    table = [
        line for line in CROSSWALK_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("| `")
    ]
    documented = {cell.strip("` ") for line in table for cell in line.split("|")[1].split(",")}

    assert documented == set(HEADER)
    assert "| `declared_purpose`, `community_purpose` |" in CROSSWALK_FILE.read_text(encoding="utf-8")


def test_the_crosswalk_names_the_standards_fields():
    text = CROSSWALK_FILE.read_text(encoding="utf-8")
    purpose = next(line for line in text.splitlines() if line.startswith("| `declared_purpose`"))

    # Dutch 1.0 "Doel en impact" is `goal`; the ATRS says `benefit`; Eurocities `goal`.
    assert purpose.endswith("| `goal` | `benefit` | `goal` | `businessDrivers6A (expected benefits)` |")


def test_the_schema_is_published_at_its_stable_address(client):
    response = client.get("/schemas/register-v1.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert client.post("/schemas/register-v1.json").status_code == 405


def test_the_export_is_valid_against_the_published_schema(tmp_path):
    run_import(tmp_path, dump(DOCUMENT))

    exported = json.loads(export_json())

    assert len(exported["systems"]) == 2
    assert list(validator().iter_errors(exported)) == []


RULES = [
    pytest.param(spoil(("community", "technique"), "neural"), id="unknown choice"),
    pytest.param(spoil(("declared", "start_month"), "2025-13"), id="bad month"),
    pytest.param(spoil(("community", "public_page_url"), "ftp://exemple.org/"), id="bad URL"),
    pytest.param(spoil(("description",), "x" * 351), id="description over 350 characters"),
    pytest.param(spoil(("name",), ""), id="empty name"),
    pytest.param(spoil(("id",), "CF-2025-0012"), id="another type's id"),
    pytest.param(spoil(("locale",), "de"), id="unknown language"),
    pytest.param(spoil(("services",), []), id="no service"),
    pytest.param(spoil(("source",), None), id="declared without its source"),
    pytest.param(spoil(("source", "date"), "2025-03-32"), id="bad source date"),
    pytest.param(spoil(("declared", "training_data"), "Dossiers."), id="withheld field given"),
    pytest.param(spoil(("not_disclosed",), ["secret"]), id="unknown field withheld"),
    pytest.param(spoil(("declared", "vendors"), "fournisseur-fictif"), id="vendors not a list"),
    pytest.param(
        spoil(("declared", "impact_assessments"), [{"kind": "aia-9"}]), id="unknown assessment kind"
    ),
    pytest.param(
        spoil(("community", "risks_mitigations"), [{"mitigation": "x"}]), id="risk without its risk"
    ),
    pytest.param(spoil(("published",), "true"), id="published not a boolean"),
    pytest.param(
        spoil(("community_sources",), [{"field": "purpose", "casefile": "", "title": "Oral", "url": ""}]),
        id="source with neither case file nor address",
    ),
    pytest.param(spoil(("colour",), "bleu"), id="unknown property"),
    pytest.param(
        {**DOCUMENT, "systems": [system(**{**DOCUMENT["systems"][1], "not_disclosed": ["purpose"]})]},
        id="withholding without a declaration",
    ),
]


@pytest.mark.parametrize("document", RULES)
def test_a_document_breaking_a_rule_is_refused_by_the_schema_and_by_the_import(tmp_path, document):
    assert list(validator().iter_errors(document)), "the schema accepts it"
    assert refused_import(tmp_path, dump(document)), "the import accepts it"


def test_the_hand_written_document_is_valid():
    """The documents above break one rule each of a valid one."""
    assert list(validator().iter_errors(DOCUMENT)) == []
