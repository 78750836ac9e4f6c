"""What the public pages keep for every visitor (``hub.fragments``): a kept fragment follows every
announced change, is never a preview's, and never shows a page that is no longer public, even
when a change escaped the announcements. Expected titles and labels come from the pages and
terms the tests create, not from the code that renders them."""

import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from hub import changes, fragments
from hub.models import Service, StandardPage
from tests.factories import CaseFilePageFactory
from tests.hub.test_page_queries import add_items

pytestmark = pytest.mark.django_db

HOME = {"fr": "/fr/", "en": "/en/"}
INDEX = {"fr": "/fr/dossiers/", "en": "/en/case-files/"}
# The most queries (French or English) of a page whose shared parts are kept; reading them again
# at each request ran home 30/33, index 22/25, item 31/35 (French/English) here.
# Two of them find the page's live, public translations for its hreflang alternates.
WARM_QUERIES = {"home": 13, "index": 16, "item": 28}


def render(text, page, *, preview=False, **values):
    request = RequestFactory().get("/")
    request.is_preview = preview
    template = engines["django"].from_string("{% load hub_tags %}" + text)
    return template.render({"page": page, **values}, request)


FRAGMENT = '{% public_fragment "test" page %}{{ value }}{% endpublic_fragment %}'


def test_a_fragment_is_kept_for_every_visitor_until_a_change_is_announced(site_pages):
    home = site_pages["fr"]["home"]

    first = render(FRAGMENT, home, value="one")
    kept = render(FRAGMENT, home, value="two")
    changes.announce(pages=True)
    after_change = render(FRAGMENT, home, value="three")

    assert (first, kept, after_change) == ("one", "one", "three")


def test_what_hangs_on_the_structure_outlives_an_item_but_not_a_change_of_the_structure(site_pages):
    """Sections, home pages and breadcrumbs are not worked out again after each item's
    publication (every few seconds on a busy hub), but are after any change of the pages
    around the items."""
    home = site_pages["fr"]["home"]
    computed = []

    def structural():
        computed.append(len(computed) + 1)
        return computed[-1]

    first = fragments.kept("test-structure", (), structural, structural=True)
    item = CaseFilePageFactory(title="Dossier publié")
    item.unpublish()
    after_items = fragments.kept("test-structure", (), structural, structural=True)
    section = StandardPage(title="À propos", slug="a-propos", intro="Texte fictif.")
    home.add_child(instance=section)
    section.save_revision().publish()
    after_section = fragments.kept("test-structure", (), structural, structural=True)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    after_privacy = fragments.kept("test-structure", (), structural, structural=True)

    assert (first, after_items, after_section, after_privacy) == (1, 1, 2, 3)


def test_the_kept_menus_and_breadcrumbs_follow_the_pages_around_the_items(client, site_pages):
    home, index = site_pages["fr"]["home"], site_pages["fr"]["impacts.CaseFileIndexPage"]
    item = CaseFilePageFactory(title="Dossier lu")
    client.get(item.url)

    section = StandardPage(
        title="Nos partenaires", slug="partenaires", intro="Texte fictif.", show_in_menus=True
    )
    home.add_child(instance=section)
    section.save_revision().publish()
    index.title = "Dossiers renommés"
    index.save_revision().publish()
    after_publishing = client.get(item.url).content.decode()
    section.unpublish()
    after_unpublishing = client.get(item.url).content.decode()

    assert "Nos partenaires" in after_publishing and "Dossiers renommés" in after_publishing
    assert "Nos partenaires" not in after_unpublishing and "Dossiers renommés" in after_unpublishing


def test_a_preview_is_rendered_afresh_and_never_kept(site_pages):
    home = site_pages["fr"]["home"]

    draft = render(FRAGMENT, home, preview=True, value="draft")
    live = render(FRAGMENT, home, value="live")
    other_draft = render(FRAGMENT, home, preview=True, value="other draft")

    assert (draft, live, other_draft) == ("draft", "live", "other draft")


def test_the_kept_home_page_follows_publication_and_unpublication(client, site_pages):
    first = CaseFilePageFactory(title="Premier dossier")
    client.get(HOME["fr"])

    second = CaseFilePageFactory(title="Second dossier")
    after_publishing = client.get(HOME["fr"]).content.decode()
    first.unpublish()
    after_unpublishing = client.get(HOME["fr"]).content.decode()

    assert "Premier dossier" in after_publishing and second.title in after_publishing
    assert "Premier dossier" not in after_unpublishing and second.title in after_unpublishing


@pytest.mark.parametrize("hide", ["unpublished", "private"])
def test_a_kept_page_never_shows_an_item_hidden_behind_its_back(client, site_pages, hide):
    """A raw update or insert sends no announcement: the kept home page and index still check
    that what they show is public."""
    shown = CaseFilePageFactory(title="Dossier caché")
    CaseFilePageFactory(title="Dossier visible")
    for url in (HOME["fr"], INDEX["fr"]):
        assert "Dossier caché" in client.get(url).content.decode()

    if hide == "unpublished":
        type(shown).objects.filter(pk=shown.pk).update(live=False)
    else:
        PageViewRestriction.objects.bulk_create(
            [PageViewRestriction(page=shown, restriction_type=PageViewRestriction.LOGIN)]
        )

    for url in (HOME["fr"], INDEX["fr"]):
        page = client.get(url).content.decode()
        assert "Dossier caché" not in page, url
        assert "Dossier visible" in page, url


def test_a_renamed_term_shows_on_kept_pages(client, site_pages):
    CaseFilePageFactory(title="Dossier de santé", services=["sante"])
    client.get(INDEX["en"])
    term = Service.objects.get(key="sante", locale__language_code="en")
    term.label = "Health and social services (renamed)"
    term.save()

    page = client.get(INDEX["en"]).content.decode()

    assert "Health and social services (renamed)" in page


def warm_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_index_and_item_pages_run_few_queries_and_as_many_for_3_items_as_for_30(
    client, site_pages, language
):
    first = add_items(3)[0]
    pages = {"home": HOME[language], "index": INDEX[language], "item": first.url_in(language)}
    few = {name: warm_queries(client, url) for name, url in pages.items()}
    add_items(27, start=3)
    many = {name: warm_queries(client, url) for name, url in pages.items()}

    assert many == few
    assert all(few[name] <= WARM_QUERIES[name] for name in pages), few


def test_visitors_arriving_while_a_fragment_is_worked_out_wait_for_it_rather_than_redo_it():
    """After a publication every fragment is new: the first request works each one out, and the
    others take its value instead of all asking the database the same thing at once."""
    computed = []

    def slow():
        computed.append(threading.get_ident())
        time.sleep(0.3)
        return "menu"

    answers = []
    threads = [
        threading.Thread(target=lambda: answers.append(fragments.kept("menu", ("fr",), slow)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["menu"] * 4
    assert len(computed) == 1


def test_a_request_that_died_working_a_fragment_out_holds_the_others_back_only_a_while(monkeypatch):
    monkeypatch.setattr(fragments, "WAIT", 0.2)
    cache.add(f"{fragments.key('menu', 'fr')}:computing", True, 60)  # its turn was never handed back

    assert fragments.kept("menu", ("fr",), lambda: "menu") == "menu"
