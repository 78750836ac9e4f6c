"""The case files' free-text systems become register entries (``impacts`` 0005), tested forward
on a copy of a populated database (``own_database``): content made with today's models, the
database taken back to 0004, the free text written as it was then, and migrated again."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Revision

from hub.models import PublicIdSequence
from impacts.models import CaseFilePage
from registry.models import CommunitySource, SystemIndexPage, SystemPage
from tests.factories import (
    CaseFilePageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    site_skeleton,
    translate_page,
)

BEFORE = [("impacts", "0004_casefilepage_system")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def write_free_text(names):
    """At 0004, each case file (``{pk: name}``) and its revisions name their system in text."""
    state = MigrationExecutor(connection).loader.project_state(BEFORE)
    historical = state.apps.get_model("impacts", "CaseFilePage")
    for pk, name in names.items():
        historical.objects.filter(pk=pk).update(ai_system=name)
        for revision in Revision.objects.filter(object_id=str(pk), base_content_type__model="page"):
            revision.content["ai_system"] = name
            revision.save(update_fields=["content"])


@pytest.fixture
def populated(own_database):
    """Case files of two agencies, in French and English, public, draft and private; the
    register's index pages removed, as in a database from before the register."""
    site = site_skeleton()
    agency, other_agency = (
        OrganizationFactory(name="Agence fictive"),
        OrganizationFactory(name="Ville fictive"),
    )
    vendor = OrganizationFactory(name="Fournisseur fictif")
    for language in ("en", "fr"):
        site[language][SystemIndexPage._meta.label].delete()
    files = {
        # Two public case files name the same system, differently spelled.
        "public": CaseFilePageFactory(
            agency=agency,
            vendor=vendor,
            automation=CaseFilePage.Automation.HUMAN_IN_THE_LOOP,
            status=CaseFilePage.Status.PILOT,
            decision_role="Classe les demandes.",
            first_reported="2024-01-10",
        ),
        "respelled": CaseFilePageFactory(
            agency=agency,
            vendor=None,
            automation="",
            status=CaseFilePage.Status.DEPLOYED,
            decision_role="",
            first_reported="2024-06-01",
        ),
        # The same name used by another agency is another system.
        "other agency": CaseFilePageFactory(agency=other_agency, first_reported="2023-05-01"),
        # A draft case file's system stays a draft, and says nothing to the public.
        "draft": CaseFilePageFactory(
            agency=agency, live=False, decision_role="Texte d'un brouillon.", first_reported="2025-01-01"
        ),
        # A case file under a private page is not public either.
        "private": CaseFilePageFactory(agency=other_agency, first_reported="2023-01-01"),
        "no system": CaseFilePageFactory(agency=agency),
        "later draft": CaseFilePageFactory(
            agency=agency,
            live=False,
            decision_role="Texte d'un autre brouillon.",
            first_reported="2025-03-01",
        ),
    }
    PageViewRestrictionFactory(page=files["private"])
    files["translated"] = translate_page(files["public"], "en", title="Fictional case file")
    names = {
        files["public"].pk: "TriaClic",
        files["translated"].pk: "TriaClic",
        files["respelled"].pk: "  triaclic ",
        files["other agency"].pk: "TriaClic",
        files["draft"].pk: "Brouillon secret",
        files["private"].pk: "Caméra privée",
        files["later draft"].pk: "TRIACLIC",
    }
    migrate(BEFORE)
    write_free_text(names)
    migrate(latest())
    return {name: CaseFilePage.objects.get(pk=page.pk) for name, page in files.items()}


def entries_of(page):
    return SystemPage.objects.filter(translation_key=page.system.translation_key).order_by("pk")


