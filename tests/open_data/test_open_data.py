"""Open data: the files hold exactly the published items (never drafts, private or unpublished
pages, withdrawn testimonies, testimonies without export consent, or consent records), the case
files re-import, the manifest describes the files, the pages show the right numbers in both
languages, the dictionary documents every column, publishing rebuilds, and a failed build
leaves the previous files in place.

Expected contents are computed from the factories' objects, never from the open_data app."""

import csv
import hashlib
import html
import io
import json
import re
import threading
from dataclasses import replace
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from advocacy.data_columns import AgreementDataFile
from advocacy.models import AdvocacyBriefPage, AgreementSignatory, CollaborationAgreementPage
from hub import items
from hub.items import get_item_type, item_types
from hub.models import DemoMarker, Region, Risk, Service
from hub.settings import base as base_settings
from impacts.interchange import COLUMNS, export_csv
from impacts.models import CaseFilePage
from impacts.testimonies import withdraw_testimony
from open_data import build, files, tasks
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    TestimonyFactory,
    commitment,
    index_page,
    locale,
    progress_update,
    show_testimony,
    site_skeleton,
    translate_page,
)

COLLECTED_ON = date(2019, 2, 27)
KEEP_UNTIL = date(2039, 7, 14)
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
THREAD = {"BACKEND": "open_data.tasks.BackgroundThreadBackend"}
CASEFILES_CSV = "vigie-casefiles.csv"
BRIEFS_CSV = "vigie-briefs.csv"
AGREEMENTS_CSV = "vigie-agreements.csv"
DATA_JSON = "vigie-data.json"
DICTIONARY_JSON = "data-dictionary.json"
MANIFEST_JSON = "manifest.json"
CSV_FILES = (CASEFILES_CSV, BRIEFS_CSV, AGREEMENTS_CSV)
# Words only what must stay out holds; each is looked for in every byte of every file.
SECRETS = {
    "draft case file": "Brouillonix",
    "private case file": "Privatix",
    "unpublished case file": "Depubliix",
    "draft brief": "Brouillbref",
    "private brief": "Privebref",
    "draft agreement": "Brouillentente",
    "draft of a published agreement": "Brouillengagement",
    "withdrawn testimony": "Retirix",
    "withdrawn testimony's pseudonym": "Pseudoretrait",
    "testimony without export consent": "Websansexport",
    "consent collected by": "Collectrix",
    "withdrawal contact": "contactix",
    "consent text version": "Versionix",
    "consent collected on": COLLECTED_ON.isoformat(),
    "retention date": KEEP_UNTIL.isoformat(),
}

# Every registered type's section counts its items: none unless a test publishes some.
NO_ITEMS = {item_type.section: 0 for item_type in item_types()}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def id_locales(rows):
    return {(row["id"], row["locale"]) for row in rows}


def every_byte(root):
    return b"".join(path.read_bytes() for path in sorted(root.iterdir()) if path.is_file())


@pytest.fixture
def dataset(db, django_capture_on_commit_callbacks):
    """Published items (one translated, one written in English), and everything that must stay
    out. What waits for the commit runs, as after real requests: a rebuild queued outside such a
    block would wait for a commit a test never makes, and later requests would join it."""
    with django_capture_on_commit_callbacks(execute=True):
        site_skeleton()
        return make_dataset()


