"""A report's recommendations are numbered like commitments (``followup.numbering``): once, in
their order, the same in every language, never reused after a deletion, a draft's included; each
has its permanent address ``/cite/<report id>-R<n>/`` leading to its place on the report, and its
references; what is not public has none.

Expectations are written out: numbers, addresses, titles."""

import pytest

from followup.models import Recommendation, ReportPage
from tests.citations.test_citations import parse_bibtex
from tests.factories import PageViewRestrictionFactory, ReportPageFactory, recommendation, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(site_pages):
    return ReportPageFactory(
        title="Bilan fictif du tri",
        slug="bilan-tri",
        recommendations=[
            recommendation("Offrir un rendez-vous avec une personne."),
            recommendation("Publier les critères de tri."),
        ],
    )


def numbers(page):
    return [(r.number, r.text) for r in page.recommendations.order_by("sort_order", "pk")]


def test_recommendations_are_numbered_in_order_and_a_number_is_never_given_again(report):
    assert numbers(report) == [
        (1, "Offrir un rendez-vous avec une personne."),
        (2, "Publier les critères de tri."),
    ]
    page = ReportPage.objects.get(pk=report.pk)
    page.recommendations = [
        page.recommendations.get(number=1),
        recommendation("Rendre compte chaque année.", sort_order=1),
    ]
    page.save_revision().publish()
    # The second recommendation was deleted: its number stays taken.
    assert numbers(ReportPage.objects.get(pk=report.pk)) == [
        (1, "Offrir un rendez-vous avec une personne."),
        (3, "Rendre compte chaque année."),
    ]
    # A draft's new recommendation takes a number the next one will not take again.
    drafted = ReportPage.objects.get(pk=report.pk)
    drafted.recommendations.add(recommendation("Tenir une séance publique.", sort_order=5))
    drafted.save_revision()
    Recommendation.objects.create(page=report, text="Ajoutée par un script.", sort_order=6)
    assert Recommendation.objects.get(text="Ajoutée par un script.").number == 5


def test_a_translation_keeps_the_numbers(report):
    english = translate_page(report, title="Fictional sorting report", slug="sorting-report")
    assert [r.number for r in english.recommendations.order_by("sort_order")] == [1, 2]


def redirect_of(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 301, response.status_code
    return response["Location"]


def test_the_permanent_address_leads_to_the_recommendation_in_the_readers_language(client, report):
    public_id = f"{report.public_id}-R2"
    assert redirect_of(client, f"/cite/{public_id}/") == "/fr/bilans/bilan-tri/#recommendation-2"
    assert (
        redirect_of(client, f"/cite/{public_id}/", lang="en")
        == f"/en/reports/{report.public_id}/#recommendation-2"
    )
    translate_page(report, title="Fictional sorting report", slug="sorting-report")
    assert (
        redirect_of(client, f"/cite/{public_id}/", lang="en")
        == "/en/reports/sorting-report/#recommendation-2"
    )


def test_a_recommendation_is_cited_as_a_part_of_its_report(client, report):
    public_id = f"{report.public_id}-R1"
    response = client.get(f"/cite/{public_id}/", {"format": "bibtex"})
    assert response.status_code == 200
    entry = parse_bibtex(response.content.decode())
    fields = {field.key: field.value for field in entry.fields}
    assert entry.key == public_id
    assert (fields["title"], fields["number"], fields["type"]) == (
        "Offrir un rendez-vous avec une personne.",
        public_id,
        "Recommandation",
    )


def test_what_is_not_public_has_no_permanent_address(client, report):
    for suffix in ("R3", "R0", "C1"):
        assert client.get(f"/cite/{report.public_id}-{suffix}/").status_code == 404, suffix
    PageViewRestrictionFactory(page=report)
    assert client.get(f"/cite/{report.public_id}-R1/").status_code == 404
