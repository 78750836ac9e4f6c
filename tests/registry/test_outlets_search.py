"""The register in the search: its lifecycle, technique and disclosure facets filter and count
what the entries' pages say (the organization's published value before the community's), the
disclosure sort puts the most disclosed first, and a declaration never published changes
nothing. Expectations are written from the entries made here, not read from the search."""

import re

import pytest
from django.utils import translation

from hub.models import Organization
from registry.models import Lifecycle, Technique
from tests.factories import CaseFilePageFactory, DeclaredRecordFactory, SystemPageFactory

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search/"


@pytest.fixture
def register(site_pages, django_capture_on_commit_callbacks):
    """Four entries: one the organization declared much about, one little, one only as a draft,
    one nothing; and a case file, which no register facet counts."""
    with django_capture_on_commit_callbacks(execute=True):
        much = SystemPageFactory(title="Système très divulgué", lifecycle_status=Lifecycle.PILOT)
        DeclaredRecordFactory(
            system=much,
            lifecycle_status=Lifecycle.IN_USE,  # the organization's value wins over the community's "pilot"
            technique=Technique.RULE_BASED,
            accountable_role="Direction fictive",
            contact="registre@organisme.example.org",
            public_page_url="https://organisme.example.org/systeme",
            start_month="2024-01",
            purpose="Réduire les délais.",
            alternatives="Traitement manuel.",
            decision_role="Classe les demandes.",
            human_override="Une agente.",
            legal_basis="Loi fictive.",
            recourse="Révision administrative.",
            data_sources="Demandes reçues.",
            personal_data="yes",
            monitoring="Suivi trimestriel.",
            not_disclosed=[],
        )
        little = SystemPageFactory(title="Système peu divulgué", technique=Technique.GENERATIVE)
        DeclaredRecordFactory(system=little, purpose="Répondre aux questions.", lifecycle_status="")
        drafted = SystemPageFactory(title="Système au brouillon", lifecycle_status=Lifecycle.PLANNED)
        DeclaredRecordFactory(
            system=drafted,
            live=False,
            lifecycle_status=Lifecycle.RETIRED,
            technique=Technique.OTHER,
            purpose="Brouillon jamais publié.",
        )
        silent = SystemPageFactory(title="Système muet", lifecycle_status="", technique="")
        casefile = CaseFilePageFactory(title="Dossier sans registre")
    return {"much": much, "little": little, "drafted": drafted, "silent": silent, "casefile": casefile}


def facet_counts(body, facet):
    return {value["key"]: value["count"] for value in body["facets"][facet]}


def test_register_facets_count_the_value_each_page_shows(client, register):
    body = client.get(SEARCH).json()

    # much: declared in-use over the community's pilot; little: declared nothing about its
    # lifecycle, the community said in-use (the factory's); drafted: the draft's "retired" is not
    # public, the community's "planned" counts; silent: nobody said.
    assert facet_counts(body, "lifecycle") == {"in-use": 2, "planned": 1}
    assert facet_counts(body, "technique") == {
        "rule-based": 1,
        "generative": 1,
        "machine-learning": 1,
    }
    # much disclosed 15 of the 22 expected fields (two thirds or more: high); little one
    # (purpose: low); the draft and silent ones nothing.
    assert facet_counts(body, "disclosure") == {"high": 1, "low": 1, "none": 2}
    assert body["count"] == 5  # the case file too: no register facet is selected


def test_a_register_facet_selects_entries_and_counts_disjunctively(client, register):
    body = client.get(SEARCH, {"lifecycle": "in-use", "technique": "rule-based"}).json()

    assert [hit["id"] for hit in body["results"]] == [register["much"].public_id]
    # Each facet counted with the other's selection only.
    assert facet_counts(body, "lifecycle") == {"in-use": 1}
    assert facet_counts(body, "technique") == {"rule-based": 1, "generative": 1}
    assert facet_counts(body, "type") == {"system": 1}


def test_an_unknown_register_value_is_refused_by_name(client, register):
    response = client.get(SEARCH, {"disclosure": "total"})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["disclosure"]


def test_the_disclosure_sort_puts_the_most_disclosed_first(client, register):
    body = client.get(SEARCH, {"sort": "disclosure", "page_size": 10}).json()

    ids = [hit["id"] for hit in body["results"]]
    assert ids[:2] == [register["much"].public_id, register["little"].public_id]
    # Then the entries that disclose nothing and the case file, which has no score.
    assert set(ids[2:]) == {register[name].public_id for name in ("drafted", "silent", "casefile")}
    assert len(ids) == 5


def test_publishing_a_declaration_moves_its_entry_in_the_facets(
    client, register, django_capture_on_commit_callbacks
):
    drafted = register["drafted"].declared_records.get()
    with django_capture_on_commit_callbacks(execute=True):
        drafted.latest_revision.publish()

    body = client.get(SEARCH, {"type": "system"}).json()

    assert facet_counts(body, "lifecycle") == {"in-use": 2, "retired": 1}
    assert facet_counts(body, "technique")["other"] == 1


def test_the_search_page_folds_the_register_facets_until_the_register_is_chosen(client, register):
    everything = client.get("/fr/recherche/").content.decode()
    register_only = client.get("/fr/recherche/", {"type": "system"}).content.decode()
    casefiles_only = client.get("/en/search/", {"type": "casefile"}).content.decode()

    folded = re.search(r'<details class="facet-more" id="facet-more-lifecycle"( open)?>', everything)
    assert folded and not folded.group(1)
    assert '<details class="facet-more" id="facet-more-lifecycle" open>' in register_only
    assert 'id="f-disclosure-high"' in register_only
    assert "facet-lifecycle" not in casefiles_only  # it would find nothing there
    # Its sort is offered while the register may be among the results, in the reader's language.
    assert '<option value="disclosure">Divulgation la plus complète d’abord</option>' in everything
    assert 'value="disclosure"' not in casefiles_only


def test_the_register_facets_labels_are_in_each_language(client, register):
    french = client.get(SEARCH, {"locale": "fr"}).json()["facets"]["lifecycle"]
    english = client.get(SEARCH, {"locale": "en"}).json()["facets"]["lifecycle"]

    with translation.override("fr"):
        in_french = str(Lifecycle.IN_USE.label)
    assert {value["key"]: value["label"] for value in english}["in-use"] == "In use"
    assert {value["key"]: value["label"] for value in french}["in-use"] == in_french


def test_an_entry_of_an_organization_is_found_by_its_name(client, register):
    organization = Organization.objects.get(pk=register["silent"].organization_id)

    body = client.get(SEARCH, {"q": organization.name}).json()

    assert [hit["id"] for hit in body["results"]] == [register["silent"].public_id]