def make_dataset():
    o = {}
    o["casefile"] = CaseFilePageFactory(title="Dossier publié Visiblix", risks=["surveillance"])
    o["casefile_en"] = translate_page(o["casefile"], "en", title="Published case file Visiblix")
    o["english_only"] = CaseFilePageFactory(
        title="Case file written in English",
        parent=index_page("impacts.CaseFileIndexPage", "en"),
        locale=locale("en"),
    )
    o["draft"] = CaseFilePageFactory(title="Dossier Brouillonix", live=False)
    o["private"] = CaseFilePageFactory(title="Dossier Privatix")
    PageViewRestrictionFactory(page=o["private"])
    o["unpublished"] = CaseFilePageFactory(title="Dossier Depubliix")
    o["unpublished"].unpublish()

    shown = TestimonyFactory(
        casefiles=[o["casefile"]],
        text="Témoignage exportable Exportix.",
        consent_collected_by="Collectrix Exporte",
        consent_collected_on=COLLECTED_ON,
        withdrawal_contact="contactix-exporte@groupe-fictif.example.org",
        consent_text_version="Versionix-2",
        retention_until=KEEP_UNTIL,
    )
    web_only = TestimonyFactory(
        casefiles=[o["casefile"]], text="Témoignage Websansexport.", consent_exports=False
    )
    withdrawn = TestimonyFactory(
        casefiles=[o["casefile"]],
        text="Témoignage Retirix.",
        display_name="Pseudoretrait",
        consent_collected_by="Collectrix",
        withdrawal_contact="contactix@groupe-fictif.example.org",
        consent_text_version="Versionix-1",
    )
    for testimony in (shown, web_only, withdrawn):
        o["casefile"] = show_testimony(o["casefile"], testimony)
    withdraw_testimony(withdrawn, "La personne a changé d'avis.")
    o["testimony"] = shown

    casefile = CaseFilePage.objects.get(pk=o["casefile"].pk)
    casefile.related_casefiles = [o["english_only"], o["draft"], o["private"]]
    casefile.save_revision().publish()
    o["casefile"] = CaseFilePage.objects.get(pk=casefile.pk)

    o["brief"] = AdvocacyBriefPageFactory(
        title="Mémoire publié", citations=[o["casefile"], (o["draft"], "Section Brouillonix")]
    )
    o["brief_draft"] = AdvocacyBriefPageFactory(title="Mémoire Brouillbref", live=False)
    o["brief_private"] = AdvocacyBriefPageFactory(title="Mémoire Privebref")
    PageViewRestrictionFactory(page=o["brief_private"])
    o["city"] = OrganizationFactory(name="Ville fictive")
    o["city_en"] = o["city"].copy_for_translation(locale("en"))
    o["city_en"].name = "Fictional city"
    o["city_en"].save()
    o["agreement"] = CollaborationAgreementPageFactory(
        title="Entente publiée",
        commitments=[
            commitment("Publier le code.", owner=o["city"], due_date=date(2026, 6, 30)),
            commitment("Former le personnel.", owner=o["city"]),
        ],
    )
    AgreementSignatory.objects.create(agreement=o["agreement"], name="Signataire fictive", title="Mairesse")
    o["agreement_en"] = translate_page(o["agreement"], "en", title="Published agreement")
    first = o["agreement"].commitments.get(number=1)
    progress_update(
        first, "Code publié en partie.", status="partly-done", progress=40, happened_on=date(2026, 2, 3)
    )
    progress_update(first, "Mise à jour Brouillengagement.", status="done", published=False)
    agreement = CollaborationAgreementPage.objects.get(pk=o["agreement"].pk)
    agreement.commitments.add(commitment("Engagement Brouillengagement.", owner=o["city"], sort_order=2))
    agreement.save_revision()
    o["agreement_draft"] = CollaborationAgreementPageFactory(
        title="Entente Brouillentente",
        live=False,
        commitments=[commitment("Engagement Brouillentente.", owner=o["city"])],
    )
    return o


def expected_versions(o):
    return {
        "casefiles": {
            (o["casefile"].public_id, "fr"),
            (o["casefile"].public_id, "en"),
            (o["english_only"].public_id, "en"),
        },
        "briefs": {(o["brief"].public_id, "fr")},
        "agreements": {(o["agreement"].public_id, "fr"), (o["agreement"].public_id, "en")},
    }


# --- Contents -------------------------------------------------------------------------------------


