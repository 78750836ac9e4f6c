"""The case-file CSV names systems by agency and name: an import links each case file to that
agency's register entry of that name, found in any language, or creates it as a draft for review;
the case file keeps its own status; nothing is created when the file is refused."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from hub.models import Organization
from impacts.models import CaseFilePage
from registry.models import Lifecycle, SystemPage
from tests.factories import OrganizationFactory, SystemPageFactory, locale

pytestmark = pytest.mark.django_db

HEADER = (
    "id,locale,title,summary,plain_summary,services,regions,risks,impact_level,agency,"
    "ai_system,status,first_reported,sources,published"
)


def row(public_id, language, agency, system, status="deployed", published="true"):
    return (
        f"{public_id},{language},Titre {public_id} {language},Un système trie.,Une machine trie.,"
        f"sante,montreal,,,{agency},{system},{status},,,{published}"
    )


def run_import(tmp_path, *rows):
    path = tmp_path / "casefiles.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("import_casefiles", str(path), stdout=stdout, stderr=stderr)
    return stdout.getvalue()


def casefile(public_id, language):
    return CaseFilePage.objects.get(public_id=public_id, locale__language_code=language)


def export_text():
    stdout = io.StringIO()
    call_command("export_casefiles", "-", stdout=stdout)
    return stdout.getvalue()


def test_a_new_system_becomes_one_draft_entry_of_its_agency(tmp_path, site_pages):
    run_import(
        tmp_path,
        row("CF-2024-0001", "fr", "Agence fictive", "TriAide"),
        row("CF-2024-0001", "en", "Agence fictive", "TriAide"),
        row("CF-2024-0002", "fr", "AGENCE FICTIVE", "triaide"),
    )

    entries = list(SystemPage.objects.all())
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.title, entry.organization.name, entry.locale.language_code) == (
        "TriAide",
        "Agence fictive",
        "fr",
    )
    assert not entry.live and entry not in SystemPage.objects.public()
    assert entry.public_id.startswith("SY-")
    assert entry.get_parent().specific == site_pages["fr"]["registry.SystemIndexPage"]
    for public_id, language in (("CF-2024-0001", "fr"), ("CF-2024-0001", "en"), ("CF-2024-0002", "fr")):
        assert casefile(public_id, language).system == entry
    # A public case file names its system; the entry waits for review before anyone can follow it.
    assert casefile("CF-2024-0001", "fr").ai_system == "TriAide"
    assert casefile("CF-2024-0001", "fr").public_system("fr") is None


def test_an_existing_entry_is_found_by_agency_and_name_in_any_language(tmp_path, site_pages):
    agency = OrganizationFactory(name="Ville fictive")
    english_entry = SystemPageFactory(
        parent=site_pages["en"]["registry.SystemIndexPage"],
        locale=locale("en"),
        title="CityBot",
        organization=agency,
        lifecycle_status=Lifecycle.IN_USE,
    )
    other_agency_entry = SystemPageFactory(
        title="CityBot", organization=OrganizationFactory(name="Autre ville")
    )

    run_import(
        tmp_path,
        row("CF-2024-0003", "fr", "Ville fictive", "citybot", status="retired"),
        row("CF-2024-0004", "fr", "Ville fictive", "AutreBot"),
    )

    assert casefile("CF-2024-0003", "fr").system == english_entry
    assert casefile("CF-2024-0003", "fr").system != other_agency_entry
    # The case file keeps its own status, as documented then; the entry keeps its lifecycle.
    assert casefile("CF-2024-0003", "fr").status == "retired"
    english_entry.refresh_from_db()
    assert english_entry.lifecycle_status == Lifecycle.IN_USE
    created = casefile("CF-2024-0004", "fr").system
    assert created not in (english_entry, other_agency_entry)
    assert SystemPage.objects.count() == 3


def test_the_export_names_the_linked_entry_and_reimporting_it_changes_nothing(tmp_path, site_pages):
    run_import(tmp_path, row("CF-2024-0005", "fr", "Agence fictive", "TriAide"))
    first = export_text()
    assert ",Agence fictive,TriAide,deployed," in first
    entries_before = list(SystemPage.objects.values_list("pk", "title"))

    output = run_import(tmp_path, *first.splitlines()[1:])

    assert "unchanged: 1" in output
    assert list(SystemPage.objects.values_list("pk", "title")) == entries_before


def test_round_trip_with_systems_into_an_empty_database_is_byte_identical(tmp_path, site_pages):
    published_entry = SystemPageFactory(
        title="VisioMétro", organization=OrganizationFactory(name="Société fictive")
    )
    run_import(
        tmp_path,
        row("CF-2024-0006", "fr", "Société fictive", "visiométro"),
        row("CF-2024-0006", "en", "Société fictive", "VisioMétro"),
        row("CF-2024-0007", "en", "Agence fictive", "TriAide", published="false"),
        row("CF-2024-0008", "fr", "Agence fictive", "", status="pilot"),
    )
    assert casefile("CF-2024-0006", "en").system == published_entry
    first = export_text()
    assert first.count("VisioMétro") == 2 and "visiométro" not in first

    for page in [*CaseFilePage.objects.order_by("-pk"), *SystemPage.objects.order_by("-pk")]:
        page.delete()
    Organization.objects.all().delete()
    run_import(tmp_path, *first.splitlines()[1:])

    assert export_text().encode() == first.encode()
    assert sorted(SystemPage.objects.values_list("title", "live")) == [
        ("TriAide", False),
        ("VisioMétro", False),
    ]


def test_a_refused_file_creates_no_entry(tmp_path, site_pages):
    with pytest.raises(Exception, match="nothing was imported"):
        run_import(
            tmp_path,
            row("CF-2024-0009", "fr", "Agence fictive", "TriAide"),
            row("CF-2024-0010", "fr", "", "SansAgence"),
        )
    assert not SystemPage.objects.exists()
    assert not CaseFilePage.objects.exists()


def test_a_system_named_without_its_agency_is_refused_at_its_cell(tmp_path, site_pages):
    path = tmp_path / "casefiles.csv"
    path.write_text("\n".join([HEADER, row("", "fr", "", "SansAgence")]) + "\n", encoding="utf-8")
    stderr = io.StringIO()
    with translation.override("en"), pytest.raises(Exception, match="nothing was imported"):
        call_command("import_casefiles", str(path), stdout=io.StringIO(), stderr=stderr)
    assert stderr.getvalue().startswith("line 2, column 10 (agency): required with an AI system")
