"""JSON import and export of the register (``--format json``): the same records as the CSV file,
as nested objects. The documents are written out by hand here and read back with ``json``."""

import copy
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from registry.models import DeclaredRecord, SystemPage
from tests.factories import OrganizationFactory

from .test_interchange import FIELDS, database_state, read_rows, wipe_register

pytestmark = pytest.mark.django_db

LISTS = ("vendors", "impact_assessments", "risks_mitigations")


def fields(**values):
    """A record's register fields, every one present, empty unless given."""
    return {key: values.get(key, [] if key in LISTS else "") for key in FIELDS}


def system(**properties):
    return {
        "id": "",
        "locale": "fr",
        "name": "",
        "description": "",
        "plain_summary": "",
        "organization": "",
        "unit": "",
        "services": [],
        "regions": [],
        "published": False,
        "community": fields(),
        "community_sources": [],
        "declared": None,
        "not_disclosed": [],
        "source": None,
        **properties,
    }


DOCUMENT = {
    "format": "vigie-ia-register",
    "version": 1,
    "systems": [
        system(
            id="SY-2025-0012",
            name="Détection de fraude fictive",
            description="Un modèle signale des dossiers à vérifier. Contenu fictif.",
            plain_summary="Une machine choisit des dossiers. Une personne vérifie.",
            organization="ministere-fictif",
            unit="Direction de la conformité",
            services=["fiscalite"],
            regions=["capitale-nationale", "tout-le-quebec"],
            published=True,
            community=fields(
                decision_role="Signale des dossiers.",
                risks_mitigations=[{"risk": "Faux positifs | biais", "mitigation": "Révision\nhumaine"}],
            ),
            declared=fields(
                lifecycle_status="pilot",
                start_month="2025-01",
                automation="partly-automated",
                vendors=["fournisseur-fictif"],
                impact_assessments=[
                    {
                        "kind": "aia-3",
                        "date": "2025-02-03",
                        "url": "https://exemple.org/eia",
                        "note": "Niveau III",
                    }
                ],
            ),
            community_sources=[
                {"field": "", "casefile": "", "title": "Article fictif", "url": "https://exemple.org/article"}
            ],
            not_disclosed=["training_data"],
            source={
                "title": "Registre fictif",
                "url": "https://exemple.org/registre",
                "date": "2025-03-01",
                "published": True,
            },
        ),
        system(
            id="SY-2025-0012",
            locale="en",
            name="Fictional fraud detection",
            description="A model flags files to check. Fictional content.",
            plain_summary="A machine picks files. A person checks them.",
            organization="ministere-fictif",
            services=["fiscalite"],
            regions=["capitale-nationale", "tout-le-quebec"],
            published=False,
            community=fields(decision_role="Flags files."),
        ),
    ],
}


@pytest.fixture(autouse=True)
def organizations():
    OrganizationFactory(name="Ministère fictif", key="ministere-fictif")
    OrganizationFactory(name="Fournisseur fictif", key="fournisseur-fictif", kind="vendor")


