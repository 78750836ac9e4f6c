"""A register entry joined to everything else: its public case files (any language version, shown
once, in the reader's language), their public testimonies counted once, the briefs citing them,
the agreements covering the system, as one dated timeline; the community groups credited on
them. Drafts and private items never show, and the page's queries do not grow with the number of
linked items. The register's index introduces the register and shows each entry's organization,
lifecycle and disclosure."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.models import AgreementParty, CollaborationAgreementPage
from hub.models import Organization
from registry.models import Lifecycle
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DeclaredRecordFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    SystemPageFactory,
    TestimonyFactory,
    locale,
    show_testimony,
    translate_page,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text().split())


def timeline(response):
    """``[(datetime attribute, kind, title, href)]`` of the timeline, in order."""
    rows = []
    for item in soup(response).select(".register-timeline__list li"):
        link = item.select_one("a")
        time = item.select_one("time")
        rows.append(
            (
                time["datetime"] if time else None,
                text(item.select_one(".register-timeline__kind")),
                text(link),
                link["href"],
            )
        )
    return rows


def counts(response):
    return [text(item) for item in soup(response).select(".register-counts li")]


def agreement_covering(system, **fields):
    agreement = CollaborationAgreementPageFactory(**fields)
    page = CollaborationAgreementPage.objects.get(pk=agreement.pk)
    page.systems = [system]
    page.save_revision().publish()
    return CollaborationAgreementPage.objects.get(pk=page.pk)


@pytest.fixture
def linked(site_pages):
    """An entry with a public case file (translated), a draft one, a private one, a brief citing
    the public one, an agreement covering the system, and a testimony."""
    system = SystemPageFactory(title="Trieur fictif")
    casefile = CaseFilePageFactory(
        title="Dossier public", system=system, first_reported=datetime.date(2024, 2, 10)
    )
    english = translate_page(casefile, title="Public case file")
    draft = CaseFilePageFactory(title="Dossier brouillon", system=system, live=False)
    private = CaseFilePageFactory(title="Dossier privé", system=system)
    PageViewRestrictionFactory(page=private)
    brief = AdvocacyBriefPageFactory(
        title="Mémoire public", citations=[casefile], publication_date=datetime.date(2024, 6, 1)
    )
    AdvocacyBriefPageFactory(title="Mémoire brouillon", citations=[casefile], live=False)
    agreement = agreement_covering(
        system,
        title="Entente publique",
        start_date=datetime.date(2024, 9, 1),
        parties=[
            {"role": AgreementParty.Role.MUNICIPALITY},
            {
                "role": AgreementParty.Role.NON_PROFIT,
                "organization": OrganizationFactory(
                    name="Groupe fictif de défense", kind=Organization.Kind.NON_PROFIT
                ),
            },
        ],
    )
    show_testimony(casefile, TestimonyFactory(casefiles=[casefile]))
    return {
        "system": system,
        "casefile": casefile,
        "english casefile": english,
        "draft": draft,
        "private": private,
        "brief": brief,
        "agreement": agreement,
    }


def test_the_timeline_lists_public_items_once_oldest_first(client, linked):
    response = client.get(linked["system"].url)
    assert timeline(response) == [
        ("2024-02-10", "Dossier", "Dossier public", linked["casefile"].url),
        ("2024-06-01", "Mémoire", "Mémoire public", linked["brief"].url),
        ("2024-09-01", "Entente de collaboration", "Entente publique", linked["agreement"].url),
    ]
    markup = response.content.decode()
    for hidden in ("Dossier brouillon", "Dossier privé", "Mémoire brouillon"):
        assert hidden not in markup


def test_the_counts_name_case_files_testimonies_briefs_and_agreements(client, linked):
    assert counts(client.get(linked["system"].url)) == [
        "1 dossier",
        "1 témoignage public",
        "1 mémoire qui les cite",
        "1 entente qui encadre le système",
    ]


def test_an_english_reader_gets_the_translation_and_the_fallback_route(client, linked):
    english_system = translate_page(linked["system"], title="Fictional sorter")
    rows = timeline(client.get(english_system.url))
    assert rows[0][1:] == ("Case file", "Public case file", linked["english casefile"].url)
    # The brief and the agreement have no English version: the English index's fallback route.
    assert rows[1][3] == f"/en/briefs/{linked['brief'].public_id}/"
    assert rows[2][3] == f"/en/agreements/{linked['agreement'].public_id}/"
    assert client.get(rows[1][3]).status_code == 200


def test_a_case_file_linked_only_in_english_still_joins_the_entry(client, site_pages):
    """Either version of a case file may name either version of the entry."""
    system = SystemPageFactory()
    english_system = translate_page(system, title="Fictional sorter")
    casefile = CaseFilePageFactory(title="Dossier lié en anglais")
    english = translate_page(casefile, title="Linked in English", system=english_system)
    rows = timeline(client.get(system.url))
    assert [row[2:] for row in rows] == [("Dossier lié en anglais", casefile.url)]
    assert english.system_id == english_system.pk


def test_testimonies_are_counted_once_across_case_files(client, linked):
    other = CaseFilePageFactory(system=linked["system"])
    shared = TestimonyFactory(casefiles=[linked["casefile"], other])
    show_testimony(linked["casefile"], shared)
    show_testimony(other, shared)
    withdrawn = TestimonyFactory(
        casefiles=[other], withdrawn_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    show_testimony(other, withdrawn, publish=False)
    assert counts(client.get(linked["system"].url))[:2] == ["2 dossiers", "2 témoignages publics"]


def test_the_box_names_the_community_groups_credited_on_the_linked_items(client, linked):
    """Non-profit parties of the agreements and non-profit authors of the briefs, not the
    municipality that signed."""
    authors = [
        author.organization.name
        for author in linked["brief"].authors.all()
        if author.organization and author.organization.kind == Organization.Kind.NON_PROFIT
    ]
    box = soup(client.get(linked["system"].url)).select_one(".what-you-can-do")
    groups = [text(item) for item in box.select(".link-list li")]
    assert authors, "the brief has a non-profit author"
    assert groups == sorted(["Groupe fictif de défense", *authors])
    municipality = linked["agreement"].parties.get(role=AgreementParty.Role.MUNICIPALITY).organization
    assert municipality.name not in groups


def test_an_agreements_systems_follow_it_into_its_translation(client, linked):
    english = translate_page(linked["agreement"], title="Public agreement")
    assert list(english.systems.all()) == [linked["system"]]
    english_system = translate_page(linked["system"], title="Fictional sorter")
    rows = timeline(client.get(english_system.url))
    assert ("Collaboration agreement", "Public agreement", english.url) in [row[1:] for row in rows]


def test_the_agreement_form_offers_the_systems(superuser_client, linked):
    response = superuser_client.get(f"/admin/pages/{linked['agreement'].pk}/edit/")
    form = soup(response)
    assert form.select_one("[name=systems]") is not None
    assert "Systèmes d'IA encadrés" in text(form) or "AI systems covered" in text(form)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(system, number):
    """``number`` more public case files of ``system``, each cited by a brief, with a testimony,
    and as many agreements covering it, each with a community group."""
    for _ in range(number):
        casefile = CaseFilePageFactory(system=system)
        show_testimony(casefile, TestimonyFactory(casefiles=[casefile]))
        AdvocacyBriefPageFactory(citations=[casefile])
        agreement_covering(
            system,
            parties=[
                {"role": AgreementParty.Role.MUNICIPALITY},
                {
                    "role": AgreementParty.Role.NON_PROFIT,
                    "organization": OrganizationFactory(kind="non-profit"),
                },
            ],
        )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pages_queries_do_not_grow_with_the_linked_items(client, site_pages, language):
    few, many = SystemPageFactory(), SystemPageFactory()
    DeclaredRecordFactory(system=few)
    DeclaredRecordFactory(system=many)
    grow(few, 1)
    grow(many, 5)
    urls = [page.url_in(language) for page in (few, many)]
    for url in urls:  # the site's paths, the menus and the footer are kept after a first page
        queries_for(client, url)
    assert len(timeline(client.get(urls[1]))) == 15
    assert queries_for(client, urls[0]) == queries_for(client, urls[1])


# --- The register's index ----------------------------------------------------------------------


def test_the_index_explains_the_register_in_plain_words(client, site_pages):
    for language, headings in (
        ("fr", ["Qu'est-ce qu'un registre des systèmes d'IA?", "À quoi peut-il vous servir?"]),
        ("en", ["What is an AI system register?", "What can you do with it?"]),
    ):
        page = soup(client.get(site_pages[language]["registry.SystemIndexPage"].url))
        found = [text(heading) for heading in page.select(".register-intro h2")]
        assert found == headings, language
        assert len(page.select(".register-intro li")) == 4


def test_the_cards_give_organization_lifecycle_and_disclosure(client, site_pages):
    organization = OrganizationFactory(name="Ministère fictif")
    translated = organization.copy_for_translation(locale("en"))
    translated.name = "Fictional Ministry"
    translated.save()
    declared = SystemPageFactory(
        title="Système déclaré", organization=organization, lifecycle_status=Lifecycle.PILOT
    )
    DeclaredRecordFactory(system=declared, lifecycle_status=Lifecycle.SUSPENDED, purpose="Objectif fictif.")
    SystemPageFactory(title="Système non déclaré", lifecycle_status=Lifecycle.PLANNED)
    SystemPageFactory(title="Système en brouillon", live=False)

    def cards(language):
        page = soup(client.get(site_pages[language]["registry.SystemIndexPage"].url))
        return {
            text(card.select_one(".card__title")): (
                text(card.select_one(".status")),
                {text(row.dt): text(row.dd) for row in card.select(".system-card__facts > div")},
            )
            for card in page.select(".system-card")
        }

    french = cards("fr")
    assert set(french) == {"Système déclaré", "Système non déclaré"}
    # The declared lifecycle wins; two fields disclosed (purpose and lifecycle status) of 22.
    assert french["Système déclaré"] == (
        "Suspendu",
        {
            "Organisation": "Ministère fictif",
            "Divulgation": "Peu divulgué (moins du tiers) (2 champs divulgués sur 22)",
        },
    )
    assert french["Système non déclaré"][1]["Divulgation"] == "Rien de divulgué (0 champs divulgués sur 22)"
    english = cards("en")
    assert english["Système déclaré"][1]["Organization"] == "Fictional Ministry"


def test_the_index_queries_do_not_grow_with_the_cards(client, site_pages):
    index = site_pages["fr"]["registry.SystemIndexPage"]
    DeclaredRecordFactory(system=SystemPageFactory())
    queries_for(client, index.url)  # what the site keeps after a first page (menus, paths)
    few = queries_for(client, index.url + "?page=1&x=1")  # not a kept list: rendered again
    for _ in range(4):
        DeclaredRecordFactory(system=SystemPageFactory(), vendors=[OrganizationFactory()])
        SystemPageFactory()
    queries_for(client, index.url)
    assert len(soup(client.get(index.url + "?page=1&x=2")).select(".system-card")) == 9
    assert queries_for(client, index.url + "?page=1&x=3") == few


def test_a_link_made_only_in_a_draft_translation_does_not_show(client, site_pages):
    system = SystemPageFactory()
    english_system = translate_page(system, title="Fictional sorter")
    casefile = CaseFilePageFactory(title="Dossier sans lien public")
    draft = casefile.copy_for_translation(locale("en"))
    draft.system = english_system
    draft.save()  # a page never published keeps its draft in its row, as the admin leaves it
    draft.save_revision()
    assert not draft.live
    assert timeline(client.get(system.url)) == []
