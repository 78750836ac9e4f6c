"""CSV import and export of the register (``import_systems`` / ``export_systems``).

The header and the rows are written out by hand here; exported files are read back with the
``csv`` module, never with the code under test.
"""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from wagtail.models import Page, Revision

from hub.models import PublicIdSequence
from registry.models import DeclaredRecord, SystemPage
from tests.factories import CaseFilePageFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

FIELDS = (
    "accountable_role contact public_page_url lifecycle_status start_month end_month purpose "
    "alternatives decision_role automation human_override legal_basis recourse data_sources "
    "personal_data training_data technique vendors source_code_url impact_assessments "
    "risks_mitigations monitoring consultation_held consultation_url"
).split()
HEADER = [
    "id",
    "locale",
    "name",
    "description",
    "plain_summary",
    "organization",
    "unit",
    "services",
    "regions",
    *[f"declared_{key}" for key in FIELDS],
    *[f"community_{key}" for key in FIELDS],
    "community_sources",
    "not_disclosed",
    "declared_source_title",
    "declared_source_url",
    "declared_source_date",
    "declared_published",
    "published",
]


def row(**cells):
    """A row with every column, empty unless given."""
    unknown = set(cells) - set(HEADER)
    assert not unknown, unknown
    return {column: cells.get(column, "") for column in HEADER}


def csv_text(rows, header=HEADER):
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(header)
    for cells in rows:
        writer.writerow([cells[column] for column in header] if isinstance(cells, dict) else cells)
    return output.getvalue()


FRENCH = row(
    id="SY-2024-0003",
    locale="fr",
    name="Tri des demandes d'aide sociale",
    description="Un modèle classe les demandes d'aide sociale par priorité. Contenu fictif.",
    plain_summary="Une machine trie les demandes. Une personne décide.",
    organization="ministere-fictif",
    unit="Direction des prestations",
    services="sante|services-sociaux",
    regions="montreal",
    declared_lifecycle_status="in-use",
    declared_purpose="Réduire les délais de traitement.",
    declared_vendors="fournisseur-fictif",
    declared_impact_assessments="aia-2|2024-05-01|https://exemple.org/eia|Niveau \\| deux\npia|||",
    community_decision_role="Classe les demandes par priorité.",
    community_technique="machine-learning",
    community_vendors="fournisseur-fictif",
    community_risks_mitigations="Biais envers les nouveaux arrivants|Audit annuel\\npar un comité",
    community_sources="decision_role||Reportage fictif|https://exemple.org/reportage",
    not_disclosed="training_data|source_code_url",
    declared_source_title="Rapport annuel fictif 2024",
    declared_source_url="https://exemple.org/rapport",
    declared_source_date="2024-06-01",
    declared_published="true",
    published="true",
)
ENGLISH = row(
    **{
        **FRENCH,
        "locale": "en",
        "name": "Sorting social assistance applications",
        "description": "A model ranks social assistance applications. Fictional content.",
        "plain_summary": "A machine sorts the applications. A person decides.",
        "unit": "Benefits branch",
        "declared_purpose": "Shorten processing times.",
        "declared_impact_assessments": "",
        "community_decision_role": "Ranks applications by priority.",
        "community_risks_mitigations": "",
        "declared_source_title": "Fictional annual report 2024",
        "declared_published": "false",
    }
)
NEW_DRAFT = row(
    locale="fr",
    name="Agent conversationnel fictif",
    description="Un agent répond aux questions sur les permis. Contenu fictif.",
    plain_summary="Un robot répond aux questions.",
    organization="ville-fictive",
    services="services-municipaux",
    regions="laval",
    community_technique="generative",
    published="false",
)
SAMPLE = csv_text([FRENCH, ENGLISH, NEW_DRAFT])


@pytest.fixture(autouse=True)
def organizations():
    """The organizations the files name by key, as the admin keeps them."""
    OrganizationFactory(name="Ministère fictif", key="ministere-fictif")
    OrganizationFactory(name="Ville fictive", key="ville-fictive", kind="municipality")
    OrganizationFactory(name="Fournisseur fictif", key="fournisseur-fictif", kind="vendor")