def dump(document):
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def run_import(tmp_path, text, name="systems.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    stdout = io.StringIO()
    with translation.override("en"):
        call_command("import_systems", str(path), "--format", "json", stdout=stdout)
    return stdout.getvalue()


def refused_import(tmp_path, text):
    path = tmp_path / "refused.json"
    path.write_text(text, encoding="utf-8")
    stderr = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_systems", str(path), "--format", "json", stdout=io.StringIO(), stderr=stderr)
    return stderr.getvalue().splitlines()


def export_json():
    stdout = io.StringIO()
    call_command("export_systems", "-", "--format", "json", stdout=stdout)
    return stdout.getvalue()


def test_import_then_export_gives_the_document_back(tmp_path):
    output = run_import(tmp_path, dump(DOCUMENT))

    assert output.strip() == "Register entries created: 2, updated: 0, unchanged: 0."
    assert json.loads(export_json()) == DOCUMENT
    french = SystemPage.objects.get(public_id="SY-2025-0012", locale__language_code="fr")
    assert french.declared_record().automation == "partly-automated"
    assert not SystemPage.objects.get(public_id="SY-2025-0012", locale__language_code="en").live


def test_the_json_and_csv_exports_hold_the_same_records(tmp_path):
    run_import(tmp_path, dump(DOCUMENT))
    stdout = io.StringIO()
    call_command("export_systems", "-", stdout=stdout)

    french = read_rows(stdout.getvalue())[0]

    assert french["regions"] == "capitale-nationale|tout-le-quebec"
    assert french["declared_impact_assessments"] == "aia-3|2025-02-03|https://exemple.org/eia|Niveau III"
    assert french["community_risks_mitigations"] == "Faux positifs \\| biais|Révision\\nhumaine"
    assert (french["declared_source_date"], french["declared_published"]) == ("2025-03-01", "true")


def test_export_then_import_into_an_empty_register_then_export_gives_the_same_file(tmp_path):
    run_import(tmp_path, dump(DOCUMENT))
    first = export_json()

    wipe_register()
    assert json.loads(export_json())["systems"] == []
    output = run_import(tmp_path, first, "first.json")
    second = export_json()

    assert "created: 2" in output
    assert second.encode("utf-8") == first.encode("utf-8")


def test_reimporting_the_export_changes_nothing(tmp_path):
    run_import(tmp_path, dump(DOCUMENT))

    assert "unchanged: 2" in run_import(tmp_path, export_json(), "again.json")


def test_text_is_read_as_the_csv_reads_it_without_surrounding_blanks_and_with_one_line_break(tmp_path):
    run_import(tmp_path, dump(DOCUMENT))
    padded = spoil(("community", "decision_role"), "  Signale des dossiers.\r\n")

    assert "updated: 0, unchanged: 2" in run_import(tmp_path, dump(padded), "padded.json")


def spoil(path, value, record=0):
    """The document with the property at ``path`` of system ``record`` replaced (None: removed)."""
    document = copy.deepcopy(DOCUMENT)
    target = document["systems"][record]
    *parents, name = path
    for parent in parents:
        target = target[parent]
    if value is None:
        del target[name]
    else:
        target[name] = value
    return document


BAD_DOCUMENTS = [
    pytest.param(
        spoil(("declared", "vendors"), "fournisseur-fictif"),
        "record 1 (declared.vendors): must be a list of keys (strings)",
        id="wrong type",
    ),
    pytest.param(
        spoil(("community", "technique"), "neural"),
        "record 1 (community.technique): “neural” is not one of the allowed values",
        id="unknown choice",
    ),
    pytest.param(
        spoil(("published",), "yes"),
        "record 1 (published): must be true or false",
        id="published not a boolean",
    ),
    pytest.param(spoil(("colour",), "bleu"), "record 1: unknown property “colour”", id="unknown property"),
    pytest.param(
        spoil(("declared", "colour"), "bleu"),
        "record 1: unknown property “declared.colour”",
        id="unknown field",
    ),
    pytest.param(
        spoil(("source",), None),
        "record 1: “declared” and “source” go together: both objects, or both null",
        id="declaration without source",
    ),
    pytest.param(
        spoil(("source", "date"), "2025-3-1"),
        "record 1 (source.date): “2025-3-1” is not a date",
        id="bad source date",
    ),
    pytest.param(
        spoil(("declared", "training_data"), "Dossiers 2015-2020."),
        "record 1 (declared.training_data): “training_data” is marked not disclosed",
        id="given and withheld",
    ),
    pytest.param(
        spoil(("description",), "x" * 351),
        "record 1 (description): a register's short description holds at most 350 characters",
        id="long description",
    ),
    pytest.param(
        spoil(("id",), "BR-2025-0012", record=1),
        "record 2 (id): “BR-2025-0012” is not a register entry id",
        id="other type's id in the second record",
    ),
    pytest.param(
        spoil(("community", "risks_mitigations"), [{"risk": "Biais\u0007", "mitigation": ""}]),
        "record 1 (community.risks_mitigations): contains a control character (U+0007)",
        id="control character in an item",
    ),
    pytest.param(
        spoil(("declared", "impact_assessments"), [{"kind": "aia-3", "level": "3"}]),
        "record 1 (declared.impact_assessments): must be a list of objects with the string properties "
        "kind, date, url, note",
        id="assessment with an unknown part",
    ),
]


@pytest.mark.parametrize(("document", "expected"), BAD_DOCUMENTS)
def test_a_bad_value_is_reported_at_its_record_and_property_and_nothing_is_written(
    tmp_path, document, expected
):
    before = database_state()

    problems = refused_import(tmp_path, dump(document))

    assert any(problem.startswith(expected) for problem in problems), problems
    assert database_state() == before
    assert not DeclaredRecord.objects.exists()


def test_a_file_that_is_not_json_is_refused_at_its_line_and_column(tmp_path):
    problems = refused_import(tmp_path, '{\n  "format": "vigie-ia-register",\n  "version": 1,,\n}')

    assert problems == [
        "line 3, column 16: not valid JSON (Expecting property name enclosed in double quotes)"
    ]


def test_a_document_of_another_format_is_refused(tmp_path):
    problems = refused_import(tmp_path, dump({"format": "algoritmeregister", "version": 1, "systems": []}))

    assert problems == [
        "line 1: the file must be an object {“format”: “vigie-ia-register”, “version”: 1, “systems”: [...]}"
    ]
