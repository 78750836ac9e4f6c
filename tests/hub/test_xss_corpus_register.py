"""The XSS corpus (tests/hub/test_xss_corpus.py) in the AI system register: every free-text
field, URL and StreamField block of an entry (the community record), of its community sources, of
its organization's declared record, and the organization's name, rendered on the register's
public pages, data surfaces and admin views: nothing may come out as live markup.

As in the corpus, fields are found by introspection (a field added to the register later is
covered without editing this module) and each payload names its field, so a finding says where
it came from. The admin's views must show every field (else the check proves nothing for it);
the public page must show at least the entry's identity and summaries and the organization."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from hub.models import Organization
from registry.models import CommunitySource, DeclaredRecord, SystemPage
from tests.factories import DeclaredRecordFactory, SystemPageFactory, locale
from tests.hub.test_xss_corpus import (
    Corpus,
    Surfaces,
    block_value,
    fill,
    stream_fields,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning"),
]

# Limits that the model's clean() checks rather than the column: the register's short description.
LIMITS = {SystemPage: {"summary": 350}}
SHOWN_PUBLICLY = {
    "SystemPage.title",
    "SystemPage.summary",
    "SystemPage.plain_summary",
    "SystemPage.unit",
    "Organization.name",
}


def hostile(model, corpus, label=None):
    """Every free-text field and StreamField of ``model`` holding the corpus (the register's
    blocks choose no image, document or organization: none is shared)."""
    values = fill(model, corpus, label, limits=LIMITS.get(model, {}))
    for stream_field in stream_fields(model):
        values[stream_field.name] = block_value(
            stream_field.stream_block, corpus, f"{label or model.__name__}.{stream_field.name}", shared=None
        )
    return values


@pytest.fixture
def register(site_pages, superuser):
    corpus = Corpus()
    organization = Organization.objects.create(
        locale=locale("fr"), kind=Organization.Kind.PUBLIC_BODY, **fill(Organization, corpus)
    )
    entry = SystemPageFactory(organization=organization, slug="systeme-xss")
    entry = SystemPage.objects.get(pk=entry.pk)
    for name, value in hostile(SystemPage, corpus).items():
        setattr(entry, name, value)
    entry.community_sources = [CommunitySource(field="purpose", **fill(CommunitySource, corpus))]
    entry.save_revision(user=superuser).publish(user=superuser)
    entry = SystemPage.objects.get(pk=entry.pk)

    fields = hostile(DeclaredRecord, corpus)
    fields.pop("not_disclosed", None)
    record = DeclaredRecordFactory(system=entry, not_disclosed=[], **fields)
    return corpus, organization, entry, DeclaredRecord.objects.get(pk=record.pk)


def test_the_corpus_fills_every_text_of_the_register(register):
    corpus, _organization, entry, record = register
    labels = set(corpus.labels.values())
    for model, instance in ((SystemPage, entry), (DeclaredRecord, record)):
        for model_field in fill(model, Corpus()):
            assert f"{model.__name__}.{model_field}" in labels
            assert "alert(1337)" in getattr(instance, model_field), model_field
    assert {
        "DeclaredRecord.risks_mitigations.risk.risk",
        "SystemPage.impact_assessments.assessment.note",
    } <= labels


def test_public_and_data_surfaces_render_the_corpus_inert(register):
    corpus, _organization, entry, _record = register
    surfaces = Surfaces(corpus)
    visitor = Client()
    for language in ("fr", "en"):
        surfaces.page(visitor, f"public entry in {language}", entry.url_in(language))
        surfaces.page(visitor, f"public register index {language}", entry.index_for(language).url)
        with translation.override(language):
            search = reverse("search")
        surfaces.page(visitor, f"public search {language}", search, {"q": "alert 1337"})
        surfaces.page(visitor, f"public register search {language}", search, {"type": "system"})
        surfaces.json(
            visitor, f"search API {language}", "/api/v1/search/", {"q": "alert 1337", "locale": language}
        )
    item = surfaces.json(visitor, "items API", f"/api/v1/items/{entry.public_id}/")
    assert item["title"] == entry.title, "the items API altered the text"
    page = surfaces.json(visitor, "pages API", f"/api/v2/pages/{entry.pk}/")
    assert page["title"] == entry.title, "the pages API altered the text"
    for citation in ("bibtex", "ris", "csl-json"):
        response = visitor.get(f"/cite/{entry.public_id}/", {"format": citation, "lang": "fr"})
        assert response.status_code == 200, citation
        assert not response["Content-Type"].startswith("text/html"), citation

    surfaces.assert_inert()
    missing = SHOWN_PUBLICLY - surfaces.labels_reached("public")
    assert not missing, f"never shown publicly (the check proves nothing for them): {sorted(missing)}"


def test_admin_views_render_the_corpus_inert(register, superuser_client):
    corpus, organization, entry, record = register
    surfaces = Surfaces(corpus)
    admin = superuser_client
    revisions = entry.revisions.order_by("pk")
    for view, args in (
        ("wagtailadmin_pages:edit", [entry.pk]),
        ("wagtailadmin_pages:history", [entry.pk]),
        ("wagtailadmin_pages:revisions_compare", [entry.pk, revisions.first().pk, revisions.last().pk]),
        ("wagtailadmin_explore", [entry.get_parent().pk]),
    ):
        surfaces.page(admin, f"admin entry {view}", reverse(view, args=args))

    records = "wagtailsnippets_registry_declaredrecord"
    record_revisions = record.revisions.order_by("pk")
    for view, args in (
        ("list", []),
        ("edit", [record.pk]),
        ("history", [record.pk]),
        ("usage", [record.pk]),
        ("unpublish", [record.pk]),
        ("delete", [record.pk]),
        ("copy", [record.pk]),
        ("revisions_compare", [record.pk, "earliest", record_revisions.last().pk]),
    ):
        surfaces.page(admin, f"admin declared record {view}", reverse(f"{records}:{view}", args=args))
    chooser = surfaces.json(
        admin,
        "admin declared record chooser",
        reverse("wagtailsnippetchoosers_registry_declaredrecord:choose"),
    )
    surfaces.html("admin declared record chooser", chooser["html"])
    surfaces.page(
        admin,
        "admin declared record translation",
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["registry", "declaredrecord", record.pk]
        ),
    )
    surfaces.page(
        admin,
        "admin organization edit",
        reverse("wagtailsnippets_hub_organization:edit", args=[organization.pk]),
    )

    surfaces.assert_inert()
    missing = set(corpus.labels.values()) - surfaces.labels_reached("admin")
    assert not missing, (
        f"fields the admin never showed (the check proves nothing for them): {sorted(missing)}"
    )
