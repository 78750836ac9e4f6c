"""The "tell a community group" part of an entry's box ends with the hub team's own contact
(Admin → Settings → Hub contact): its address, and its contact page in the reader's language,
linked only while anyone may see it. Only administrators change it."""

import pytest
from bs4 import BeautifulSoup

from hub.models import HubContact, StandardPage
from tests.factories import PageViewRestrictionFactory, SystemPageFactory, role_user, translate_page

pytestmark = pytest.mark.django_db

TEAM = "equipe-fictive@vigie.example.org"


def team_line(client, url):
    response = client.get(url)
    assert response.status_code == 200
    box = BeautifulSoup(response.content.decode(), "html.parser").select_one(".what-you-can-do")
    assert box is not None
    return box.select_one(".what-you-can-do__team")


def contact_page(site_pages, title="Nous joindre", slug="nous-joindre", publish=True):
    page = StandardPage(title=title, slug=slug, intro="Texte fictif.", live=publish)
    site_pages["fr"]["home"].add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return StandardPage.objects.get(pk=page.pk)


def set_contact(email="", page=None):
    contact = HubContact.load()
    contact.email = email
    contact.page = page
    contact.save()


def test_without_a_contact_the_box_offers_none(client, site_pages):
    assert team_line(client, SystemPageFactory().url) is None


def test_the_team_address_is_a_mail_link(client, site_pages):
    set_contact(email=TEAM)
    line = team_line(client, SystemPageFactory().url)
    link = line.find("a", href=f"mailto:{TEAM}")
    assert link is not None and link.get_text() == TEAM
    assert "équipe de Vigie IA" in line.get_text()


def test_the_contact_page_is_linked_in_the_readers_language(client, site_pages):
    page = contact_page(site_pages)
    english = translate_page(page, title="Contact us", slug="contact-us")
    set_contact(page=page)
    system = SystemPageFactory()

    french = team_line(client, system.url).find("a")
    assert (french["href"], french.get_text()) == (page.url, "Nous joindre")

    translated = translate_page(system, title="Fictional system")
    english_link = team_line(client, translated.url).find("a")
    assert (english_link["href"], english_link.get_text()) == (english.url, "Contact us")


def test_an_untranslated_contact_page_is_linked_in_its_language_with_its_lang(client, site_pages):
    page = contact_page(site_pages)
    set_contact(page=page)
    translated = translate_page(SystemPageFactory(), title="Fictional system")
    link = team_line(client, translated.url).find("a")
    assert link["href"] == page.url
    assert link.get("lang") == "fr"


@pytest.mark.parametrize("hidden", ["draft", "private"])
def test_a_contact_page_nobody_may_see_is_never_linked(client, site_pages, hidden):
    page = contact_page(site_pages, publish=hidden != "draft")
    if hidden == "private":
        PageViewRestrictionFactory(page=page)
    set_contact(email=TEAM, page=page)
    line = team_line(client, SystemPageFactory().url)
    assert [link["href"] for link in line.select("a")] == [f"mailto:{TEAM}"]
    assert "Nous joindre" not in line.get_text()


def test_a_hidden_contact_page_alone_shows_no_line(client, site_pages):
    set_contact(page=contact_page(site_pages, publish=False))
    assert team_line(client, SystemPageFactory().url) is None


@pytest.mark.parametrize("role", ["Community editors", "Reviewers", "Municipal partners", "Public bodies"])
def test_only_administrators_change_the_contact(client, site_pages, role):
    url = f"/admin/settings/hub/hubcontact/{HubContact.load().pk}/"
    client.force_login(role_user(role, "compte-fictif"))
    response = client.post(url, {"email": "pirate@example.org"})
    assert response.status_code in (302, 403)
    assert HubContact.load().email == ""

    client.force_login(role_user(None, "admin-fictif"))
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": TEAM})
    assert response.status_code == 302
    assert HubContact.load().email == TEAM
