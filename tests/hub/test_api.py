"""The read API (Wagtail API v2): structured fields of every item type, taxonomy keys, and
nothing unpublished or private."""

import datetime

import pytest

from advocacy.models import AgreementSignatory
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DocumentFactory,
    ImageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    commitment,
    evidence,
    paragraph,
    translate_page,
)

pytestmark = pytest.mark.django_db


def pages_of_type(client, model_label, **params):
    response = client.get("/api/v2/pages/", {"type": model_label, "fields": "*", **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def by_public_id(items):
    return {item["public_id"]: item for item in items}


@pytest.fixture
def casefile(site_pages):
    return CaseFilePageFactory(
        title="Reconnaissance faciale au métro",
        summary="Résumé fictif.",
        plain_summary="Des caméras reconnaissent les visages.",
        services=["transport", "securite-publique"],
        regions=["montreal"],
        risks=["surveillance", "vie-privee"],
        impact_level=4,
        agency=OrganizationFactory(name="Société de transport fictive"),
        vendor=OrganizationFactory(name="Fournisseur fictif", kind="vendor"),
        ai_system="VisageMétro",
        status="pilot",
        automation="advisory",
        first_reported=datetime.date(2024, 2, 29),
        body=[paragraph("Récit fictif."), evidence("https://journal.example.org/metro")],
    )


@pytest.fixture
def hidden_casefiles(site_pages):
    draft = CaseFilePageFactory(title="Brouillon", live=False)
    private = CaseFilePageFactory(title="Privé")
    PageViewRestrictionFactory(page=private)
    return [draft, private]


def test_case_files_expose_their_structured_fields_and_taxonomy_keys(client, casefile):
    item = by_public_id(pages_of_type(client, "impacts.CaseFilePage"))[casefile.public_id]
    assert item["title"] == "Reconnaissance faciale au métro"
    assert item["summary"] == "Résumé fictif."
    assert item["plain_summary"] == "Des caméras reconnaissent les visages."
    assert item["service_keys"] == ["securite-publique", "transport"]
    assert item["region_keys"] == ["montreal"]
    assert item["risk_keys"] == ["surveillance", "vie-privee"]
    assert item["impact_level"] == 4
    assert item["agency_name"] == "Société de transport fictive"
    assert item["vendor_name"] == "Fournisseur fictif"
    assert item["ai_system"] == "VisageMétro"
    assert item["status"] == "pilot"
    assert item["automation"] == "advisory"
    assert item["first_reported"] == "2024-02-29"
    assert item["content_language"] == "fr"
    assert item["meta"]["locale"] == "fr"
    assert [block["type"] for block in item["body"]] == ["paragraph", "evidence"]
    assert item["body"][1]["value"]["source_url"] == "https://journal.example.org/metro"


def test_a_case_file_not_assessed_has_no_impact_level(client, site_pages):
    page = CaseFilePageFactory(impact_level=None)
    assert by_public_id(pages_of_type(client, "impacts.CaseFilePage"))[page.public_id]["impact_level"] is None


def test_translations_are_listed_per_locale_with_the_same_public_id(client, casefile):
    english = translate_page(casefile, title="Facial recognition in the subway")
    items = pages_of_type(client, "impacts.CaseFilePage", locale="en")
    assert [(item["title"], item["public_id"]) for item in items] == [(english.title, casefile.public_id)]
    assert items[0]["service_keys"] == ["securite-publique", "transport"]
    assert items[0]["content_language"] == "en"


def test_drafts_and_private_case_files_are_not_listed(client, casefile, hidden_casefiles):
    listed = by_public_id(pages_of_type(client, "impacts.CaseFilePage"))
    assert casefile.public_id in listed
    for hidden in hidden_casefiles:
        assert hidden.public_id not in listed
        assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    everything = client.get("/api/v2/pages/", {"limit": 100}).json()["items"]
    assert {hidden.pk for hidden in hidden_casefiles}.isdisjoint(item["id"] for item in everything)


def test_related_case_files_never_reveal_a_draft_or_private_one(client, site_pages, hidden_casefiles):
    visible = CaseFilePageFactory()
    page = CaseFilePageFactory()
    page.related_casefiles = [visible, *hidden_casefiles]
    page.save_revision().publish()
    item = by_public_id(pages_of_type(client, "impacts.CaseFilePage"))[page.public_id]
    assert item["related_casefile_ids"] == [visible.public_id]


def test_briefs_expose_authors_citations_recommendations_and_keys(client, casefile):
    pdf = DocumentFactory(title="Mémoire en PDF")
    brief = AdvocacyBriefPageFactory(
        title="Mémoire sur la reconnaissance faciale",
        authors=[{"person_name": "Autrice fictive", "organization__name": "Ligue fictive"}],
        citations=[(casefile, "Preuve 1")],
        services=["transport"],
        regions=["montreal", "laval"],
        risks=["surveillance"],
        publication_date=datetime.date(2024, 9, 30),
        version="2.0",
        pdf=pdf,
    )
    item = by_public_id(pages_of_type(client, "advocacy.AdvocacyBriefPage"))[brief.public_id]
    assert item["public_id"].startswith("BR-")
    assert item["plain_summary"] == brief.plain_summary
    assert item["author_names"] == ["Autrice fictive — Ligue fictive"]
    assert item["cited_casefiles"] == [{"id": casefile.public_id, "pinpoint": "Preuve 1"}]
    assert item["service_keys"] == ["transport"]
    assert item["region_keys"] == ["laval", "montreal"]
    assert item["risk_keys"] == ["surveillance"]
    assert item["publication_date"] == "2024-09-30"
    assert item["version"] == "2.0"
    assert item["pdf"]["id"] == pdf.pk
    assert [block["value"]["addressee"] for block in item["recommendations"]] == ["Ministère fictif"]


def test_briefs_never_reveal_a_cited_draft_or_private_case_file(client, casefile, hidden_casefiles):
    brief = AdvocacyBriefPageFactory(citations=[casefile, *hidden_casefiles])
    item = by_public_id(pages_of_type(client, "advocacy.AdvocacyBriefPage"))[brief.public_id]
    assert [citation["id"] for citation in item["cited_casefiles"]] == [casefile.public_id]


def test_agreements_expose_parties_signatories_commitments_and_keys(client, site_pages):
    city = OrganizationFactory(name="Ville fictive", kind="municipality")
    agreement = CollaborationAgreementPageFactory(
        parties=[
            {"organization": city, "role": "municipality"},
            {"organization__name": "Collectif fictif", "role": "non-profit"},
        ],
        services=["services-municipaux"],
        regions=["estrie"],
        status="in-force",
        commitments=[
            commitment(
                "Publier le code.",
                owner=city,
                owner_role="Direction des technologies",
                due_date=datetime.date(2025, 6, 1),
            )
        ],
    )
    AgreementSignatory.objects.create(agreement=agreement, name="Signataire fictive", organization=city)
    item = by_public_id(pages_of_type(client, "advocacy.CollaborationAgreementPage"))[agreement.public_id]
    assert item["public_id"].startswith("AC-")
    assert [(party["name"], party["role"]) for party in item["party_list"]] == [
        ("Ville fictive", "municipality"),
        ("Collectif fictif", "non-profit"),
    ]
    assert item["signatory_list"] == [{"name": "Signataire fictive", "title": "", "organization": city.key}]
    assert item["service_keys"] == ["services-municipaux"]
    assert item["region_keys"] == ["estrie"]
    assert item["status"] == "in-force"
    assert item["scope"] == agreement.scope
    assert item["citizen_role"] == agreement.citizen_role
    assert item["start_date"] == "2024-01-15"
    assert item["end_date"] == "2026-01-15"
    (commitment_row,) = agreement.commitments.all()
    assert item["commitments"] == [
        {
            "id": commitment_row.pk,
            "meta": {"type": "followup.Commitment"},
            "public_id": f"{agreement.public_id}-C1",
            "number": 1,
            "text": "Publier le code.",
            "owner_key": city.key,
            "owner_role": "Direction des technologies",
            "due_date": "2025-06-01",
        }
    ]


@pytest.mark.parametrize(
    ("factory", "model_label"),
    [
        (AdvocacyBriefPageFactory, "advocacy.AdvocacyBriefPage"),
        (CollaborationAgreementPageFactory, "advocacy.CollaborationAgreementPage"),
    ],
)
def test_draft_and_private_briefs_and_agreements_are_not_listed(client, site_pages, factory, model_label):
    published, draft, private = factory(), factory(live=False), factory()
    PageViewRestrictionFactory(page=private)
    listed = by_public_id(pages_of_type(client, model_label))
    assert list(listed) == [published.public_id]
    for hidden in (draft, private):
        assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404


def test_images_and_documents_endpoints_list_what_published_pages_show(client, db):
    image = ImageFactory(title="Affiche fictive")
    document = DocumentFactory(title="Entente signée fictive")
    CaseFilePageFactory(body=[{"type": "image", "value": {"image": image.pk, "alt_text": "Une affiche"}}])
    AdvocacyBriefPageFactory(pdf=document)
    ImageFactory(title="Image jamais publiée")
    DocumentFactory(title="Document jamais publié")
    images = client.get("/api/v2/images/")
    documents = client.get("/api/v2/documents/")
    assert images.status_code == documents.status_code == 200
    assert [item["title"] for item in images.json()["items"]] == [image.title]
    assert [item["title"] for item in documents.json()["items"]] == [document.title]
    assert client.get(f"/api/v2/images/{image.pk}/").json()["title"] == image.title
    assert client.get(f"/api/v2/documents/{document.pk}/").json()["title"] == document.title
