"""What readers see of a commitment's progress: on its page, its status in words, its progress,
"last update N days ago" (or that there is none yet) and its history, newest first, each update
dated with ``<time datetime>``, its note marked with its language when it is not the page's, its
evidence, and what it corrects; on its agreement's page, each commitment's status and overdue
mark. Drafts never appear.

Expectations are written out from the fixture (tests/followup/conftest.py) and the updates made
here, under a frozen clock."""

import datetime

import lxml.html
import pytest

from followup.models import CommitmentStatus
from tests.factories import progress_update, translate_page

pytestmark = pytest.mark.django_db

COMMITMENT_PAGE = "/fr/ententes/entente-sur-le-tri/engagements/1/"


def html(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def text_of(element):
    return " ".join(element.text_content().split())


def facts(document):
    """``{term: definition}`` of the commitment's facts (the first list of facts on the page)."""
    meta = document.xpath('//dl[@class="commitment__meta"]')[0]
    return {text_of(div.xpath("dt")[0]): div.xpath("dd")[0] for div in meta.xpath("div")}


@pytest.fixture
def history(agreement, clock):
    """The first commitment (due 30 June 2026): an update in March, a wrong "done" in May and
    its correction, an English note in June, and a draft."""
    row = agreement.commitments.get(number=1)
    clock.set(2026, 3, 2, 14)
    march = progress_update(
        row,
        "Inventaire du code terminé.",
        progress=20,
        happened_on=datetime.date(2026, 3, 1),
        evidence_url="https://example.org/inventaire.pdf",
        evidence_title="Inventaire du code",
    )
    clock.set(2026, 5, 3, 14)
    wrong = progress_update(
        row, "Code publié.", status=CommitmentStatus.DONE, happened_on=datetime.date(2026, 5, 2)
    )
    clock.set(2026, 5, 4, 14)
    correction = progress_update(
        row,
        "Seule une partie du code est publiée.",
        status=CommitmentStatus.PARTLY_DONE,
        progress=60,
        happened_on=datetime.date(2026, 5, 2),
        corrects=wrong,
    )
    clock.set(2026, 6, 11, 14)
    june = progress_update(
        row,
        "The remaining modules are under legal review.",
        progress=70,
        language="en",
        happened_on=datetime.date(2026, 6, 10),
        evidence_url="https://example.org/review",
    )
    progress_update(row, "Brouillon Invisible.", status=CommitmentStatus.DONE, published=False)
    return {"march": march, "wrong": wrong, "correction": correction, "june": june}


def test_the_commitment_page_says_where_it_stands_and_since_when(client, history, clock):
    clock.set(2026, 6, 15, 14)
    document = html(client.get(COMMITMENT_PAGE))
    shown = facts(document)
    assert text_of(shown["Statut"]) == "En cours 70 % réalisé"
    assert shown["Statut"].xpath('.//span[contains(@class, "status")]/text()') == ["En cours"]
    assert shown["Dernière mise à jour"].xpath(".//time/@datetime") == ["2026-06-10"]
    assert "il y a 5 jours" in text_of(shown["Dernière mise à jour"])
    clock.set(2026, 6, 11, 14)
    assert "hier" in text_of(facts(html(client.get(COMMITMENT_PAGE)))["Dernière mise à jour"])


def test_the_history_newest_first_dated_marked_and_corrected(client, history, clock):
    clock.set(2026, 6, 15, 14)
    document = html(client.get(COMMITMENT_PAGE))
    entries = document.xpath('//section[@class="progress-history"]//li')
    assert [entry.get("id") for entry in entries] == [
        f"update-{history[name].pk}" for name in ("june", "correction", "wrong", "march")
    ]
    assert [entry.xpath("h3/time/@datetime")[0] for entry in entries] == [
        "2026-06-10",
        "2026-05-02",
        "2026-05-02",
        "2026-03-01",
    ]
    june, correction, wrong, march = entries
    assert text_of(june.xpath("h3")[0]) == "10 juin 2026 · En cours · 70 % réalisé"
    note = june.xpath('.//p[@class="progress-history__note"]')[0]
    assert (note.get("lang"), text_of(note)) == ("en", "The remaining modules are under legal review.")
    assert june.xpath(".//a/@href") == ["https://example.org/review"]
    assert march.xpath('.//p[@class="progress-history__note"]/@lang') == []  # French on a French page
    evidence = march.xpath('.//p[@class="progress-history__evidence"]/a')[0]
    assert (evidence.get("href"), text_of(evidence)) == (
        "https://example.org/inventaire.pdf",
        "Inventaire du code",
    )
    link = correction.xpath('.//p[@class="progress-history__correction"]/a')[0]
    assert (link.get("href"), text_of(link)) == (
        f"#update-{history['wrong'].pk}",
        "Corrige la mise à jour du 2 mai 2026",
    )
    assert wrong.xpath('.//p[@class="progress-history__correction"]/a/@href') == [
        f"#update-{history['correction'].pk}"
    ]
    assert "Invisible" not in document.text_content()


def test_in_english_the_french_notes_carry_their_language(client, agreement, history, clock):
    translate_page(agreement, title="Sorting agreement", slug="sorting-agreement")
    clock.set(2026, 6, 15, 14)
    document = html(client.get("/en/agreements/sorting-agreement/commitments/1/"))
    notes = document.xpath('//p[@class="progress-history__note"]')
    assert [note.get("lang") for note in notes] == [None, "fr", "fr", "fr"]
    assert text_of(facts(document)["Status"]) == "In progress 70 % done"
    assert "5 days ago" in text_of(facts(document)["Last update"])


def test_without_updates_the_page_says_so(client, agreement, clock):
    clock.set(2026, 6, 15, 14)
    document = html(client.get("/fr/ententes/entente-sur-le-tri/engagements/2/"))
    assert text_of(facts(document)["Statut"]) == "Prévu"
    assert text_of(facts(document)["Dernière mise à jour"]) == "Aucune mise à jour pour l’instant"
    assert document.xpath('//section[@class="progress-history"]//li') == []
    assert document.xpath('//section[@class="progress-history"]/p')


def test_the_agreement_lists_each_commitments_status_and_overdue_mark(client, agreement, history, clock):
    clock.set(2026, 7, 2, 14)  # the first is due 30 June 2026, the second 15 January 2027
    document = html(client.get("/fr/ententes/entente-sur-le-tri/"))
    items = document.xpath('//ol[@class="commitments"]/li')
    statuses = [item.xpath('.//span[contains(@class, "status")]/text()') for item in items]
    assert statuses == [["En cours"], ["Prévu"], ["Prévu"]]
    assert [bool(item.xpath('.//*[@class="overdue"]')) for item in items] == [True, False, False]
    assert "Invisible" not in document.text_content()
    # Done: the mark goes.
    progress_update(agreement.commitments.get(number=1), status=CommitmentStatus.DONE, progress=100)
    items = html(client.get("/fr/ententes/entente-sur-le-tri/")).xpath('//ol[@class="commitments"]/li')
    assert [bool(item.xpath('.//*[@class="overdue"]')) for item in items] == [False, False, False]
