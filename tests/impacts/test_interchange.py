"""CSV import and export of case files (``import_casefiles`` / ``export_casefiles``).

Expected files and rows are written out by hand here; exported files are read back with the
``csv`` module, never with the code under test.
"""

import csv
import io
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from wagtail.models import Page, Revision

from hub.models import HomePage, Organization, PublicIdSequence
from impacts.management.commands.import_casefiles import Command as ImportCommand
from impacts.models import CaseFileIndexPage, CaseFilePage
from registry.models import SystemPage

pytestmark = pytest.mark.django_db

HEADER = (
    "id,locale,title,summary,plain_summary,services,regions,risks,impact_level,agency,"
    "ai_system,status,first_reported,sources,published"
)
SERVICE_KEYS = [
    "sante",
    "services-sociaux",
    "education",
    "emploi-solidarite",
    "immigration",
    "securite-publique",
    "justice",
    "transport",
    "habitation",
    "fiscalite",
    "services-municipaux",
    "environnement",
]
# A correct row, cell by cell, that the bad-row cases below spoil one cell at a time.
GOOD_CELLS = [
    "CF-2023-0010",
    "fr",
    "Tri des demandes d'aide",
    "Un système classe les demandes.",
    "Un ordinateur trie les demandes.",
    "sante",
    "montreal",
    "",
    "",
    "Agence fictive nouvelle",
    "TriAide",
    "pilot",
    "",
    "",
    "true",
]

# Rows deliberately untidy: keys out of order, odd case, spaces, TRUE in capitals.
SAMPLE = "\n".join(
    [
        HEADER,
        "CF-2023-0007,fr,Reconnaissance faciale au métro,"
        '"Des caméras identifient des personnes.\nLe système est en essai.",'
        "Des caméras regardent les visages.,"
        "securite-publique|transport,montreal,surveillance|discrimination|vie-privee,3,"
        "Société fictive de transport,VisioMétro,pilot,2023-05-02,"
        "https://exemple.org/article|https://exemple.org/rapport.pdf,TRUE",
        "CF-2023-0007,en,Face recognition in the subway,Cameras identify people.,"
        "Cameras look at faces.,transport|securite-publique,montreal,"
        "vie-privee|surveillance|discrimination,3,SOCIÉTÉ FICTIVE DE TRANSPORT,VisioMétro,pilot,"
        "2023-05-02,https://exemple.org/article,true",
        "CF-2021-0002,fr, Chatbot de l'aide sociale ,Un robot répond aux questions.,"
        "Un robot répond.,emploi-solidarite|services-sociaux,tout-le-quebec,opacite,,"
        "Ministère fictif de la Solidarité,AideBot,suspended,,,false",
        "CF-2023-0003,en,Predictive policing pilot,A model predicts patrol zones.,"
        "A computer says where police go.,securite-publique,laval|laurentides,,1,"
        "Service de police fictif,PatrouilleIA,retired,2022-11-30,http://exemple.org/archives,true",
    ]
)
# The same content as the export must write it: sorted by id then locale (fr first), keys
# sorted, agency as the organization was first named, booleans in lower case.
SAMPLE_EXPORTED_ROWS = [
    {
        "id": "CF-2021-0002",
        "locale": "fr",
        "title": "Chatbot de l'aide sociale",
        "summary": "Un robot répond aux questions.",
        "plain_summary": "Un robot répond.",
        "services": "emploi-solidarite|services-sociaux",
        "regions": "tout-le-quebec",
        "risks": "opacite",
        "impact_level": "",
        "agency": "Ministère fictif de la Solidarité",
        "ai_system": "AideBot",
        "status": "suspended",
        "first_reported": "",
        "sources": "",
        "published": "false",
    },
    {
        "id": "CF-2023-0003",
        "locale": "en",
        "title": "Predictive policing pilot",
        "summary": "A model predicts patrol zones.",
        "plain_summary": "A computer says where police go.",
        "services": "securite-publique",
        "regions": "laurentides|laval",
        "risks": "",
        "impact_level": "1",
        "agency": "Service de police fictif",
        "ai_system": "PatrouilleIA",
        "status": "retired",
        "first_reported": "2022-11-30",
        "sources": "http://exemple.org/archives",
        "published": "true",
    },
    {
        "id": "CF-2023-0007",
        "locale": "fr",
        "title": "Reconnaissance faciale au métro",
        "summary": "Des caméras identifient des personnes.\nLe système est en essai.",
        "plain_summary": "Des caméras regardent les visages.",
        "services": "securite-publique|transport",
        "regions": "montreal",
        "risks": "discrimination|surveillance|vie-privee",
        "impact_level": "3",
        "agency": "Société fictive de transport",
        "ai_system": "VisioMétro",
        "status": "pilot",
        "first_reported": "2023-05-02",
        "sources": "https://exemple.org/article|https://exemple.org/rapport.pdf",
        "published": "true",
    },
    {
        "id": "CF-2023-0007",
        "locale": "en",
        "title": "Face recognition in the subway",
        "summary": "Cameras identify people.",
        "plain_summary": "Cameras look at faces.",
        "services": "securite-publique|transport",
        "regions": "montreal",
        "risks": "discrimination|surveillance|vie-privee",
        "impact_level": "3",
        "agency": "Société fictive de transport",
        "ai_system": "VisioMétro",
        "status": "pilot",
        "first_reported": "2023-05-02",
        "sources": "https://exemple.org/article",
        "published": "true",
    },
]