def each_agency_and_name_becomes_one_entry_per_language_sharing_one_id(populated, client):
    triaclic = populated["public"].system
    assert populated["respelled"].system == triaclic
    assert populated["translated"].system != triaclic
    assert [(entry.locale.language_code, entry.public_id) for entry in entries_of(populated["public"])] == [
        ("fr", triaclic.public_id),
        ("en", triaclic.public_id),
    ]
    assert populated["translated"].system in entries_of(populated["public"])
    assert populated["other agency"].system.organization.name == "Ville fictive"
    assert populated["other agency"].system.public_id != triaclic.public_id
    assert populated["no system"].system is None
    ids = sorted(entry.public_id for entry in SystemPage.objects.all())
    assert len(set(ids)) == 4  # TriaClic twice, TriaClic of Ville fictive, the draft's, the private's
    year, last = ids[-1].split("-")[1:]
    assert PublicIdSequence.objects.get(prefix="SY", year=int(year)).last_number == int(last)
    assert all(entry.title == "TriaClic" for entry in entries_of(populated["public"]))
    assert triaclic.organization.name == "Agence fictive"


def entries_are_as_public_as_the_case_files_that_named_them(populated, client):
    assert populated["public"].system.live
    assert populated["other agency"].system.live
    draft_entry, private_entry = populated["draft"].system, populated["private"].system
    assert (draft_entry.live, private_entry.live) == (False, False)
    public_entries = SystemPage.objects.public()
    assert draft_entry not in public_entries and private_entry not in public_entries
    assert populated["public"].system in public_entries


def the_community_record_comes_from_public_case_files_with_its_sources(populated, client):
    entry = populated["public"].system
    # The latest public case file that gives a field gives it: "respelled" (2024-06) says it is
    # deployed, "public" (2024-01) gives what it decides, its automation and its vendor.
    assert entry.lifecycle_status == "in-use"
    assert entry.decision_role == "Classe les demandes."
    assert entry.automation == "partly-automated"
    assert [vendor.name for vendor in entry.vendors.all()] == ["Fournisseur fictif"]
    sources = {(source.field, source.casefile_id) for source in CommunitySource.objects.filter(page=entry)}
    assert sources == {
        ("lifecycle_status", populated["respelled"].pk),
        ("decision_role", populated["public"].pk),
        ("automation", populated["public"].pk),
        ("vendors", populated["public"].pk),
    }
    # The latest case file naming it is a draft: linked, but the public entry tells nothing of it.
    assert populated["later draft"].system == entry
    assert "brouillon" not in entry.decision_role


def a_draft_entry_tells_what_its_draft_case_files_say(populated, client):
    entry = populated["draft"].system
    assert entry.decision_role == "Texte d'un brouillon."
    assert not entry.live


def entries_stand_in_the_register_of_each_language_and_render(populated, client):
    for language, slug in (("fr", "registre"), ("en", "register")):
        index = SystemIndexPage.objects.get(locale__language_code=language)
        assert index.slug == slug and index.live
    indexes = SystemIndexPage.objects.order_by("pk")
    assert indexes[0].translation_key == indexes[1].translation_key
    entry = populated["public"].system
    assert entry.get_parent().specific == SystemIndexPage.objects.get(locale__language_code="fr")
    assert Page.find_problems() == ([], [], [], [], [])
    response = client.get(entry.url)
    assert response.status_code == 200
    assert b"TriaClic" in response.content


def revisions_name_the_entry_so_a_draft_keeps_its_system(populated, client):
    draft = populated["draft"]
    assert draft.get_latest_revision_as_object().system == draft.system
    assert draft.system.title == "Brouillon secret"


def test_forward_on_a_populated_database(populated, client):
    """Migrating once is slow: one test checks everything the forward migration did."""
    each_agency_and_name_becomes_one_entry_per_language_sharing_one_id(populated, client)
    entries_are_as_public_as_the_case_files_that_named_them(populated, client)
    the_community_record_comes_from_public_case_files_with_its_sources(populated, client)
    a_draft_entry_tells_what_its_draft_case_files_say(populated, client)
    entries_stand_in_the_register_of_each_language_and_render(populated, client)
    revisions_name_the_entry_so_a_draft_keeps_its_system(populated, client)


def test_going_back_writes_the_names_into_the_case_files(populated):
    migrate([("impacts", "0004_casefilepage_system")])
    historical = (
        MigrationExecutor(connection).loader.project_state(BEFORE).apps.get_model("impacts", "CaseFilePage")
    )
    assert historical.objects.get(pk=populated["respelled"].pk).ai_system == "TriaClic"
    assert historical.objects.get(pk=populated["no system"].pk).ai_system == ""
    migrate(latest())
