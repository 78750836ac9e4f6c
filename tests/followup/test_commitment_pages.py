"""A commitment's own page and its place on its agreement's page: ``<agreement>/engagements/<n>/``
in French, ``<agreement>/commitments/<n>/`` in English, and the agreement's list, each commitment
under its number (``#commitment-<n>``, the anchors citations of the old numbered list named),
with its id and a link to its page.

Expected ids, addresses and dates are written out from the fixture's own values."""

import datetime

import lxml.html
import pytest
import time_machine

from followup.models import Commitment
from tests.factories import (
    CollaborationAgreementPageFactory,
    PageViewRestrictionFactory,
    commitment,
    translate_page,
)

pytestmark = pytest.mark.django_db

# A day after the first commitment's due date and before the second's.
FROZEN = datetime.datetime(2026, 7, 1, 12, 0)


def html(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def text_of(element):
    return " ".join(element.text_content().split())


def test_the_agreement_lists_each_commitment_under_its_number_with_its_id_and_page(client, agreement):
    document = html(client.get("/fr/ententes/entente-sur-le-tri/"))
    items = document.xpath('//ol[@class="commitments"]/li')
    assert [(item.get("id"), item.get("value")) for item in items] == [
        ("commitment-1", "1"),
        ("commitment-2", "2"),
        ("commitment-3", "3"),
    ]
    links = [item.xpath('.//a[contains(@href, "/engagements/")]')[0] for item in items]
    assert [link.get("href") for link in links] == [
        f"/fr/ententes/entente-sur-le-tri/engagements/{number}/" for number in (1, 2, 3)
    ]
    assert f"{agreement.public_id}-C2" in text_of(links[1])
    first = text_of(items[0])
    assert "Publier le code." in first
    assert "Ville fictive de Laval, Direction des technologies" in first
    assert items[0].xpath(".//time/@datetime") == ["2026-06-30"]
    assert items[2].xpath(".//time") == []


def test_overdue_follows_the_calendar_not_an_edit(client, agreement):
    """Due on 2026-06-30: not overdue on its due date, overdue the day after; the one due in
    2027 and the one without a date never are, on either day."""
    for day, expected in (
        (datetime.datetime(2026, 6, 30, 12), [False, False, False]),
        (FROZEN, [True, False, False]),
    ):
        with time_machine.travel(day, tick=False):
            document = html(client.get(agreement.url))
        items = document.xpath('//ol[@class="commitments"]/li')
        assert [bool(item.xpath('.//*[@class="overdue"]')) for item in items] == expected, day


def test_a_commitment_has_its_own_page_with_its_item_owner_due_date_and_citation(client, agreement):
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/fr/ententes/entente-sur-le-tri/engagements/1/"))
    public_id = f"{agreement.public_id}-C1"
    assert text_of(document.xpath("//h1")[0]) == "Publier le code."
    assert public_id in text_of(document.xpath('//p[@class="item-kind"]')[0])
    facts = text_of(document.xpath('//dl[@class="commitment__meta"]')[0])
    assert "Entente sur le tri" in facts and agreement.public_id in facts
    assert "Ville fictive de Laval, Direction des technologies" in facts
    assert document.xpath('//dl[@class="commitment__meta"]//time/@datetime') == ["2026-06-30"]
    assert document.xpath('//*[@class="overdue"]')
    assert document.xpath('//a[@href="/fr/ententes/entente-sur-le-tri/#commitment-1"]')
    box = document.xpath('//section[@class="cite-box"]')[0]
    assert document.xpath('//a[@class="cite-box__url"]/@href') == [f"http://testserver/cite/{public_id}/"]
    references = text_of(box.xpath('.//dl[@class="cite-box__references"]')[0])
    assert public_id in references and "Publier le code." in references
    downloads = box.xpath('.//ul[@class="cite-box__downloads"]//a/@href')
    assert f"/cite/{public_id}/?format=bibtex&lang=fr" in downloads
    # The trail leads back to the agreement.
    trail = [text_of(link) for link in document.xpath('//nav[@class="breadcrumbs"]//a')]
    assert trail[-1] == "Entente sur le tri"


def test_each_language_has_its_own_address_and_the_other_word_redirects(client, agreement):
    english = translate_page(agreement, title="Sorting agreement", slug="sorting-agreement")
    response = client.get("/en/agreements/sorting-agreement/commitments/2/")
    document = html(response)
    assert document.get("lang") == "en"
    alternates = {
        link.get("hreflang"): link.get("href") for link in document.xpath("//link[@rel='alternate']")
    }
    assert alternates["fr"].endswith("/fr/ententes/entente-sur-le-tri/engagements/2/")
    assert alternates["en"].endswith("/en/agreements/sorting-agreement/commitments/2/")
    assert (
        english.commitments.get(number=2).translation_key
        == agreement.commitments.get(number=2).translation_key
    )
    response = client.get("/en/agreements/sorting-agreement/engagements/2/")
    assert response.status_code == 302
    assert response["Location"] == "/en/agreements/sorting-agreement/commitments/2/"


def test_an_unknown_number_a_draft_and_a_private_agreement_show_no_commitment(client, agreement, city):
    assert client.get("/fr/ententes/entente-sur-le-tri/engagements/4/").status_code == 404
    assert client.get("/fr/ententes/entente-sur-le-tri/engagements/0/").status_code == 404
    draft = CollaborationAgreementPageFactory(
        live=False, slug="brouillon", commitments=[commitment("Engagement d'un brouillon.", owner=city)]
    )
    assert Commitment.objects.filter(page=draft).exists()  # a page never published holds its draft
    assert client.get("/fr/ententes/brouillon/engagements/1/").status_code == 404
    private = CollaborationAgreementPageFactory(
        slug="privee", commitments=[commitment("Engagement privé.", owner=city)]
    )
    PageViewRestrictionFactory(page=private)
    response = client.get("/fr/ententes/privee/engagements/1/")
    assert response.status_code == 200  # the password form, as for the page itself
    assert b"Engagement priv" not in response.content
