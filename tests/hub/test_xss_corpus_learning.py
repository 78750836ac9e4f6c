"""The XSS corpus (tests/hub/test_xss_corpus.py) in learning resources and toolkits: every
free-text field and StreamField block of a resource, a toolkit and its members' notes, rendered on
their public pages (and their JSON-LD), data surfaces and admin views: nothing may come out as
live markup. The files of a resource are the documents' corpus (``test_document_*``).

As in the corpus, fields are found by introspection and each payload names its field."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from learning.models import LearningResourcePage, ToolkitMember, ToolkitPage
from tests.factories import LearningResourcePageFactory, ToolkitPageFactory
from tests.hub.test_xss_corpus import Corpus, Surfaces, block_value, fill, new_shared, stream_fields

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning"),
]

SHOWN_PUBLICLY = {
    "LearningResourcePage.title",
    "LearningResourcePage.learning_outcomes",
    "LearningResourcePage.authors",
    "LearningResourcePage.easy_to_read_tested_with",
    "ToolkitPage.title",
    "ToolkitPage.purpose",
    "ToolkitPage.how_to_use",
    "ToolkitMember.note",
}


@pytest.fixture
def items(site_pages, superuser):
    corpus = Corpus()
    resource = LearningResourcePage.objects.get(pk=LearningResourcePageFactory(slug="fiche-xss").pk)
    for name, value in fill(LearningResourcePage, corpus).items():
        setattr(resource, name, value)
    shared = new_shared()
    for stream_field in stream_fields(LearningResourcePage):
        label = f"LearningResourcePage.{stream_field.name}"
        value = block_value(stream_field.stream_block, corpus, label, shared)
        setattr(resource, stream_field.name, value)
    resource.easy_to_read = True
    resource.easy_to_read_tested_on = datetime.date(2026, 3, 12)
    resource.save_revision(user=superuser).publish(user=superuser)
    toolkit = ToolkitPage.objects.get(pk=ToolkitPageFactory(slug="trousse-xss", members=[resource]).pk)
    for name, value in fill(ToolkitPage, corpus).items():
        setattr(toolkit, name, value)
    toolkit.members = [ToolkitMember(resource=resource, **fill(ToolkitMember, corpus))]
    toolkit.save_revision(user=superuser).publish(user=superuser)
    return (
        corpus,
        LearningResourcePage.objects.get(pk=resource.pk),
        ToolkitPage.objects.get(pk=toolkit.pk),
    )


def test_public_and_data_surfaces_render_the_corpus_inert(items):
    corpus, resource, toolkit = items
    surfaces = Surfaces(corpus)
    visitor = Client()
    for language in ("fr", "en"):
        for page, name in ((resource, "resource"), (toolkit, "toolkit")):
            index = page.index_for(language)
            surfaces.page(visitor, f"public {name} in {language}", index.item_url(page))
            surfaces.page(visitor, f"public {name}s index {language}", index.url)
    item = surfaces.json(visitor, "items API", f"/api/v1/items/{resource.public_id}/")
    assert item["title"] == resource.title, "the items API altered the text"

    surfaces.assert_inert()
    missing = SHOWN_PUBLICLY - surfaces.labels_reached("public")
    assert not missing, f"never shown publicly (the check proves nothing for them): {sorted(missing)}"


def test_admin_views_render_the_corpus_inert(items, superuser_client):
    corpus, resource, toolkit = items
    surfaces = Surfaces(corpus)
    for page in (resource, toolkit):
        revisions = page.revisions.order_by("pk")
        for view, args in (
            ("wagtailadmin_pages:edit", [page.pk]),
            ("wagtailadmin_pages:history", [page.pk]),
            ("wagtailadmin_pages:revisions_compare", [page.pk, revisions.first().pk, revisions.last().pk]),
            ("wagtailadmin_explore", [page.get_parent().pk]),
        ):
            surfaces.page(superuser_client, f"admin {view} {page.pk}", reverse(view, args=args))
    surfaces.assert_inert()
