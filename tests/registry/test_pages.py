"""A register entry's page as a reader sees it: the short summaries at the top, the key facts with
the disclosure score in words, every field with the organization's declaration ("Non divulgué"
apart from "not documented yet") and, apart, the community's record with its sources, and the
"what you can do" box. Drafts of declarations and of case files never show.

Expected words are the French and English interface strings written out here, not read from the
catalogues or the code."""

import re

import pytest
from bs4 import BeautifulSoup

from registry.models import CommunitySource, Lifecycle, YesNo
from tests.factories import (
    CaseFilePageFactory,
    DeclaredRecordFactory,
    OrganizationFactory,
    SystemPageFactory,
    translate_page,
)

pytestmark = pytest.mark.django_db

# 24 fields in the register; the end month and the consultation report are not expected.
EXPECTED = 22


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text().split())


def field(page, key):
    """``(declared text, community text)`` of a field's row."""
    row = page.select_one(f"#field-{key}")
    assert row is not None, key
    return text(row.select_one(".register-field__declared")), text(
        row.select_one(".register-field__community")
    )


@pytest.fixture
def system(site_pages):
    """An entry whose community documented what it decides, with a published declaration that
    gives its purpose, its contact and its start, and withholds its training data."""
    system = SystemPageFactory(
        title="Trieur fictif des demandes",
        plain_summary="Un logiciel classe les demandes. Des personnes attendent plus longtemps.",
        summary="Un système fictif classe les demandes d'aide selon un score.",
        decision_role="Classe les demandes par ordre de priorité.",
        lifecycle_status=Lifecycle.PILOT,
        personal_data=YesNo.YES,
    )
    DeclaredRecordFactory(
        system=system,
        purpose="Réduire les délais de traitement.",
        contact="registre@organisme.example.org",
        start_month="2024-03",
        lifecycle_status=Lifecycle.IN_USE,
        not_disclosed=["training_data", "source_code_url"],
        source_title="Rapport annuel fictif 2024",
        source_url="https://organisme.example.org/rapport-2024",
    )
    return system


def test_the_plain_summary_and_the_short_description_open_the_page(client, system):
    page = soup(client.get(system.url))
    article = page.select_one("article.system")
    headings = [text(heading) for heading in article.select("h2")]
    assert headings[:3] == ["En bref", "Résumé", "Faits essentiels"]
    assert text(article.select_one(".plain-summary p")) == system.plain_summary
    assert text(article.select_one(".summary p")) == system.summary


def test_each_field_says_what_the_organization_declared_withheld_or_nobody_documented(client, system):
    page = soup(client.get(system.url))
    assert field(page, "purpose") == (
        "Déclaré par l'organisme : Réduire les délais de traitement.",
        "Documenté par la communauté : Pas encore documenté",
    )
    assert field(page, "training_data")[0] == "Déclaré par l'organisme : Non divulgué"
    assert field(page, "source_code_url")[0] == "Déclaré par l'organisme : Non divulgué"
    assert field(page, "legal_basis") == (
        "Déclaré par l'organisme : Pas encore documenté",
        "Documenté par la communauté : Pas encore documenté",
    )
    # What the community documented stands apart from what the organization declared.
    assert field(page, "decision_role") == (
        "Déclaré par l'organisme : Pas encore documenté",
        "Documenté par la communauté : Classe les demandes par ordre de priorité.",
    )
    assert field(page, "lifecycle_status") == (
        "Déclaré par l'organisme : En service",
        "Documenté par la communauté : Projet pilote",
    )
    assert field(page, "start_month")[0] == "Déclaré par l'organisme : mars 2024"
    assert page.select_one("#field-start_month time")["datetime"] == "2024-03"


def test_the_fields_come_in_the_standards_groups_in_order(client, system):
    page = soup(client.get(system.url))
    groups = [text(heading) for heading in page.select(".register-group h3")]
    assert len(groups) == 7
    first_group_fields = [row["id"] for row in page.select(".register-group")[0].select(".register-field")]
    assert first_group_fields == ["field-accountable_role", "field-contact", "field-public_page_url"]
    assert len(page.select(".register-field")) == 24


def test_the_english_page_says_not_disclosed_in_english(client, system):
    english = translate_page(system, title="Fictional request sorter")
    page = soup(client.get(english.url))
    assert field(page, "training_data")[0] == "Declared by the organization: Not disclosed"
    assert field(page, "legal_basis")[1] == "Documented by the community: Not documented yet"
    assert "4 of 22 fields disclosed" in text(page.select_one(".disclosure"))


def test_the_score_is_said_in_words_and_the_bar_only_repeats_it(client, system):
    page = soup(client.get(system.url))
    score = page.select_one(".facts .disclosure")
    # purpose, contact, start month and lifecycle status: four of the expected fields.
    assert text(score.select_one(".disclosure__count")) == f"4 champs divulgués sur {EXPECTED}"
    bar = score.select_one("meter")
    assert (bar["value"], bar["max"], bar["aria-hidden"]) == ("4", str(EXPECTED), "true")
    assert text(score.select_one(".disclosure__level")) != ""


def test_the_key_facts_give_the_organization_lifecycle_months_and_technique(client, system):
    page = soup(client.get(system.url))
    facts = {text(row.dt): text(row.dd) for row in page.select(".facts > div")}
    assert facts["Organisation"] == f"{system.organization.name}, Direction fictive"
    # The organization's declaration wins over the community's record where it gives a value.
    assert facts["Cycle de vie"] == "En service · depuis mars 2024"
    assert facts["Technique"] == "Apprentissage automatique"