# --- Helpers ----------------------------------------------------------------------------------


def run_import(tmp_path, content, name="casefiles.csv"):
    """Import ``content`` (text or bytes) from a file; return (stdout, stderr)."""
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    stdout, stderr = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("import_casefiles", str(path), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def refused_import(tmp_path, content):
    """Import a file that must be refused; return the problems printed, one per line."""
    stderr = io.StringIO()
    path = tmp_path / "refused.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with translation.override("en"), pytest.raises(CommandError) as refusal:
        call_command("import_casefiles", str(path), stdout=io.StringIO(), stderr=stderr)
    assert "nothing was imported" in str(refusal.value)
    return stderr.getvalue().splitlines()


def export_text():
    stdout = io.StringIO()
    call_command("export_casefiles", "-", stdout=stdout)
    return stdout.getvalue()


def read_rows(text):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == HEADER.split(",")
    return list(reader)


def csv_line(cells):
    """One row as the csv module writes it, without its line terminator."""
    output = io.StringIO()
    csv.writer(output, lineterminator="\n").writerow(cells)
    return output.getvalue().removesuffix("\n")


def database_state():
    """Everything an import may write, to compare before and after a refused import."""
    return {
        "pages": Page.objects.count(),
        "casefiles": sorted(
            CaseFilePage.objects.values_list("public_id", "locale__language_code", "title", "live")
        ),
        "revisions": Revision.objects.count(),
        "organizations": sorted(Organization.objects.values_list("name", flat=True)),
        "sequences": sorted(PublicIdSequence.objects.values_list("prefix", "year", "last_number")),
    }


def casefile(public_id, language_code):
    return CaseFilePage.objects.get(public_id=public_id, locale__language_code=language_code)


def latest(page):
    return page.get_latest_revision_as_object()


def this_year():
    return timezone.localdate().year


# --- Import -----------------------------------------------------------------------------------


def test_import_creates_pages_translations_and_drafts(tmp_path):
    stdout, _stderr = run_import(tmp_path, SAMPLE)

    assert "created: 4, updated: 0, unchanged: 0" in stdout
    metro_fr = casefile("CF-2023-0007", "fr")
    metro_en = casefile("CF-2023-0007", "en")
    assert metro_fr.translation_key == metro_en.translation_key
    assert metro_fr.title == "Reconnaissance faciale au métro"
    assert metro_fr.summary == "Des caméras identifient des personnes.\nLe système est en essai."
    assert metro_en.title == "Face recognition in the subway"
    assert sorted(term.key for term in metro_fr.services.all()) == ["securite-publique", "transport"]
    assert sorted(term.key for term in metro_fr.risks.all()) == [
        "discrimination",
        "surveillance",
        "vie-privee",
    ]
    assert metro_fr.impact_level == 3
    assert str(metro_fr.first_reported) == "2023-05-02"
    assert metro_fr.status == "pilot"
    assert [block.value["source_url"] for block in metro_fr.body] == [
        "https://exemple.org/article",
        "https://exemple.org/rapport.pdf",
    ]
    assert [block.value["source_url"] for block in metro_en.body] == ["https://exemple.org/article"]
    # One organization, matched whatever the case of its name.
    assert metro_en.agency_id == metro_fr.agency_id
    assert sorted(Organization.objects.values_list("name", flat=True)) == [
        "Ministère fictif de la Solidarité",
        "Service de police fictif",
        "Société fictive de transport",
    ]
    assert isinstance(metro_fr.get_parent().specific, CaseFileIndexPage)
    assert metro_fr.get_parent().locale.language_code == "fr"
    assert metro_en.get_parent().locale.language_code == "en"
    assert metro_fr.live and metro_en.live

    chatbot = casefile("CF-2021-0002", "fr")
    assert not chatbot.live
    assert not CaseFilePage.objects.live().filter(public_id="CF-2021-0002").exists()
    assert latest(chatbot).title == "Chatbot de l'aide sociale"

    policing = casefile("CF-2023-0003", "en")
    assert policing.live
    assert not CaseFilePage.objects.filter(public_id="CF-2023-0003", locale__language_code="fr").exists()


def test_import_works_on_a_migrated_database_without_site_setup(without_site, tmp_path):
    assert not HomePage.objects.exists()
    assert not CaseFileIndexPage.objects.exists()

    run_import(tmp_path, SAMPLE)

    assert CaseFileIndexPage.objects.filter(locale__language_code="fr").exists()
    assert CaseFileIndexPage.objects.filter(locale__language_code="en").exists()
    assert CaseFilePage.objects.count() == 4


def test_export_works_on_a_migrated_database_without_site_setup(without_site):
    assert not CaseFileIndexPage.objects.exists()

    assert export_text() == HEADER + "\r\n"


def test_empty_id_gets_a_new_id_from_the_sequence(tmp_path):
    rows = [
        HEADER,
        ",fr,Premier,Résumé.,Simple.,sante,laval,,,,,planned,,,true",
        ",en,Second,Summary.,Plain.,justice,laval,,,,,planned,,,false",
    ]

    run_import(tmp_path, "\n".join(rows))

    year = this_year()
    assert casefile(f"CF-{year}-0001", "fr").title == "Premier"
    assert latest(casefile(f"CF-{year}-0002", "en")).title == "Second"
    # Two rows without id are two case files, not translations of each other.
    assert (
        casefile(f"CF-{year}-0001", "fr").translation_key != casefile(f"CF-{year}-0002", "en").translation_key
    )


def test_explicit_new_id_is_reserved_so_the_sequence_never_hands_it_out(tmp_path):
    year = this_year()
    run_import(tmp_path, "\n".join([HEADER, f"CF-{year}-0042,fr,Importé,R.,S.,sante,laval,,,,,pilot,,,true"]))

    run_import(tmp_path, "\n".join([HEADER, ",fr,Nouveau,R.,S.,sante,laval,,,,,pilot,,,true"]), "next.csv")

    assert casefile(f"CF-{year}-0042", "fr").title == "Importé"
    assert casefile(f"CF-{year}-0043", "fr").title == "Nouveau"


def test_row_in_a_new_locale_becomes_a_translation_of_the_existing_case_file(tmp_path):
    run_import(
        tmp_path, "\n".join([HEADER, "CF-2022-0005,en,Original,Summary.,Plain.,sante,laval,,,,,pilot,,,true"])
    )

    run_import(
        tmp_path,
        "\n".join([HEADER, "CF-2022-0005,fr,Traduction,Résumé.,Simple.,sante,laval,,,,,pilot,,,true"]),
        "fr.csv",
    )

    english, french = casefile("CF-2022-0005", "en"), casefile("CF-2022-0005", "fr")
    assert english.translation_key == french.translation_key
    assert french.title == "Traduction" and french.live
    assert french.get_parent().locale.language_code == "fr"


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    run_import(tmp_path, SAMPLE)
    before = database_state()
    latest_revisions = dict(CaseFilePage.objects.values_list("pk", "latest_revision_id"))

    stdout, _stderr = run_import(tmp_path, SAMPLE, "again.csv")

    assert "created: 0, updated: 0, unchanged: 4" in stdout
    assert database_state() == before
    assert dict(CaseFilePage.objects.values_list("pk", "latest_revision_id")) == latest_revisions


def test_reimporting_the_exported_file_changes_nothing(tmp_path):
    run_import(tmp_path, SAMPLE)
    before = database_state()

    stdout, _stderr = run_import(tmp_path, export_text(), "exported.csv")

    assert "created: 0, updated: 0, unchanged: 4" in stdout
    assert database_state() == before


def test_changed_row_updates_the_case_file_as_a_new_revision(tmp_path):
    run_import(tmp_path, SAMPLE)
    page = casefile("CF-2023-0003", "en")
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    changed = SAMPLE.replace("Predictive policing pilot", "Predictive policing ended")

    stdout, _stderr = run_import(tmp_path, changed, "changed.csv")

    assert "created: 0, updated: 1, unchanged: 3" in stdout
    page = casefile("CF-2023-0003", "en")
    assert page.title == "Predictive policing ended"
    assert page.live
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions + 1
    assert CaseFilePage.objects.count() == 4


def test_unpublished_row_turns_a_live_case_file_into_a_draft_holding_the_row(tmp_path):
    run_import(tmp_path, SAMPLE)
    line = "CF-2023-0003,en,Predictive policing pilot,A model predicts patrol zones.,"
    changed = SAMPLE.replace(line, line.replace("A model predicts", "A model guesses")).replace(
        "2022-11-30,http://exemple.org/archives,true", "2022-11-30,http://exemple.org/archives,false"
    )

    run_import(tmp_path, changed, "draft.csv")

    page = casefile("CF-2023-0003", "en")
    assert not page.live
    assert latest(page).summary == "A model guesses patrol zones."
    exported = {(row["id"], row["locale"]): row for row in read_rows(export_text())}
    assert exported["CF-2023-0003", "en"]["published"] == "false"
    assert exported["CF-2023-0003", "en"]["summary"] == "A model guesses patrol zones."


def test_published_row_publishes_a_draft(tmp_path):
    run_import(tmp_path, SAMPLE)

    run_import(tmp_path, SAMPLE.replace("suspended,,,false", "suspended,,,true"), "publish.csv")

    assert casefile("CF-2021-0002", "fr").live


def test_sources_keep_their_evidence_and_other_blocks_keep_their_place(tmp_path):
    run_import(tmp_path, "\n".join([HEADER, "CF-2022-0001,fr,Titre,R.,S.,sante,laval,,,,,pilot,,,true"]))
    page = casefile("CF-2022-0001", "fr")
    page.body = [
        ("paragraph", "<p>Début</p>"),
        ("evidence", {"source_url": "https://a.example/1", "publisher": "Journal A"}),
        ("heading", {"text": "Milieu", "level": "h2"}),
        ("evidence", {"source_url": "https://b.example/2", "publisher": "Journal B"}),
        ("evidence", {"source_url": "https://c.example/3", "publisher": "Journal C"}),
    ]
    page.save_revision().publish()

    row = "CF-2022-0001,fr,Titre,R.,S.,sante,laval,,,,,pilot,,https://c.example/3|https://new.example/4|https://a.example/1,true"
    run_import(tmp_path, "\n".join([HEADER, row]), "sources.csv")

    body = casefile("CF-2022-0001", "fr").body
    assert [block.block_type for block in body] == [
        "paragraph",
        "evidence",
        "heading",
        "evidence",
        "evidence",
    ]
    evidence = [
        (block.value["source_url"], block.value["publisher"] or "")
        for block in body
        if block.block_type == "evidence"
    ]
    assert evidence == [
        ("https://c.example/3", "Journal C"),
        ("https://new.example/4", ""),
        ("https://a.example/1", "Journal A"),
    ]
    assert body[0].value.source == "<p>Début</p>"


def test_export_shows_the_live_content_of_a_page_with_a_pending_draft(tmp_path):
    run_import(tmp_path, SAMPLE)
    page = casefile("CF-2023-0003", "en")
    page.title = "Draft title nobody approved"
    page.save_revision()

    exported = {(row["id"], row["locale"]): row for row in read_rows(export_text())}

    assert exported["CF-2023-0003", "en"]["title"] == "Predictive policing pilot"


def test_agency_matches_an_existing_organization_whatever_its_case_and_locale(tmp_path):
    run_import(
        tmp_path,
        "\n".join([HEADER, "CF-2022-0001,fr,T,R.,S.,sante,laval,,,Régie Fictive Énergie,,pilot,,,true"]),
    )

    run_import(
        tmp_path,
        "\n".join([HEADER, "CF-2022-0002,en,T,R.,S.,sante,laval,,,RÉGIE FICTIVE ÉNERGIE,,pilot,,,true"]),
        "second.csv",
    )

    assert list(Organization.objects.values_list("name", "locale__language_code")) == [
        ("Régie Fictive Énergie", "fr")
    ]
    assert casefile("CF-2022-0002", "en").agency.name == "Régie Fictive Énergie"


def test_import_reads_standard_input(tmp_path, monkeypatch):
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.encode("utf-8")), encoding="latin-1")
    )
    stdout = io.StringIO()

    call_command("import_casefiles", "-", stdout=stdout, stderr=io.StringIO())

    assert casefile("CF-2023-0007", "fr").title == "Reconnaissance faciale au métro"