# --- Helpers ----------------------------------------------------------------------------------


def write(tmp_path, content, name="systems.csv"):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def run_import(tmp_path, content, name="systems.csv", *options):
    stdout = io.StringIO()
    with translation.override("en"):
        call_command("import_systems", str(write(tmp_path, content, name)), *options, stdout=stdout)
    return stdout.getvalue()


def refused_import(tmp_path, content, *options):
    """Import a file that must be refused; return the problems printed, one per line."""
    stderr = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as refusal:
        call_command(
            "import_systems",
            str(write(tmp_path, content, "refused")),
            *options,
            stdout=io.StringIO(),
            stderr=stderr,
        )
    assert "nothing was imported" in str(refusal.value)
    return stderr.getvalue().splitlines()


def export_text(*options):
    stdout = io.StringIO()
    call_command("export_systems", "-", *options, stdout=stdout)
    return stdout.getvalue()


def read_rows(text):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == HEADER
    return list(reader)


def entry(public_id, language_code):
    return SystemPage.objects.get(public_id=public_id, locale__language_code=language_code)


def database_state():
    """Everything an import may write, to compare before and after a refused import."""
    return {
        "pages": Page.objects.count(),
        "entries": sorted(
            SystemPage.objects.values_list("public_id", "locale__language_code", "title", "live")
        ),
        "declarations": sorted(DeclaredRecord.objects.values_list("pk", "live", "purpose")),
        "revisions": Revision.objects.count(),
        "sequences": sorted(PublicIdSequence.objects.values_list("prefix", "year", "last_number")),
    }


def this_year():
    return timezone.localdate().year


def wipe_register():
    for page in SystemPage.objects.order_by("-pk"):
        page.delete()
    PublicIdSequence.objects.all().delete()


# --- Import -----------------------------------------------------------------------------------


def test_import_creates_entries_translations_declarations_and_drafts(tmp_path):
    output = run_import(tmp_path, SAMPLE)

    assert output.strip() == "Register entries created: 3, updated: 0, unchanged: 0."
    french, english = entry("SY-2024-0003", "fr"), entry("SY-2024-0003", "en")
    assert (french.live, english.live) == (True, True)
    assert french.translation_key == english.translation_key
    assert french.title == "Tri des demandes d'aide sociale"
    assert english.unit == "Benefits branch"
    assert french.organization.key == "ministere-fictif"
    assert sorted(term.key for term in french.services.all()) == ["sante", "services-sociaux"]
    assert french.technique == "machine-learning"
    assert [vendor.key for vendor in french.vendors.all()] == ["fournisseur-fictif"]
    risk = french.risks_mitigations[0].value
    assert (risk["risk"], risk["mitigation"]) == (
        "Biais envers les nouveaux arrivants",
        "Audit annuel\npar un comité",
    )

    new = SystemPage.objects.get(title="Agent conversationnel fictif")
    assert new.public_id == f"SY-{this_year()}-0001"
    assert not new.live, "a row with published=false is a draft"


def test_declared_records_follow_their_published_cell(tmp_path):
    run_import(tmp_path, SAMPLE)
    french, english = entry("SY-2024-0003", "fr"), entry("SY-2024-0003", "en")

    declared = french.declared_record()
    assert declared.live and declared.locale.language_code == "fr"
    assert declared.source_title == "Rapport annuel fictif 2024"
    assert declared.source_date == datetime.date(2024, 6, 1)
    assert declared.not_disclosed == ["training_data", "source_code_url"]
    assessments = [block.value for block in declared.impact_assessments]
    assert [(a["kind"], a["date"], a["url"], a["note"]) for a in assessments] == [
        ("aia-2", datetime.date(2024, 5, 1), "https://exemple.org/eia", "Niveau | deux"),
        ("pia", None, "", ""),
    ]
    # lifecycle status, purpose, vendors and impact assessments: four expected fields disclosed.
    assert french.disclosure()[0] == 4

    draft = DeclaredRecord.objects.get(system=english)
    assert not draft.live
    assert draft.get_latest_revision_as_object().purpose == "Shorten processing times."
    # The English page shows the published French declaration, never the English draft.
    assert english.declared_record().purpose == "Réduire les délais de traitement."


