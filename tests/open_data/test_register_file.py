"""The register's open-data file: one row per published language version of an entry, each
field's value as its page leads with it, which of them the organization disclosed or withheld,
its disclosure and the case files about it; the JSON file holds both records whole; the data
dictionary documents every column in both languages; a declaration's draft never shows."""

import csv
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from open_data import build
from registry.models import Lifecycle, Technique
from registry.record import EXPECTED_KEYS, FIELDS
from tests.factories import (
    CaseFilePageFactory,
    DeclaredRecordFactory,
    SystemPageFactory,
    site_skeleton,
    translate_page,
)

SYSTEMS_CSV = "vigie-systems.csv"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def register(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site_skeleton()
        system = SystemPageFactory(
            title="Système fictif ouvert", lifecycle_status=Lifecycle.PILOT, technique=Technique.OTHER
        )
        DeclaredRecordFactory(system=system, purpose="Réduire les délais.", lifecycle_status=Lifecycle.IN_USE)
        translate_page(system, "en", title="Open fictional system", slug="open-fictional-system")
        casefile = CaseFilePageFactory(system=system)
        drafted = SystemPageFactory(title="Système fictif brouillon")
        DeclaredRecordFactory(system=drafted, live=False, purpose="Brouillonregistre", lifecycle_status="")
        SystemPageFactory(title="Système Brouillonpage", live=False)
    return {"system": system, "casefile": casefile, "drafted": drafted}


def test_each_version_is_a_row_with_what_its_page_leads_with(root, register):
    build.build_open_data()
    header, rows = read_csv(root / SYSTEMS_CSV)
    system, drafted = register["system"], register["drafted"]

    for key in [field.key for field in FIELDS]:
        assert key in header
    assert {(row["id"], row["locale"]) for row in rows} == {
        (system.public_id, "fr"),
        (system.public_id, "en"),
        (drafted.public_id, "fr"),
    }
    french = next(row for row in rows if row["id"] == system.public_id and row["locale"] == "fr")
    assert french["lifecycle_status"] == "in-use"  # declared, over the community's pilot
    assert french["technique"] == "other"  # the community's: the organization said nothing
    assert french["purpose"] == "Réduire les délais."
    assert french["declared_fields"] == "lifecycle_status|purpose"
    assert french["not_disclosed"] == "training_data|source_code_url"
    assert set(french["community_fields"].split("|")) == {"lifecycle_status", "decision_role", "technique"}
    assert (french["disclosed"], french["expected"]) == ("2", str(len(EXPECTED_KEYS)))
    assert french["disclosure_level"] == "low"
    assert french["declaration_date"] == "2025-03-01"
    assert french["casefiles"] == register["casefile"].public_id
    draft_row = next(row for row in rows if row["id"] == drafted.public_id)
    assert (draft_row["purpose"], draft_row["declared_fields"], draft_row["disclosure_level"]) == (
        "",
        "",
        "none",
    )


def test_the_json_holds_both_records_and_never_a_draft(root, register):
    build.build_open_data()
    data = json.loads((root / "vigie-data.json").read_text(encoding="utf-8"))
    system = register["system"]

    item = next(item for item in data["systems"] if item["id"] == system.public_id)
    assert item["languages"] == ["fr", "en"]
    french = item["translations"]["fr"]
    assert french["declared_record"]["purpose"] == "Réduire les délais."
    assert french["community_record"]["lifecycle_status"] == "pilot"
    assert item["disclosure"] == {"disclosed": 2, "expected": len(EXPECTED_KEYS), "level": "low"}
    assert item["declaration"]["language"] == "fr"
    assert item["casefiles"] == [register["casefile"].public_id]
    assert data["counts"]["systems"] == 2
    every_byte = b"".join(path.read_bytes() for path in root.iterdir() if path.is_file())
    assert b"Brouillonregistre" not in every_byte and b"Brouillonpage" not in every_byte


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_dictionary_documents_every_column_and_its_values(root, register, client, language):
    build.build_open_data()
    header, _rows = read_csv(root / SYSTEMS_CSV)
    with translation.override(language):
        body = client.get(reverse("data-dictionary")).content.decode()

    assert re.findall(rf'<tr id="{re.escape(SYSTEMS_CSV)}-columns-(\w+)">', body) == header
    lifecycle = re.search(
        rf'<tr id="{re.escape(SYSTEMS_CSV)}-columns-lifecycle_status">(.*?)</tr>', body, re.S
    )
    shown = set(re.findall(r'<code class="value">([^<]*)</code>', lifecycle.group(1)))
    assert shown == set(Lifecycle.values)