def test_import_accepts_a_byte_order_mark(tmp_path):
    run_import(tmp_path, "\ufeff" + SAMPLE)

    assert CaseFilePage.objects.count() == 4


def test_import_of_a_file_with_only_the_header_does_nothing(tmp_path):
    before = database_state()

    stdout, _stderr = run_import(tmp_path, HEADER + "\n")

    assert "created: 0, updated: 0, unchanged: 0" in stdout
    assert database_state()["casefiles"] == before["casefiles"]


# --- Export -----------------------------------------------------------------------------------


def test_export_lists_every_case_file_sorted_by_id_then_locale(tmp_path):
    run_import(tmp_path, SAMPLE)

    assert read_rows(export_text()) == SAMPLE_EXPORTED_ROWS


def test_export_writes_utf8_to_standard_output_whatever_its_encoding(tmp_path):
    run_import(tmp_path, SAMPLE)
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="ascii")

    call_command("export_casefiles", "-", stdout=stdout)

    stdout.flush()
    assert raw.getvalue().decode("utf-8") == export_text()
    assert "Reconnaissance faciale au métro".encode() in raw.getvalue()


def test_export_to_a_file(tmp_path):
    run_import(tmp_path, SAMPLE)
    path = tmp_path / "export.csv"

    call_command("export_casefiles", str(path), stdout=io.StringIO())

    assert path.read_bytes() == export_text().encode("utf-8")


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_file(tmp_path):
    run_import(tmp_path, SAMPLE)
    page = casefile("CF-2023-0007", "fr")
    page.body = [
        ("paragraph", "<p>Récit</p>"),
        ("evidence", {"source_url": "https://exemple.org/a|b", "publisher": "P"}),
        *[(block.block_type, block.value) for block in page.body],
    ]
    page.save_revision().publish()
    first = export_text()
    assert "https://exemple.org/a%7Cb|https://exemple.org/article" in first

    for casefile_page in CaseFilePage.objects.order_by("-pk"):
        casefile_page.delete()
    for entry in SystemPage.objects.order_by("-pk"):
        entry.delete()
    Organization.objects.all().delete()
    PublicIdSequence.objects.all().delete()
    assert export_text() == HEADER + "\r\n"

    run_import(tmp_path, first, "first.csv")
    second = export_text()

    assert second.encode("utf-8") == first.encode("utf-8")
    assert read_rows(second)[0]["id"] == "CF-2021-0002"