def test_export_gives_back_the_imported_rows(tmp_path):
    run_import(tmp_path, SAMPLE)

    rows = read_rows(export_text())

    assert rows == [FRENCH, ENGLISH, {**NEW_DRAFT, "id": f"SY-{this_year()}-0001"}]


def test_reimporting_the_exported_file_changes_nothing(tmp_path):
    run_import(tmp_path, SAMPLE)
    revisions = Revision.objects.count()

    output = run_import(tmp_path, export_text(), "again.csv")

    assert output.strip() == "Register entries created: 0, updated: 0, unchanged: 3."
    assert Revision.objects.count() == revisions


def test_a_changed_row_updates_the_entry_and_its_declaration_as_new_revisions(tmp_path):
    run_import(tmp_path, SAMPLE)
    changed = {
        **FRENCH,
        "community_monitoring": "Suivi mensuel.",
        "declared_legal_basis": "Loi fictive, art. 3.",
    }

    output = run_import(tmp_path, csv_text([changed]), "changed.csv")

    assert "updated: 1" in output
    french = entry("SY-2024-0003", "fr")
    assert french.monitoring == "Suivi mensuel."
    assert french.declared_record().legal_basis == "Loi fictive, art. 3."


def test_an_unpublished_row_turns_a_live_entry_and_declaration_into_drafts(tmp_path):
    run_import(tmp_path, SAMPLE)
    hidden = {**FRENCH, "published": "false", "declared_published": "false", "declared_purpose": "Brouillon."}

    run_import(tmp_path, csv_text([hidden]), "hidden.csv")

    french = entry("SY-2024-0003", "fr")
    assert not french.live
    declaration = DeclaredRecord.objects.get(system=french)
    assert not declaration.live
    assert declaration.get_latest_revision_as_object().purpose == "Brouillon."
    assert french.declared_record() is None
    assert read_rows(export_text())[0]["declared_purpose"] == "Brouillon."


def test_export_then_import_into_an_empty_register_then_export_gives_the_same_file(tmp_path):
    tricky = {
        **FRENCH,
        "name": '=HYPERLINK("https://exemple.org")',
        "community_purpose": "-2 jours, « guillemets », virgules, et\nretour à la ligne",
        "community_human_override": "''apostrophe",
        "community_risks_mitigations": "a \\\\ b \\| c|\nsans mitigation|",
    }
    run_import(tmp_path, csv_text([tricky, ENGLISH, NEW_DRAFT]))
    first = export_text()
    assert "'=HYPERLINK" in first, "a formula is written with one apostrophe in front"

    wipe_register()
    assert export_text() == ",".join(HEADER) + "\r\n"
    run_import(tmp_path, first, "first.csv")
    second = export_text()

    assert second.encode("utf-8") == first.encode("utf-8")


def test_community_sources_name_the_hub_s_case_files_by_their_id(tmp_path):
    casefile = CaseFilePageFactory()
    sources = (
        f"decision_role|{casefile.public_id}||\n|{casefile.public_id.lower()}|Dossier|https://exemple.org/d"
    )
    run_import(tmp_path, csv_text([{**FRENCH, "community_sources": sources}]))

    french = entry("SY-2024-0003", "fr")
    linked = [
        (source.field, source.casefile_id, source.source_url) for source in french.community_sources.all()
    ]
    assert linked == [("decision_role", casefile.pk, ""), ("", casefile.pk, "https://exemple.org/d")]
    exported = read_rows(export_text())[0]["community_sources"]
    assert (
        exported
        == f"decision_role|{casefile.public_id}||\n|{casefile.public_id}|Dossier|https://exemple.org/d"
    )


def test_export_to_a_file_writes_utf8(tmp_path):
    run_import(tmp_path, SAMPLE)
    path = tmp_path / "out.csv"

    call_command("export_systems", str(path), stdout=io.StringIO())

    assert path.read_bytes() == export_text().encode("utf-8")
    assert "Réduire" in path.read_bytes().decode("utf-8")