def test_csv_files_hold_exactly_the_published_language_versions(root, dataset):
    build.build_open_data()
    expected = expected_versions(dataset)

    header, rows = read_csv(root / CASEFILES_CSV)
    assert header == list(COLUMNS)
    assert id_locales(rows) == expected["casefiles"]
    assert {row["published"] for row in rows} == {"true"}

    _header, brief_rows = read_csv(root / BRIEFS_CSV)
    assert id_locales(brief_rows) == expected["briefs"]
    # The draft it cites stays out; the published case file is there.
    assert brief_rows[0]["cited_casefiles"] == dataset["casefile"].public_id

    _header, agreement_rows = read_csv(root / AGREEMENTS_CSV)
    assert id_locales(agreement_rows) == expected["agreements"]
    titles = {row["locale"]: row["title"] for row in agreement_rows}
    assert titles == {"fr": "Entente publiée", "en": "Published agreement"}


def test_nothing_unpublished_or_private_reaches_any_file(root, dataset):
    build.build_open_data()
    content = every_byte(root).decode("utf-8")
    assert "Exportix" in content  # the files do hold testimonies: the search below means something
    assert "Visiblix" in content
    leaked = [what for what, word in SECRETS.items() if word in content]
    assert leaked == []


def test_casefile_csv_is_the_export_of_the_same_pages_byte_for_byte(root, dataset):
    build.build_open_data()
    wanted = expected_versions(dataset)["casefiles"]
    exported = list(csv.reader(io.StringIO(export_csv(), newline="")))
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(exported[0])
    for row in exported[1:]:
        if (row[0], row[1]) in wanted:
            writer.writerow(row)
    assert len(exported) - 1 > len(wanted)  # the export also holds the draft, private and unpublished
    assert (root / CASEFILES_CSV).read_bytes() == output.getvalue().encode("utf-8")


def test_casefile_csv_reimports_into_an_empty_database(root, dataset, tmp_path):
    build.build_open_data()
    published = (root / CASEFILES_CSV).read_bytes()
    for brief in AdvocacyBriefPage.objects.all():  # citations protect the case files they cite
        brief.delete()
    for page in CaseFilePage.objects.order_by("-pk"):
        page.delete()
    assert not CaseFilePage.objects.exists()

    call_command("import_casefiles", str(root / CASEFILES_CSV), stdout=io.StringIO())

    assert CaseFilePage.objects.count() == 3
    assert (
        set(CaseFilePage.objects.values_list("public_id", "locale__language_code"))
        == (expected_versions(dataset)["casefiles"])
    )
    assert export_csv().encode("utf-8") == published


def test_json_holds_every_published_item_with_translations_and_exportable_testimonies(root, dataset):
    build.build_open_data()
    data = json.loads((root / DATA_JSON).read_text(encoding="utf-8"))
    o = dataset

    ids = {
        section: {item["id"] for item in data[section]} for section in ("casefiles", "briefs", "agreements")
    }
    assert ids == {
        "casefiles": {o["casefile"].public_id, o["english_only"].public_id},
        "briefs": {o["brief"].public_id},
        "agreements": {o["agreement"].public_id},
    }
    assert data["counts"] == {**NO_ITEMS, "casefiles": 2, "briefs": 1, "agreements": 1, "testimonies": 1}
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"

    item = next(item for item in data["casefiles"] if item["id"] == o["casefile"].public_id)
    assert item["original_language"] == "fr"
    assert item["languages"] == ["fr", "en"]
    assert item["translations"]["fr"]["title"] == "Dossier publié Visiblix"
    assert item["translations"]["en"]["title"] == "Published case file Visiblix"
    assert item["translations"]["en"]["url"].endswith(o["casefile_en"].url)
    assert item["urls"]["fr"].endswith(o["casefile"].url)
    assert item["risks"] == ["surveillance"]
    assert item["services"] == ["sante"] and item["regions"] == ["montreal"]
    assert [record["reference"] for record in item["testimonies"]] == [o["testimony"].reference]
    assert set(item["testimonies"][0]) == {
        "reference",
        "language",
        "text",
        "plain_text",
        "identification",
        "name",
        "context",
    }

    english = next(item for item in data["casefiles"] if item["id"] == o["english_only"].public_id)
    assert english["languages"] == ["en"]
    # A French reader is sent to the English original through the French index's fallback route.
    french_index = index_page("impacts.CaseFileIndexPage", "fr")
    assert english["urls"]["fr"].endswith(f"{french_index.url}{o['english_only'].public_id}/")
    assert english["urls"]["en"].endswith(o["english_only"].url)

    brief = data["briefs"][0]
    assert brief["cited_casefiles"] == [{"id": o["casefile"].public_id, "pinpoint": ""}]