# --- Refused imports --------------------------------------------------------------------------


def spoil(column, value):
    cells = list(GOOD_CELLS)
    cells[column - 1] = value
    return csv_line(cells)


BAD_ROWS = [
    pytest.param(spoil(1, "CF-23-7"), 1, "id", "not a case file id", id="malformed id"),
    pytest.param(spoil(1, "BR-2023-0007"), 1, "id", "not a case file id", id="id of a brief"),
    pytest.param(spoil(2, "de"), 2, "locale", "expected one of: fr, en", id="unknown locale"),
    pytest.param(spoil(3, ""), 3, "title", "required", id="empty title"),
    pytest.param(spoil(3, "T" * 256), 3, "title", "too long", id="title too long"),
    pytest.param(spoil(3, "Titre\x00"), 3, "title", "control character", id="NUL character"),
    pytest.param(spoil(4, "  "), 4, "summary", "required", id="empty summary"),
    pytest.param(spoil(5, ""), 5, "plain_summary", "required", id="empty plain summary"),
    pytest.param(spoil(6, ""), 6, "services", "at least one", id="no service"),
    pytest.param(spoil(6, "sante|astrologie"), 6, "services", "astrologie", id="unknown service"),
    pytest.param(spoil(7, ""), 7, "regions", "at least one", id="no region"),
    pytest.param(spoil(7, "atlantide"), 7, "regions", "atlantide", id="unknown region"),
    pytest.param(spoil(8, "ennui"), 8, "risks", "ennui", id="unknown risk"),
    pytest.param(spoil(9, "5"), 9, "impact_level", "not an impact level", id="impact level 5"),
    pytest.param(spoil(9, "III"), 9, "impact_level", "not an impact level", id="roman impact level"),
    pytest.param(spoil(10, "A" * 256), 10, "agency", "too long", id="agency too long"),
    pytest.param(spoil(10, ""), 10, "agency", "required with an AI system", id="system without agency"),
    pytest.param(spoil(11, "S" * 256), 11, "ai_system", "too long", id="system name too long"),
    pytest.param(
        spoil(12, "live"), 12, "status", "planned, pilot, deployed, suspended, retired", id="bad status"
    ),
    pytest.param(spoil(12, ""), 12, "status", "planned, pilot, deployed, suspended, retired", id="no status"),
    pytest.param(spoil(13, "15/03/2024"), 13, "first_reported", "YYYY-MM-DD", id="date format"),
    pytest.param(spoil(13, "2023-02-30"), 13, "first_reported", "not a day", id="impossible date"),
    pytest.param(
        spoil(14, "https://ok.example|ftp://x.example"), 14, "sources", "ftp://x.example", id="ftp url"
    ),
    pytest.param(spoil(14, "not a url"), 14, "sources", "not a url", id="not a url"),
    pytest.param(spoil(15, "yes"), 15, "published", "“true” or “false”", id="bad published"),
    pytest.param(csv_line([*GOOD_CELLS, "surplus"]), 16, "extra", "surplus", id="extra cell"),
    pytest.param(
        csv_line(GOOD_CELLS[:12]), 13, "first_reported", "12 cells instead of 15", id="missing cells"
    ),
]


