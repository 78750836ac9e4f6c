"""The XSS corpus (tests/hub/test_xss_corpus.py) in consultation reports: every free-text field,
URL and StreamField block of a report, of its recommendations and of its commitments, and the
names of the organizations it names, rendered on the report's public page, data surfaces and
admin views: nothing may come out as live markup.

As in the corpus, fields are found by introspection (a field added later is covered without
editing this module) and each payload names its field. The public page must show what a report
page shows on every version: its identity, its mandate, its method, its themes, its
recommendations and their responses' reasons, its commitments."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from followup.models import Commitment, Recommendation, RecommendationResponse, ReportPage
from hub.models import Organization
from tests.factories import ReportPageFactory, locale
from tests.hub.test_xss_corpus import Corpus, Surfaces, block_value, fill, stream_fields

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning"),
]

# A quote's testimony is a chooser of testimonies, whose words the testimonies' own corpus covers.
NO_TESTIMONY = {"ReportPage.themes.theme.quotes.item.testimony": None}
SHOWN_PUBLICLY = {
    "ReportPage.title",
    "ReportPage.decided_by",
    "ReportPage.could_change",
    "ReportPage.method",
    "ReportPage.missing",
    "ReportPage.outside_consultation",
    "ReportPage.themes.theme.title",
    "ReportPage.themes.theme.account",
    "ReportPage.themes.theme.quotes.item.quote",
    "Recommendation.text",
    "Recommendation.response_reasons",
    "Commitment.text",
    "Commitment.owner_role",
}


@pytest.fixture
def report(site_pages, superuser):
    corpus = Corpus()
    organization = Organization.objects.create(
        locale=locale("fr"), kind=Organization.Kind.PUBLIC_BODY, **fill(Organization, corpus)
    )
    page = ReportPageFactory(slug="bilan-xss", addressed_to=organization)
    page = ReportPage.objects.get(pk=page.pk)
    for name, value in fill(ReportPage, corpus).items():
        setattr(page, name, value)
    for stream_field in stream_fields(ReportPage):
        value = block_value(
            stream_field.stream_block, corpus, f"ReportPage.{stream_field.name}", None, replace=NO_TESTIMONY
        )
        setattr(page, stream_field.name, value)
    page.recommendations = [
        Recommendation(
            response=RecommendationResponse.PARTLY_ACCEPTED,
            response_date=datetime.date(2026, 3, 1),
            **fill(Recommendation, corpus),
        )
    ]
    page.commitments = [Commitment(owner=organization, recommendation=1, **fill(Commitment, corpus))]
    page.save_revision(user=superuser).publish(user=superuser)
    return corpus, organization, ReportPage.objects.get(pk=page.pk)


def test_the_corpus_fills_every_text_of_a_report(report):
    corpus, _organization, page = report
    labels = set(corpus.labels.values())
    for model, instance in (
        (ReportPage, page),
        (Recommendation, page.recommendations.get()),
        (Commitment, page.commitments.get()),
    ):
        for model_field in fill(model, Corpus()):
            assert f"{model.__name__}.{model_field}" in labels
            assert "alert(1337)" in getattr(instance, model_field), model_field
    assert labels >= SHOWN_PUBLICLY


def test_public_and_data_surfaces_render_the_corpus_inert(report):
    corpus, _organization, page = report
    surfaces = Surfaces(corpus)
    visitor = Client()
    for language in ("fr", "en"):
        index = page.index_for(language)
        surfaces.page(visitor, f"public report in {language}", index.item_url(page))
        surfaces.page(visitor, f"public reports index {language}", index.url)
        surfaces.page(visitor, f"public commitment page in {language}", page.commitments.get().url)
        with translation.override(language):
            search = reverse("search")
        surfaces.page(visitor, f"public search {language}", search, {"q": "alert 1337"})
        surfaces.page(visitor, f"public report search {language}", search, {"type": "report"})
        surfaces.json(
            visitor, f"search API {language}", "/api/v1/search/", {"q": "alert 1337", "locale": language}
        )
    item = surfaces.json(visitor, "items API", f"/api/v1/items/{page.public_id}/")
    assert item["title"] == page.title, "the items API altered the text"
    for citation in ("bibtex", "ris", "csl-json"):
        for public_id in (page.public_id, f"{page.public_id}-R1", f"{page.public_id}-C1"):
            response = visitor.get(f"/cite/{public_id}/", {"format": citation, "lang": "fr"})
            assert response.status_code == 200, (citation, public_id)
            assert not response["Content-Type"].startswith("text/html"), citation

    surfaces.assert_inert()
    missing = SHOWN_PUBLICLY - surfaces.labels_reached("public")
    assert not missing, f"never shown publicly (the check proves nothing for them): {sorted(missing)}"


def test_admin_views_render_the_corpus_inert(report, superuser_client):
    corpus, _organization, page = report
    surfaces = Surfaces(corpus)
    revisions = page.revisions.order_by("pk")
    for view, args in (
        ("wagtailadmin_pages:edit", [page.pk]),
        ("wagtailadmin_pages:history", [page.pk]),
        ("wagtailadmin_pages:revisions_compare", [page.pk, revisions.first().pk, revisions.last().pk]),
        ("wagtailadmin_explore", [page.get_parent().pk]),
    ):
        surfaces.page(superuser_client, f"admin report {view}", reverse(view, args=args))
    surfaces.assert_inert()
    missing = SHOWN_PUBLICLY - surfaces.labels_reached("admin")
    assert not missing, (
        f"fields the admin never showed (the check proves nothing for them): {sorted(missing)}"
    )