def test_json_relations_are_what_the_models_say(root, dataset):
    """The build looks relations up a chunk at a time; they must equal the models' own properties."""
    build.build_open_data()
    data = json.loads((root / DATA_JSON).read_text(encoding="utf-8"))
    o = dataset

    item = next(item for item in data["casefiles"] if item["id"] == o["casefile"].public_id)
    assert item["related_casefiles"] == [o["english_only"].public_id]  # not the draft, not the private one
    assert item["related_casefiles"] == CaseFilePage.objects.get(pk=o["casefile"].pk).related_casefile_ids

    brief = AdvocacyBriefPage.objects.get(pk=o["brief"].pk)
    (brief_item,) = data["briefs"]
    assert brief_item["cited_casefiles"] == brief.cited_casefiles
    assert [f"{a['person']} — {a['organization']}" for a in brief_item["authors"]] == brief.author_names

    agreement = CollaborationAgreementPage.objects.get(pk=o["agreement"].pk)
    (agreement_item,) = data["agreements"]
    assert agreement_item["parties"] == agreement.party_list
    assert len(agreement_item["parties"]) == 2
    assert agreement_item["signatories"] == agreement.signatory_list
    assert agreement_item["signatories"][0]["name"] == "Signataire fictive"
    # Each version's commitments, its owner named in that version's language, where each stands
    # (the same in both: updates are not translated); never a draft's.
    commitments = [
        {
            "number": 1,
            "commitment": "Publier le code.",
            "due_date": "2026-06-30",
            "status": "partly-done",
            "progress": 40,
            "last_update": "2026-02-03",
        },
        {
            "number": 2,
            "commitment": "Former le personnel.",
            "due_date": None,
            "status": "planned",
            "progress": None,
            "last_update": None,
        },
    ]
    for language, owner in (("fr", "Ville fictive"), ("en", "Fictional city")):
        assert agreement_item["translations"][language]["commitments"] == [
            {**expected, "id": f"{agreement.public_id}-C{expected['number']}", "owner": owner}
            for expected in commitments
        ]
    _header, rows = read_csv(root / AGREEMENTS_CSV)
    assert {row["signatories"] for row in rows} == {"Signataire fictive"}
    assert {row["party_roles"] for row in rows} == {"|".join(party["role"] for party in agreement.party_list)}


def test_every_json_key_is_documented(root, dataset):
    build.build_open_data()
    data = json.loads((root / DATA_JSON).read_text(encoding="utf-8"))
    dictionary = json.loads((root / DICTIONARY_JSON).read_text(encoding="utf-8"))
    csv_columns = {
        spec["name"]: {column["name"] for column in spec["columns"]}
        for spec in dictionary["files"]
        if spec["format"] == "csv"
    }
    json_spec = next(spec for spec in dictionary["files"] if spec["name"] == DATA_JSON)
    json_columns = {
        section["name"]: {c["name"] for c in section["columns"]} for section in json_spec["sections"]
    }
    files = {
        "casefiles": CASEFILES_CSV,
        "briefs": BRIEFS_CSV,
        "agreements": AGREEMENTS_CSV,
    }
    for section, file_name in files.items():
        documented = csv_columns[file_name] | json_columns[section]
        assert data[section]
        for item in data[section]:
            keys = set(item) | {key for entry in item["translations"].values() for key in entry}
            assert keys - documented == set(), section