@pytest.mark.parametrize(("bad_row", "column", "name", "fragment"), BAD_ROWS)
def test_bad_row_is_reported_with_its_line_and_column_and_nothing_is_written(
    tmp_path, bad_row, column, name, fragment
):
    good_cells = ["", "fr", "Valide", "Sur deux\nlignes.", "Simple.", "sante", "laval", "", ""]
    good_row = csv_line([*good_cells, "Autre agence fictive", "", "pilot", "", "", "true"])
    content = "\n".join([HEADER, good_row, bad_row]) + "\n"
    before = database_state()

    problems = refused_import(tmp_path, content)

    # The good row spans lines 2 and 3, so the bad row starts on line 4.
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"line 4, column {column} ({name}): ")
    assert fragment in problems[0]
    assert database_state() == before


def test_unknown_key_message_lists_the_known_keys(tmp_path):
    problems = refused_import(tmp_path, "\n".join([HEADER, spoil(6, "astrologie")]))

    known = problems[0].split("known keys: ", 1)[1]
    assert sorted(key.strip() for key in known.split(",")) == sorted(SERVICE_KEYS)


def test_every_problem_of_the_file_is_reported_at_once(tmp_path):
    rows = [
        HEADER,
        spoil(2, "es").replace(",pilot,", ",paused,"),
        csv_line(GOOD_CELLS),
        csv_line(GOOD_CELLS),
    ]

    problems = refused_import(tmp_path, "\n".join(rows))

    assert [problem.split(":")[0] for problem in problems] == [
        "line 2, column 2 (locale)",
        "line 2, column 12 (status)",
        "line 4, column 1 (id)",
    ]
    assert "already appears on line 3" in problems[2]