# --- Refused imports --------------------------------------------------------------------------


def spoiled(**cells):
    return csv_text([{**FRENCH, **cells}])


def at(column):
    """Where a problem of the first data row in ``column`` is reported."""
    return f"line 2, column {HEADER.index(column) + 1} ({column}): "


BAD_ROWS = [
    pytest.param({"id": "CF-2024-0003"}, "id", "not a register entry id", id="other type's prefix"),
    pytest.param({"id": "SY-24-3"}, "id", "not a register entry id", id="malformed id"),
    pytest.param({"locale": "de"}, "locale", "“de” is not one of the allowed values: fr, en", id="locale"),
    pytest.param({"name": ""}, "name", "required", id="no name"),
    pytest.param(
        {"description": "x" * 351},
        "description",
        "at most 350 characters; this one has 351",
        id="long description",
    ),
    pytest.param(
        {"organization": "inconnu"}, "organization", "unknown key(s): inconnu", id="unknown organization"
    ),
    pytest.param({"services": ""}, "services", "at least one key is required", id="no service"),
    pytest.param({"regions": "atlantide"}, "regions", "unknown key(s): atlantide", id="unknown region"),
    pytest.param(
        {"community_technique": "neural-network"},
        "community_technique",
        "“neural-network” is not one of the allowed values: rule-based, machine-learning, generative, other",
        id="unknown choice",
    ),
    pytest.param(
        {"declared_start_month": "2024-13"},
        "declared_start_month",
        "“2024-13” is not a month",
        id="bad month",
    ),
    pytest.param(
        {"community_public_page_url": "javascript:alert(1)"},
        "community_public_page_url",
        "is not an http:// or https:// address",
        id="bad URL",
    ),
    pytest.param(
        {"declared_vendors": "fournisseur-fictif|inconnu"},
        "declared_vendors",
        "unknown key(s): inconnu",
        id="unknown vendor",
    ),
    pytest.param(
        {"declared_training_data": "Dossiers de 2010 à 2020."},
        "declared_training_data",
        "“training_data” is marked not disclosed (not_disclosed) but given a value",
        id="given and withheld",
    ),
    pytest.param(
        {"not_disclosed": "secret"}, "not_disclosed", "unknown field(s): secret", id="unknown field"
    ),
    pytest.param(
        {"declared_impact_assessments": "aia-9|2024-05-01||"},
        "declared_impact_assessments",
        "item 1: “aia-9” is not a kind of assessment",
        id="assessment kind",
    ),
    pytest.param(
        {"declared_impact_assessments": "aia-2|2024-02-30||"},
        "declared_impact_assessments",
        "item 1: “2024-02-30” is not a date",
        id="assessment date",
    ),
    pytest.param(
        {"community_risks_mitigations": "Biais"},
        "community_risks_mitigations",
        "item 1 has 1 parts instead of 2 (risk|mitigation)",
        id="risk without its mitigation part",
    ),
    pytest.param(
        {"community_risks_mitigations": "Biais \\x|"},
        "community_risks_mitigations",
        "item 1: “\\x” is not an escape",
        id="unknown escape",
    ),
    pytest.param(
        {"declared_source_title": ""},
        "declared_source_title",
        "required when the row has a declared record",
        id="declaration without its source",
    ),
    pytest.param(
        {"declared_published": ""},
        "declared_published",
        "“true” or “false” is required when the row has a declared record",
        id="declaration without its state",
    ),
    pytest.param({"published": "oui"}, "published", "“oui” must be “true” or “false”", id="published"),
    pytest.param(
        {"community_sources": "couleur||Article|https://exemple.org/a"},
        "community_sources",
        "item 1: unknown field “couleur”",
        id="source of an unknown field",
    ),
    pytest.param(
        {"community_sources": "purpose|CF-2020-0999||"},
        "community_sources",
        "item 1: no case file has the id “CF-2020-0999”",
        id="source naming an unknown case file",
    ),
    pytest.param(
        {"community_sources": "purpose||Témoignage oral|"},
        "community_sources",
        "item 1: give the case file's id or the source's address",
        id="source with neither case file nor address",
    ),
    pytest.param(
        {"community_purpose": "Réduire\x01 les délais."},
        "community_purpose",
        "contains a control character (U+0001)",
        id="control character",
    ),
    pytest.param(
        {"declared_source_url": "https://exemple.org/" + "r" * 200},
        "declared_source_url",
        "too long: 220 characters, at most 200",
        id="long source address",
    ),
]