def test_the_declarations_source_and_date_are_named(client, system):
    page = soup(client.get(system.url))
    sources = page.select_one(".register-record__sources")
    link = sources.find("a", string="Rapport annuel fictif 2024")
    assert link["href"] == "https://organisme.example.org/rapport-2024"
    assert sources.select_one("time")["datetime"] == "2025-03-01"


def test_a_draft_declaration_never_shows(client, site_pages):
    system = SystemPageFactory()
    DeclaredRecordFactory(system=system, live=False, purpose="Brouillon confidentiel de l'organisme.")
    response = client.get(system.url)
    assert "Brouillon confidentiel" not in response.content.decode()
    page = soup(response)
    assert field(page, "purpose")[0] == "Déclaré par l'organisme : Pas encore documenté"
    assert field(page, "training_data")[0] == "Déclaré par l'organisme : Pas encore documenté"
    assert f"0 champs divulgués sur {EXPECTED}" in text(page.select_one(".disclosure"))
    assert "aucune déclaration" in text(page.select_one(".register-record__sources"))


def test_an_unpublished_declaration_leaves_the_page(client, system):
    record = system.declared_records.get()
    record.unpublish()
    page = soup(client.get(system.url))
    assert "Réduire les délais" not in text(page)
    assert field(page, "training_data")[0] == "Déclaré par l'organisme : Pas encore documenté"


def test_community_sources_list_public_case_files_and_links_never_drafts(client, system):
    public = CaseFilePageFactory(title="Dossier public sur le tri", system=system)
    draft = CaseFilePageFactory(title="Dossier en brouillon sur le tri", system=system, live=False)
    page = system.__class__.objects.get(pk=system.pk)
    page.community_sources.add(CommunitySource(field="decision_role", casefile=public))
    page.community_sources.add(CommunitySource(field="decision_role", casefile=draft))
    page.community_sources.add(
        CommunitySource(
            field="decision_role", source_title="Article fictif", source_url="https://journal.example.org/tri"
        )
    )
    page.community_sources.add(CommunitySource(field="", source_url="https://groupe.example.org/enquete"))
    page.save_revision().publish()
    response = client.get(system.url)
    assert "Dossier en brouillon" not in response.content.decode()
    row = soup(response).select_one("#field-decision_role .register-field__community")
    links = [(link.get_text(strip=True), link["href"]) for link in row.select(".register-sources a")]
    assert links == [
        ("Dossier public sur le tri", public.url),
        ("Article fictif", "https://journal.example.org/tri"),
    ]
    whole = soup(response).select_one(".register-record__sources .register-sources")
    assert [link["href"] for link in whole.select("a")] == ["https://groupe.example.org/enquete"]


# --- What you can do ---------------------------------------------------------------------------


def box(response):
    return soup(response).select_one(".what-you-can-do")


def test_the_box_gives_the_declared_contact_as_a_mail_link(client, system):
    found = box(client.get(system.url))
    assert text(found.select_one("h2")) == "Ce que vous pouvez faire"
    link = found.find("a", href="mailto:registre@organisme.example.org")
    assert link is not None and link.get_text() == "registre@organisme.example.org"


def test_without_a_declared_contact_the_box_gives_the_communitys(client, site_pages):
    system = SystemPageFactory(contact="Téléphone fictif : 514 555-0199")
    found = box(client.get(system.url))
    assert "514 555-0199" in text(found)
    assert found.select("a[href^='mailto:']") == []


def test_the_access_officer_shows_only_when_known(client, site_pages):
    known = OrganizationFactory(
        access_officer="Responsable fictive de l'accès aux documents",
        access_request_url="https://organisme.example.org/acces",
    )
    with_officer = box(client.get(SystemPageFactory(organization=known).url))
    assert "Responsable fictive de l'accès aux documents" in text(with_officer)
    request_link = with_officer.find("a", href="https://organisme.example.org/acces")
    assert text(request_link) == f"Comment faire une demande à {known.name}"

    unknown = box(client.get(SystemPageFactory().url))
    assert "20 jours" in text(unknown), "the law is explained even when the person is not known"
    assert "personne responsable" not in text(unknown)
    assert unknown.select("a[href*='acces']") == []


def test_a_hostile_contact_stays_text(client, site_pages):
    system = SystemPageFactory(contact='javascript:alert(1)" onmouseover="x')
    found = box(client.get(system.url))
    assert found.select("a[href^='javascript']") == []
    assert found.select("[onmouseover]") == []
    assert 'javascript:alert(1)" onmouseover="x' in text(found)


def test_the_box_leads_to_the_community_record(client, system):
    CaseFilePageFactory(system=system)
    found = box(client.get(system.url))
    link = found.find("a", href="#timeline-heading")
    assert text(link) == "Lire ce que la communauté a documenté sur ce système"


def test_the_page_works_in_english_with_every_heading(client, system):
    english = translate_page(system, title="Fictional request sorter")
    page = soup(client.get(english.url))
    headings = [text(heading) for heading in page.select("article h2")]
    for expected in (
        "Key facts",
        "What you can do",
        "The system, field by field",
        "Case files and what followed",
    ):
        assert expected in headings
    assert re.search(r"Ask .+ about this system", text(page.select_one(".what-you-can-do")))