def test_a_type_that_declares_nothing_about_its_files_gets_the_common_columns(
    root, dataset, client, monkeypatch
):
    """A new item type needs nothing in the open data app: its file, its JSON section, its count
    and its dictionary entry come from the registry, with the defaults of ``hub.data_files``."""
    plain = replace(
        get_item_type("casefile"),
        key="plain",
        section="plains",
        data_file_class="hub.data_files.ItemDataFile",
    )
    others = {key: item_type for key, item_type in items._types.items() if key != "casefile"}
    monkeypatch.setattr(items, "_types", {"plain": plain, **others})
    manifest = build.build_open_data()

    header, rows = read_csv(root / "vigie-plains.csv")
    assert header == [
        "id",
        "locale",
        "title",
        "summary",
        "plain_summary",
        "services",
        "regions",
        "url",
        "first_published",
    ]
    assert id_locales(rows) == expected_versions(dataset)["casefiles"]
    assert not (root / CASEFILES_CSV).exists()
    data = json.loads((root / DATA_JSON).read_text(encoding="utf-8"))
    assert {item["id"] for item in data["plains"]} == {
        dataset["casefile"].public_id,
        dataset["english_only"].public_id,
    }
    assert manifest["counts"] == {
        **{key: value for key, value in NO_ITEMS.items() if key != "casefiles"},
        "plains": 2,
        "briefs": 1,
        "agreements": 1,
    }
    dictionary = json.loads((root / DICTIONARY_JSON).read_text(encoding="utf-8"))
    documented = {
        spec["name"]: [column["name"] for column in spec.get("columns", [])] for spec in dictionary["files"]
    }
    assert documented["vigie-plains.csv"] == header
    body = client.get(page_url("open-data", "en")).content.decode()
    assert 'data-count="plains">2<' in body and "vigie-plains.csv" in body


# --- Manifest -------------------------------------------------------------------------------------


def test_manifest_counts_sizes_and_hashes_match_the_files(root, dataset):
    manifest = build.build_open_data()
    on_disk = json.loads((root / MANIFEST_JSON).read_text(encoding="utf-8"))
    assert on_disk == manifest
    assert manifest["licence"]["id"] == "CC-BY-4.0"
    assert abs(datetime.fromisoformat(manifest["generated_at"]) - timezone.now()).total_seconds() < 120
    listed = {entry["name"]: entry for entry in manifest["files"]}
    assert set(listed) == {path.name for path in root.iterdir() if path.is_file()} - {MANIFEST_JSON}

    for name, entry in listed.items():
        content = (root / name).read_bytes()
        assert entry["bytes"] == len(content), name
        assert entry["sha256"] == hashlib.sha256(content).hexdigest(), name
    expected = expected_versions(dataset)
    assert listed[CASEFILES_CSV]["rows"] == len(expected["casefiles"]) == 3
    assert listed[BRIEFS_CSV]["rows"] == len(expected["briefs"]) == 1
    assert listed[AGREEMENTS_CSV]["rows"] == len(expected["agreements"]) == 2
    for name in CSV_FILES:
        assert listed[name]["rows"] == len(read_csv(root / name)[1])
    data = json.loads((root / DATA_JSON).read_text(encoding="utf-8"))
    assert listed[DATA_JSON]["rows"] == sum(len(data[s]) for s in ("casefiles", "briefs", "agreements"))


def test_build_open_data_command_prints_every_file_and_its_rows(root, dataset):
    out = io.StringIO()
    call_command("build_open_data", stdout=out)
    printed = out.getvalue()
    for name, rows in (
        (CASEFILES_CSV, 3),
        (BRIEFS_CSV, 1),
        (AGREEMENTS_CSV, 2),
    ):
        assert re.search(rf"{re.escape(name)}: {rows}\b", printed), printed
    assert (root / MANIFEST_JSON).exists()