@pytest.mark.parametrize(("cells", "column", "message"), BAD_ROWS)
def test_a_bad_cell_is_reported_at_its_line_and_column_and_nothing_is_written(
    tmp_path, cells, column, message
):
    content = csv_text([NEW_DRAFT]) + csv_text([{**FRENCH, **cells}]).split("\n", 1)[1]
    before = database_state()

    problems = refused_import(tmp_path, content)

    location = f"line 3, column {HEADER.index(column) + 1} ({column}): "
    assert any(problem.startswith(location) and message in problem for problem in problems), problems
    assert database_state() == before, "the good row before the bad one is not written either"


def test_every_problem_of_the_file_is_reported_at_once(tmp_path):
    one_line = {**FRENCH, "declared_impact_assessments": "aia-2|||", "locale": "de"}
    content = csv_text([one_line, {**NEW_DRAFT, "community_start_month": "mars"}])

    problems = refused_import(tmp_path, content)

    assert problems[0].startswith(at("locale"))
    assert problems[1].startswith(
        f"line 3, column {HEADER.index('community_start_month') + 1} (community_start_month)"
    )


def test_the_same_entry_and_language_twice_is_refused(tmp_path):
    problems = refused_import(tmp_path, csv_text([FRENCH, FRENCH]))

    # The first row spans lines 2 and 3: its assessments cell holds a line break.
    assert problems == ["line 4, column 1 (id): SY-2024-0003 in “fr” already appears at line 2"]


def test_a_file_cannot_remove_a_declared_record(tmp_path):
    run_import(tmp_path, SAMPLE)
    declarationless = {
        **FRENCH,
        **{column: "" for column in HEADER if column.startswith("declared_") or column == "not_disclosed"},
    }
    before = database_state()

    problems = refused_import(tmp_path, csv_text([declarationless]))

    assert problems == [
        at("declared_published") + "this entry has a declared record in this language; "
        "a file cannot remove it (delete it in the admin)"
    ]
    assert database_state() == before


def test_a_row_the_database_refuses_rolls_back_the_whole_file(tmp_path, monkeypatch):
    original_clean = SystemPage.clean

    def clean_refusing_a_name(page):
        original_clean(page)
        if page.title == "Refusé":
            raise ValidationError({"title": "refused by the model"})

    monkeypatch.setattr(SystemPage, "clean", clean_refusing_a_name)
    before = database_state()

    problems = refused_import(tmp_path, csv_text([NEW_DRAFT, {**FRENCH, "name": "Refusé"}]))

    assert problems == ["line 3, column 3 (name): refused by the model"]
    assert database_state() == before


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param(
            ["identifiant", *HEADER[1:]],
            "line 1, column 1 (id): expected column “id”, found “identifiant”",
            id="renamed",
        ),
        pytest.param(HEADER[:-1], "line 1, column 64 (published): missing column “published”", id="missing"),
    ],
)
def test_a_wrong_header_is_refused(tmp_path, header, expected):
    problems = refused_import(tmp_path, csv_text([], header=header))

    assert problems[0] == expected
    assert problems[-1].startswith("line 1: the header must be exactly: id,locale,name,")


def test_a_short_row_is_refused_at_its_first_missing_column(tmp_path):
    content = ",".join(HEADER) + "\nSY-2024-0003,fr,Nom\n"

    problems = refused_import(tmp_path, content)

    assert problems == ["line 2, column 4 (description): the row has 3 cells instead of 64"]


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    content = SAMPLE.encode("utf-8").replace("Réduire".encode(), "R\xe9duire".encode("latin-1"))

    problems = refused_import(tmp_path, content)

    assert problems[0].startswith("line 2: the file is not UTF-8 text (byte 0xe9)")