def test_a_refused_import_writes_nothing_even_for_its_good_rows_or_new_organizations(tmp_path):
    run_import(tmp_path, SAMPLE)
    before = database_state()
    changed = SAMPLE.replace("Service de police fictif", "Tout autre service fictif") + "\n" + spoil(9, "7")

    refused_import(tmp_path, changed)

    assert database_state() == before
    assert casefile("CF-2023-0003", "en").agency.name == "Service de police fictif"


def test_a_row_the_database_refuses_rolls_back_the_whole_file(tmp_path, monkeypatch):
    original_clean = CaseFilePage.clean

    def clean_refusing_a_title(page):
        original_clean(page)
        if page.title == "Refusé":
            raise ValidationError({"title": "refused by the model"})

    monkeypatch.setattr(CaseFilePage, "clean", clean_refusing_a_title)
    rows = [
        HEADER,
        spoil(3, "Accepté"),
        spoil(1, "CF-2023-0011").replace("Tri des demandes d'aide", "Refusé"),
    ]
    before = database_state()

    problems = refused_import(tmp_path, "\n".join(rows))

    assert problems == ["line 3, column 3 (title): refused by the model"]
    assert database_state() == before
    assert not SystemPage.objects.exists()  # the accepted row's new entry went with it


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param(HEADER.replace("title", "titre"), "line 1, column 3 (title): ", id="renamed column"),
        pytest.param(HEADER.replace(",sources", ""), "line 1, column 14 (sources): ", id="missing column"),
        pytest.param(HEADER + ",notes", "line 1, column 16 (notes): ", id="extra column"),
        pytest.param(HEADER.replace("id,locale", "locale,id"), "line 1, column 1 (id): ", id="reordered"),
    ],
)
def test_wrong_header_is_refused(tmp_path, header, expected):
    before = database_state()

    problems = refused_import(tmp_path, "\n".join([header, csv_line(GOOD_CELLS)]))

    assert any(problem.startswith(expected) for problem in problems), problems
    assert database_state() == before