# --- Pages ----------------------------------------------------------------------------------------


def page_url(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_open_data_page_shows_the_files_with_their_numbers(root, dataset, client, language):
    manifest = build.build_open_data()
    response = client.get(page_url("open-data", language))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<h1") == 1
    assert f'<html lang="{language}"' in body
    shown = dict(re.findall(r'href="[^"]*/open-data/([\w.-]+)" download>.*?data-rows="(\d+)"', body, re.S))
    assert shown == {entry["name"]: str(entry["rows"]) for entry in manifest["files"]}
    assert shown[CASEFILES_CSV] == "3" and shown[AGREEMENTS_CSV] == "2"
    counts = dict(re.findall(r'data-count="([\w-]+)">(\d+)<', body))
    expected = {**NO_ITEMS, "casefiles": 2, "briefs": 1, "agreements": 1, "testimonies": 1}
    assert counts == {key: str(value) for key, value in expected.items()}
    generated = timezone.localtime(datetime.fromisoformat(manifest["generated_at"]))
    assert f'datetime="{generated.isoformat()}"' in body
    assert f'href="https://creativecommons.org/licenses/by/4.0/deed.{language}"' in body
    assert "build_open_data" not in body


def test_open_data_page_says_so_before_the_first_generation(root, db, client):
    response = client.get(page_url("open-data", "en"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "python manage.py build_open_data" in body
    assert "data-rows" not in body


def test_open_data_page_says_the_demo_is_fictional_only_when_it_is_loaded(root, dataset, client):
    build.build_open_data()
    note = "demonstration content: it is fictional"
    assert note not in client.get(page_url("open-data", "en")).content.decode()
    DemoMarker.objects.create()
    cache.clear()
    assert note in client.get(page_url("open-data", "en")).content.decode()
    manifest = build.build_open_data()
    assert manifest["demo_notice"]["en"].startswith("Demonstration content")


def test_footer_links_to_the_open_data_page(root, site, client):
    response = client.get(site["en"]["home"].url)
    assert response.status_code == 200
    assert f'href="{page_url("open-data", "en")}"' in response.content.decode()


def dictionary_rows(body, file_name, table="columns"):
    return re.findall(rf'<tr id="{re.escape(file_name)}-{table}-(\w+)">', body)


def value_labels(body, file_name, column):
    """``{key: {language: label}}`` shown for one column of one file."""
    row = re.search(rf'<tr id="{re.escape(file_name)}-columns-{column}">(.*?)</tr>', body, re.S).group(1)
    labels = {}
    for key, rest in re.findall(r'<code class="value">([^<]*)</code>(.*?)</li>', row, re.S):
        labels[key] = {
            code: html.unescape(label)
            for code, label in re.findall(r'data-language="(\w+)">\w+ ([^<]*)</span>', rest)
        }
    return labels


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dictionary_page_lists_every_column_and_every_value_in_both_languages(root, site, client, language):
    build.build_open_data()
    response = client.get(page_url("data-dictionary", language))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<h1") == 1
    for name in CSV_FILES:
        header, _rows = read_csv(root / name)
        assert dictionary_rows(body, name) == header, name

    vocabularies = {"services": Service, "regions": Region, "risks": Risk}
    for file_name in CSV_FILES:
        header, _rows = read_csv(root / file_name)
        for column, model in vocabularies.items():
            if column not in header:
                continue
            expected = {}
            for code in ("fr", "en"):
                for key, label in model.objects.filter(locale__language_code=code).values_list(
                    "key", "label"
                ):
                    expected.setdefault(key, {})[code] = label
            assert len(expected) > 5
            assert all(set(labels) == {"fr", "en"} for labels in expected.values())
            assert value_labels(body, file_name, column) == expected, (file_name, column)

    with translation.override("fr"):
        fr_levels = {
            str(value): str(label) for value, label in CaseFilePage._meta.get_field("impact_level").choices
        }
    with translation.override("en"):
        en_levels = {
            str(value): str(label) for value, label in CaseFilePage._meta.get_field("impact_level").choices
        }
    shown = value_labels(body, CASEFILES_CSV, "impact_level")
    for key in fr_levels:
        assert shown[key] == {"fr": fr_levels[key], "en": en_levels[key]}
    assert set(value_labels(body, CASEFILES_CSV, "status")) == {
        value for value, _label in CaseFilePage.Status.choices
    }


def test_dictionary_file_documents_every_csv_column(root, site):
    build.build_open_data()
    dictionary = json.loads((root / DICTIONARY_JSON).read_text(encoding="utf-8"))
    documented = {spec["name"]: spec["columns"] for spec in dictionary["files"] if spec["format"] == "csv"}
    for name in CSV_FILES:
        header, _rows = read_csv(root / name)
        columns = documented[name]
        assert [column["name"] for column in columns] == header
        for column in columns:
            assert column["label"]["fr"] and column["label"]["en"], (name, column["name"])
            assert column["meaning"]["en"], (name, column["name"])


def test_dictionary_page_works_before_the_first_generation(root, db, client):
    response = client.get(page_url("data-dictionary", "en"))
    assert response.status_code == 200
    assert "data-dictionary.json" not in response.content.decode()
    assert dictionary_rows(response.content.decode(), CASEFILES_CSV) == list(COLUMNS)


# --- Rebuild after publishing ---------------------------------------------------------------------


def casefile_ids(root):
    return {row["id"] for row in read_csv(root / CASEFILES_CSV)[1]}


def test_publishing_rebuilds_the_files_after_the_commit(root, dataset, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = CaseFilePageFactory(title="Dossier publié après coup", live=False)
    build.build_open_data()
    assert page.public_id not in casefile_ids(root)
    generation = files.read_manifest(root)["generation"]

    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePage.objects.get(pk=page.pk).save_revision().publish()
    assert page.public_id in casefile_ids(root)
    assert files.read_manifest(root)["generation"] != generation
    assert files.stale_since(root) is None

    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePage.objects.get(pk=page.pk).unpublish()
    assert page.public_id not in casefile_ids(root)


def test_withdrawing_a_testimony_rebuilds_without_it(root, dataset, django_capture_on_commit_callbacks):
    build.build_open_data()
    assert "Exportix" in (root / DATA_JSON).read_text(encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_testimony(dataset["testimony"], "La personne a changé d'avis.")
    data = (root / DATA_JSON).read_text(encoding="utf-8")
    assert "Exportix" not in data
    assert json.loads(data)["counts"]["testimonies"] == 0


def test_one_transaction_asks_for_one_rebuild(root, site, django_capture_on_commit_callbacks, monkeypatch):
    build.build_open_data()
    enqueued = []
    monkeypatch.setattr(tasks, "rebuild_open_data", SimpleNamespace(enqueue=lambda: enqueued.append(1)))
    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePageFactory()
        CaseFilePageFactory()
    assert len(enqueued) == 1


def test_nothing_is_built_automatically_before_the_first_generation(
    root, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePageFactory()
    assert not (root / MANIFEST_JSON).exists()


def test_a_rebuild_requested_during_a_build_is_done_once_it_ends(root, site):
    first = build.build_open_data()
    new = CaseFilePageFactory(title="Publié pendant une construction")
    files.mark_stale(root)
    with files.build_lock(root):  # another process is building
        assert build.rebuild_if_stale(root) == "busy"
        assert new.public_id not in casefile_ids(root)
    assert build.rebuild_if_stale(root) == "rebuilt"
    assert new.public_id in casefile_ids(root)
    second = files.read_manifest(root)
    assert second["generation"] != first["generation"]
    assert build.rebuild_if_stale(root) == "current"
    assert files.read_manifest(root)["generation"] == second["generation"]


def test_a_failed_build_leaves_the_previous_files_intact(root, site, monkeypatch):
    CollaborationAgreementPageFactory()
    build.build_open_data()
    before = {path.name: path.read_bytes() for path in root.iterdir() if path.is_file()}
    CaseFilePageFactory(title="Jamais dans les fichiers")
    files.mark_stale(root)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(AgreementDataFile, "item_fields", broken)  # after the case files were written
    with pytest.raises(RuntimeError):
        build.rebuild_if_stale(root)
    assert {path.name: path.read_bytes() for path in root.iterdir() if path.is_file()} == before
    assert list((root / files.STATE_FOLDER).glob("staging-*")) == []
    assert files.stale_since(root) is not None  # still marked, for the next attempt

    monkeypatch.undo()
    assert build.rebuild_if_stale(root) == "rebuilt"
    assert "Jamais dans les fichiers" in (root / CASEFILES_CSV).read_text(encoding="utf-8")
    assert files.stale_since(root) is None


# --- The background thread backend ----------------------------------------------------------------

ran_in = []


@task(backend="open_data")
def record_thread(event_id):
    ran_in.append((event_id, threading.current_thread().name))
    return event_id


def test_thread_backend_runs_the_task_beside_the_caller(settings):
    settings.TASKS = {"default": IMMEDIATE, "open_data": THREAD}
    ran_in.clear()
    record_thread.enqueue("outside")
    for thread in threading.enumerate():
        if thread.name == "task-record_thread":
            thread.join(10)
    assert ran_in == [("outside", "task-record_thread")]


def test_thread_backend_runs_inline_inside_a_transaction(settings, db):
    """A thread could not see the caller's uncommitted writes: inside a transaction it runs inline."""
    settings.TASKS = {"default": IMMEDIATE, "open_data": THREAD}
    ran_in.clear()
    record_thread.enqueue("inside")
    assert ran_in == [("inside", threading.current_thread().name)]


def test_the_default_settings_use_the_thread_backend_and_the_tests_the_immediate_one(settings):
    assert base_settings.TASKS["open_data"] == THREAD
    assert settings.TASKS["open_data"] == IMMEDIATE
    assert tasks.rebuild_open_data.backend == "open_data"


# --- Files another database wrote -----------------------------------------------------------------


def copy_files(source, target):
    """Put the files of ``source`` in ``target``, as another hub building into it would."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            (target / path.name).write_bytes(path.read_bytes())


def file_bytes(root):
    return {path.name: path.read_bytes() for path in root.iterdir() if path.is_file()}


def test_a_change_does_not_overwrite_files_this_database_never_built_there(
    root, site, tmp_path, settings, django_capture_on_commit_callbacks
):
    elsewhere = tmp_path / "another-hub"
    settings.OPEN_DATA_ROOT = elsewhere
    build.build_open_data()
    settings.OPEN_DATA_ROOT = root
    copy_files(elsewhere, root)  # the shared folder holds another hub's files
    before = file_bytes(root)

    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePageFactory(title="Publié dans cette base seulement")
    assert file_bytes(root) == before
    assert files.stale_since(root) is None


def test_a_change_does_not_overwrite_files_another_database_built_over_this_ones(
    root, site, tmp_path, settings, django_capture_on_commit_callbacks
):
    build.build_open_data()  # this database built here once...
    elsewhere = tmp_path / "another-hub"
    settings.OPEN_DATA_ROOT = elsewhere
    build.build_open_data()
    settings.OPEN_DATA_ROOT = root
    copy_files(elsewhere, root)  # ...then another hub sharing the folder built over its files
    before = file_bytes(root)

    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePageFactory(title="Publié dans cette base seulement")
    assert file_bytes(root) == before

    build.build_open_data()  # an explicit build takes the folder back
    with django_capture_on_commit_callbacks(execute=True):
        page = CaseFilePageFactory(title="Publié après la reprise")
    assert page.public_id in casefile_ids(root)
