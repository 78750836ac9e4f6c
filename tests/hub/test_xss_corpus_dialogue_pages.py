"""The XSS corpus (tests/hub/test_xss_corpus.py) in citizen dialogues: every free-text field, URL
and StreamField block of a dialogue, of its session and of its venue, and the organizer's name,
rendered on the dialogue's public pages, data surfaces and admin views: nothing may come out as
live markup.

As in the corpus, fields are found by introspection (a field added later is covered without
editing this module) and each payload names its field, so a finding says where it came from. The
admin's views must show every field (else the check proves nothing for it); the public page must
show at least what the dialogue page shows on every version: its identity, its question, what can
change and the session's venue. A postal code (ten characters) cannot hold a payload; a session's
online address is hostile too, on a session registered elsewhere, where the page may show it."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from dialogues.models import DialoguePage, Session, SessionFormat, SessionStatus, Venue
from hub.models import Organization
from tests.factories import (
    DialoguePageFactory,
    DocumentFactory,
    VenueFactory,
    locale,
    session,
)
from tests.hub.test_xss_corpus import Corpus, Shared, Surfaces, block_value, fill, stream_fields

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning"),
]

POSTAL_CODE = "Venue.postal_code"  # too short for a payload: its label stays unused
SHOWN_PUBLICLY = {
    "DialoguePage.title",
    "DialoguePage.question",
    "DialoguePage.can_change",
    "Venue.name",
}


def hostile(model, corpus, shared=None):
    values = fill(model, corpus)
    for stream_field in stream_fields(model):
        values[stream_field.name] = block_value(
            stream_field.stream_block, corpus, f"{model.__name__}.{stream_field.name}", shared
        )
    return values


@pytest.fixture
def dialogue(site_pages, superuser):
    corpus = Corpus()
    organization = Organization.objects.create(
        locale=locale("fr"), kind=Organization.Kind.NON_PROFIT, **fill(Organization, corpus)
    )
    venue_fields = fill(Venue, corpus, limits={"postal_code": None})
    venue_fields[POSTAL_CODE.split(".")[1]] = "H0H 0H0"
    venue = VenueFactory(key="lieu-xss", **venue_fields)
    session_fields = fill(Session, corpus)
    shown = session(
        venue=venue,
        format=SessionFormat.HYBRID,
        status=SessionStatus.CANCELLED,
        registration="external",
        **session_fields,
    )
    page = DialoguePageFactory(
        slug="dialogue-xss", organizers=[organization], receiving_body=organization, sessions=[shown]
    )
    page = DialoguePage.objects.get(pk=page.pk)
    shared = Shared(organization=organization, image=None, document=DocumentFactory(title="Diapositives"))
    for name, value in hostile(DialoguePage, corpus, shared).items():
        setattr(page, name, value)
    page.save_revision(user=superuser).publish(user=superuser)
    return corpus, organization, venue, DialoguePage.objects.get(pk=page.pk)


def test_the_corpus_fills_every_text_of_a_dialogue(dialogue):
    corpus, _organization, venue, page = dialogue
    labels = set(corpus.labels.values())
    stored = page.sessions.get()
    for model, instance in ((DialoguePage, page), (Session, stored), (Venue, venue)):
        for model_field in fill(model, Corpus(), limits={"postal_code": None}):
            if f"{model.__name__}.{model_field}" == POSTAL_CODE:
                continue
            assert f"{model.__name__}.{model_field}" in labels
            assert "alert(1337)" in getattr(instance, model_field), model_field
    assert {"DialoguePage.materials.document.title", "DialoguePage.materials.link.url"} <= labels


def test_public_and_data_surfaces_render_the_corpus_inert(dialogue):
    corpus, _organization, _venue, page = dialogue
    surfaces = Surfaces(corpus)
    visitor = Client()
    for language in ("fr", "en"):
        index = page.index_for(language)
        surfaces.page(visitor, f"public dialogue in {language}", index.item_url(page))
        surfaces.page(visitor, f"public dialogues index {language}", index.url)
        with translation.override(language):
            search = reverse("search")
        surfaces.page(visitor, f"public search {language}", search, {"q": "alert 1337"})
        surfaces.page(visitor, f"public dialogue search {language}", search, {"type": "dialogue"})
        surfaces.json(
            visitor, f"search API {language}", "/api/v1/search/", {"q": "alert 1337", "locale": language}
        )
    item = surfaces.json(visitor, "items API", f"/api/v1/items/{page.public_id}/")
    assert item["title"] == page.title, "the items API altered the text"
    api_page = surfaces.json(visitor, "pages API", f"/api/v2/pages/{page.pk}/")
    assert api_page["title"] == page.title, "the pages API altered the text"
    for citation in ("bibtex", "ris", "csl-json"):
        response = visitor.get(f"/cite/{page.public_id}/", {"format": citation, "lang": "fr"})
        assert response.status_code == 200, citation
        assert not response["Content-Type"].startswith("text/html"), citation

    surfaces.assert_inert()
    missing = SHOWN_PUBLICLY - surfaces.labels_reached("public")
    assert not missing, f"never shown publicly (the check proves nothing for them): {sorted(missing)}"


def test_admin_views_render_the_corpus_inert(dialogue, superuser_client):
    corpus, organization, venue, page = dialogue
    surfaces = Surfaces(corpus)
    admin = superuser_client
    revisions = page.revisions.order_by("pk")
    for view, args in (
        ("wagtailadmin_pages:edit", [page.pk]),
        ("wagtailadmin_pages:history", [page.pk]),
        ("wagtailadmin_pages:revisions_compare", [page.pk, revisions.first().pk, revisions.last().pk]),
        ("wagtailadmin_explore", [page.get_parent().pk]),
    ):
        surfaces.page(admin, f"admin dialogue {view}", reverse(view, args=args))
    venues = "wagtailsnippets_dialogues_venue"
    for view, args in (
        ("list", []),
        ("edit", [venue.pk]),
        ("history", [venue.pk]),
        ("usage", [venue.pk]),
        ("delete", [venue.pk]),
        ("copy", [venue.pk]),
    ):
        surfaces.page(admin, f"admin venue {view}", reverse(f"{venues}:{view}", args=args))
    chooser = surfaces.json(
        admin, "admin venue chooser", reverse("wagtailsnippetchoosers_dialogues_venue:choose")
    )
    surfaces.html("admin venue chooser", chooser["html"])
    surfaces.page(
        admin,
        "admin venue translation",
        reverse("wagtail_localize:submit_snippet_translation", args=["dialogues", "venue", venue.pk]),
    )
    surfaces.page(
        admin,
        "admin organization edit",
        reverse("wagtailsnippets_hub_organization:edit", args=[organization.pk]),
    )

    surfaces.assert_inert()
    missing = set(corpus.labels.values()) - surfaces.labels_reached("admin") - {POSTAL_CODE}
    assert not missing, (
        f"fields the admin never showed (the check proves nothing for them): {sorted(missing)}"
    )
