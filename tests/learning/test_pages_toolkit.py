"""A toolkit's page lists its public resources in the toolkit's order, numbered, each with its
format, duration and the toolkit's note, as the reader finds it; the two index pages list public
items only; the kiosk mode reaches the pages (the download include hides the ZIP there)."""

import pytest
from bs4 import BeautifulSoup

from learning.models import ResourceFormat, ToolkitMember
from tests.factories import LearningResourcePageFactory, ToolkitPageFactory, translate_page

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def test_the_resources_are_numbered_in_the_toolkits_order_with_their_note(client, site_pages):
    guide = LearningResourcePageFactory(
        title="Guide fictif d'animation", format=ResourceFormat.FACILITATOR_GUIDE, duration_minutes=90
    )
    cards = LearningResourcePageFactory(title="Cartes fictives", format=ResourceFormat.ACTIVITY_CARDS)
    withdrawn = LearningResourcePageFactory(title="Affiche fictive retirée", format=ResourceFormat.POSTER)
    toolkit = ToolkitPageFactory(members=[cards, withdrawn, guide])
    toolkit.members = [
        ToolkitMember(resource=cards, note="À distribuer à la 10e minute."),
        ToolkitMember(resource=withdrawn),
        ToolkitMember(resource=guide),
    ]
    toolkit.save_revision().publish()
    withdrawn.unpublish()

    steps = soup(client.get(toolkit.url)).select("ol.toolkit-steps > li")
    assert [text(step.select_one("h3")) for step in steps] == ["Cartes fictives", "Guide fictif d'animation"]
    assert [step.select_one("a")["href"] for step in steps] == [cards.url, guide.url]
    assert text(steps[0].select_one(".toolkit-steps__meta")) == f"{cards.public_id} · Cartes d'activités"
    assert text(steps[0].select_one(".toolkit-steps__note")) == "À distribuer à la 10e minute."
    assert (
        text(steps[1].select_one(".toolkit-steps__meta"))
        == f"{guide.public_id} · Guide d'animation · 90 minutes"
    )


def test_an_english_reader_reaches_the_english_version_of_each_resource(client, site_pages):
    resource = LearningResourcePageFactory(title="Fiche fictive")
    english_resource = translate_page(resource, title="Fictional sheet")
    toolkit = ToolkitPageFactory(members=[resource])
    english = translate_page(toolkit, title="Fictional toolkit", purpose="Run a fictional workshop.")

    shown = soup(client.get(english.url))
    (link,) = shown.select("ol.toolkit-steps a")
    assert (text(link), link["href"]) == ("Fictional sheet", english_resource.url)
    assert text(shown.select_one("#members-heading")) == "What the toolkit holds, in order"


def test_the_indexes_list_public_items_only(client, site_pages):
    shown = LearningResourcePageFactory(title="Fiche fictive publiée")
    LearningResourcePageFactory(title="Fiche fictive brouillon", live=False)
    toolkit = ToolkitPageFactory(title="Trousse fictive publiée", members=[shown])
    ToolkitPageFactory(title="Trousse fictive brouillon", members=[shown], live=False)

    resources = soup(client.get(site_pages["fr"]["learning.LearningIndexPage"].url))
    toolkits = soup(client.get(site_pages["fr"]["learning.ToolkitIndexPage"].url))
    assert [text(a) for a in resources.select(".card__title a")] == ["Fiche fictive publiée"]
    assert text(resources.select_one(".result-count")) == "1 ressource d'apprentissage"
    assert [text(a) for a in toolkits.select(".card__title a")] == [toolkit.title]
    assert text(toolkits.select_one(".result-count")) == "1 trousse"


def test_the_kiosk_mode_reaches_the_toolkit_page(client, site_pages):
    toolkit = ToolkitPageFactory()
    page = soup(client.get(toolkit.url + "?kiosk=1"))
    assert "kiosk" in page.select_one("html")["class"]
    assert page.select_one("ol.toolkit-steps") is not None


def test_a_resource_page_leads_to_the_public_toolkits_holding_it_in_the_readers_language(client, site_pages):
    resource = LearningResourcePageFactory(title="Capsule fictive")
    toolkit = ToolkitPageFactory(title="Trousse fictive publiée", members=[resource])
    english_toolkit = translate_page(toolkit, title="Published fictional toolkit", slug="published-toolkit")
    english_resource = translate_page(resource, title="Fictional capsule", slug="fictional-capsule")
    ToolkitPageFactory(title="Trousse fictive en brouillon", members=[resource], live=False)

    def toolkits_listed(page):
        section = soup(client.get(page.url)).select_one('section[aria-labelledby="toolkits-heading"]')
        return [(link.get_text(), link["href"]) for link in section.select("a")] if section else []

    assert toolkits_listed(resource) == [(toolkit.title, toolkit.url)]
    assert toolkits_listed(english_resource) == [(english_toolkit.title, english_toolkit.url)]
    toolkit.unpublish()
    english_toolkit.unpublish()
    assert toolkits_listed(resource) == []