def test_file_that_is_not_utf8_is_refused_with_the_line_of_the_bad_byte(tmp_path):
    ascii_row = ",fr,Title,Summary.,Plain.,sante,laval,,,,,pilot,,,true"
    content = "\n".join([HEADER, ascii_row, spoil(3, "Montréal")]).encode("latin-1")

    problems = refused_import(tmp_path, content)

    assert len(problems) == 1
    assert problems[0].startswith("line 3: ")
    assert "UTF-8" in problems[0]
    assert not CaseFilePage.objects.exists()


@pytest.mark.parametrize("content", ["", "\n\n", ",,,\n"], ids=["empty", "blank lines", "empty cells"])
def test_empty_file_is_refused(tmp_path, content):
    problems = refused_import(tmp_path, content)

    assert problems[0].startswith("line 1: the file is empty")


def test_unterminated_quote_is_refused_at_the_line_where_its_row_starts(tmp_path):
    content = "\n".join([HEADER, csv_line(GOOD_CELLS), ',fr,"Titre sans fin,R.,S.', "suite"])

    problems = refused_import(tmp_path, content)

    assert problems[0].startswith("line 3: ")
    assert not CaseFilePage.objects.exists()


def test_refused_import_leaves_a_fresh_database_without_even_the_site_skeleton(without_site, tmp_path):
    pages = Page.objects.count()

    refused_import(tmp_path, "\n".join([HEADER, spoil(2, "de")]))

    assert Page.objects.count() == pages
    assert not HomePage.objects.exists()


def test_command_line_exits_with_status_1_and_no_traceback(tmp_path, monkeypatch):
    # run_from_argv closes database connections when done, which would end the test's transaction.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([HEADER, spoil(7, "atlantide")]), encoding="utf-8")
    stderr = io.StringIO()
    command = ImportCommand(stdout=io.StringIO(), stderr=stderr)

    with translation.override("en"), pytest.raises(SystemExit) as exit_info:
        command.run_from_argv(["manage.py", "import_casefiles", str(path)])

    assert exit_info.value.code == 1
    output = stderr.getvalue()
    assert output.startswith("line 2, column 7 (regions): unknown key(s): atlantide; known keys: ")
    assert "CommandError: 1 problem found; nothing was imported." in output
    assert "Traceback" not in output


def test_missing_file_is_a_clear_error(tmp_path):
    with translation.override("en"), pytest.raises(CommandError, match="Cannot read .*absent.csv"):
        call_command("import_casefiles", str(tmp_path / "absent.csv"), stdout=io.StringIO())
