"""The open data as catalogues harvest it: ``datapackage.json`` passes ``frictionless validate``
(every resource, its Table Schema, sizes and fingerprints), a broken row makes it fail, the CSV
files end their lines with CRLF and are served as ``text/csv; charset=utf-8``.

The world holds an item of every registered type, with references between them."""

import csv
import io
import json
import re

import frictionless
import pytest
from django.urls import reverse
from django.utils import translation

from hub.items import item_types
from open_data import build
from tests.factories import (
    AdvocacyBriefPageFactory,
    BriefCitationFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DialoguePageFactory,
    ReportPageFactory,
    SystemPageFactory,
    index_page,
    locale,
    site_skeleton,
    translate_page,
)


def make_world():
    """One published item of every type, a translation, an English original and references."""
    world = {}
    world["casefile"] = CaseFilePageFactory(title="Dossier « guillemets », virgule, et\nligne")
    translate_page(world["casefile"], "en", title="Case file, translated")
    world["english"] = CaseFilePageFactory(
        title="Case file written in English",
        parent=index_page("impacts.CaseFileIndexPage", "en"),
        locale=locale("en"),
    )
    world["brief"] = AdvocacyBriefPageFactory(title="Mémoire fictif")
    BriefCitationFactory(brief=world["brief"], casefile=world["casefile"])
    world["brief"].save_revision().publish()
    world["agreement"] = CollaborationAgreementPageFactory(title="Entente fictive")
    world["system"] = SystemPageFactory(title="Système fictif")
    world["dialogue"] = DialoguePageFactory(title="Atelier fictif")
    world["report"] = ReportPageFactory(title="Bilan fictif", dialogues=[world["dialogue"]])
    return world


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site_skeleton()
        return make_world()


def validate(root):
    report = frictionless.validate(str(root / "datapackage.json"))
    errors = report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
    return report.valid, errors


def test_the_data_package_validates(root, world):
    build.build_open_data(root)
    valid, errors = validate(root)
    assert valid, errors


def test_the_package_describes_every_file_of_the_manifest(root, world):
    manifest = build.build_open_data(root)
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    described = {resource["path"] for resource in package["resources"]}
    written = {entry["name"] for entry in manifest["files"]} - {"datapackage.json"}
    assert described == written
    on_disk = {path.name for path in root.iterdir() if path.is_file()} - {"manifest.json", "datapackage.json"}
    assert described == on_disk
    tables = {resource["path"]: resource for resource in package["resources"] if "schema" in resource}
    assert set(tables) == {f"vigie-{item_type.section}.csv" for item_type in item_types()}
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"


def test_the_schemas_hold_the_vocabularies_and_keys(root, world):
    build.build_open_data(root)
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    casefiles = next(r for r in package["resources"] if r["path"] == "vigie-casefiles.csv")
    fields = {spec["name"]: spec for spec in casefiles["schema"]["fields"]}
    assert casefiles["schema"]["primaryKey"] == ["id", "locale"]
    assert fields["locale"]["constraints"] == {"required": True, "enum": ["fr", "en"]}
    assert fields["first_reported"]["type"] == "date"
    assert re.fullmatch(fields["services"]["constraints"]["pattern"], "sante")
    assert not re.fullmatch(fields["services"]["constraints"]["pattern"], "sante|inconnu")
    dialogues = next(r for r in package["resources"] if r["path"] == "vigie-dialogues.csv")
    assert dialogues["schema"]["primaryKey"] == ["id", "locale", "session"]
    reports = next(r for r in package["resources"] if r["path"] == "vigie-reports.csv")
    reference = next(spec for spec in reports["schema"]["fields"] if spec["name"] == "dialogues")
    assert re.fullmatch(reference["constraints"]["pattern"], "DI-2026-0001|DI-2026-0012")
    assert not re.fullmatch(reference["constraints"]["pattern"], "CF-2026-0001")


def every_id(root, name):
    with open(root / name, encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle)}


def test_every_referenced_id_is_a_row_of_the_file_it_names(root, world):
    """What ``foreignKeys`` cannot check in a cell of several ids, checked here."""
    build.build_open_data(root)
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    checked = 0
    for resource in package["resources"]:
        for spec in resource.get("schema", {}).get("fields", []):
            target = re.search(r"\((vigie-[a-z]+\.csv), id\)$", spec["description"])
            if target is None:
                continue
            targets = every_id(root, target[1])
            with open(root / resource["path"], encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    for value in filter(None, row[spec["name"]].split("|")):
                        assert value in targets
                        checked += 1
    assert checked >= 2  # the brief's citation and the report's dialogue, in each language


def rewrite_first_row(path, column, value):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


@pytest.mark.parametrize(
    ("column", "value"),
    [("locale", "de"), ("first_reported", "hier"), ("id", "XX-1"), ("services", "sante|inconnu")],
)
def test_a_broken_row_makes_the_package_invalid(root, world, column, value):
    build.build_open_data(root)
    path = root / "vigie-casefiles.csv"
    rewrite_first_row(path, column, value)
    package_path = root / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    for resource in package["resources"]:  # the fingerprint alone would fail it otherwise
        if resource["path"] == path.name:
            resource.pop("hash")
            resource.pop("bytes")
    package_path.write_text(json.dumps(package), encoding="utf-8")
    valid, errors = validate(root)
    assert not valid
    assert {error[3] for error in errors} & {"constraint-error", "type-error"}, errors


def test_a_changed_file_fails_its_fingerprint(root, world):
    build.build_open_data(root)
    path = root / "vigie-briefs.csv"
    path.write_bytes(path.read_bytes().replace(b"fictif", b"fictiv"))
    valid, errors = validate(root)
    assert not valid
    assert "hash-count" in {error[3] for error in errors} or "byte-count" in {error[3] for error in errors}


def test_csv_lines_end_with_crlf(root, world):
    build.build_open_data(root)
    for item_type in item_types():
        raw = (root / f"vigie-{item_type.section}.csv").read_bytes()
        assert raw.endswith(b"\r\n")
        # Every line end outside a quoted cell is CRLF: the parsed rows match a CRLF rewrite.
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        rewritten = io.StringIO()
        csv.writer(rewritten, lineterminator="\r\n").writerows(rows)
        assert raw.decode("utf-8") == rewritten.getvalue()
        assert b"\n" not in raw.replace(b"\r\n", b"").replace(b"et\nligne", b"")


def test_open_data_files_are_served_with_their_media_types(root, world, client, settings):
    settings.OPEN_DATA_ROOT = root
    build.build_open_data(root)
    response = client.get("/media/open-data/vigie-casefiles.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert b"".join(response.streaming_content).startswith(b"id,locale,")
    response = client.get("/media/open-data/datapackage.json")
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("language", "title", "catalogue"),
    [
        ("fr", "Paquet de données (Frictionless)", "/fr/donnees/catalogue.jsonld"),
        ("en", "Data package (Frictionless)", "/en/data/catalog.jsonld"),
    ],
)
def test_the_open_data_page_offers_the_package_and_the_catalogue(
    root, world, client, language, title, catalogue
):
    build.build_open_data(root)
    with translation.override(language):
        url = reverse("open-data")
    body = client.get(url).content.decode()
    assert 'href="/media/open-data/datapackage.json"' in body
    assert title in body
    assert f'href="{catalogue}"' in body
