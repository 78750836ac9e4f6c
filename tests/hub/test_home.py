"""The home page starts with a question: a search box, example searches that find something, a
region picker leading to the search, and headline figures (case files, AI systems, dialogues
coming up, commitments overdue) computed once for the day.

Expected numbers are written out from the fixture: what it publishes, hides and dates."""

import datetime
import re

import lxml.html
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import PageViewRestriction

from dialogues.models import SessionStatus
from followup.models import CommitmentStatus
from hub.home import home_overview
from hub.models import Region
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import (
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DialoguePageFactory,
    SystemPageFactory,
    commitment,
    progress_update,
    session,
    translate_page,
)

pytestmark = pytest.mark.django_db

SEARCH = {"fr": "recherche", "en": "search"}

# The fixture's figures, in their words for these counts (one dialogue coming up: singular).
FIGURES = {
    "fr": {"Dossiers": 3, "Systèmes d'IA": 2, "Dialogue à venir": 1, "Engagements en retard": 2},
    "en": {"Case files": 3, "AI systems": 2, "Dialogue coming up": 1, "Commitments overdue": 2},
}


def days(number):
    return timezone.localdate() + datetime.timedelta(days=number)


def at(day):
    return datetime.datetime.combine(day, datetime.time(18, 30), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def world(site_pages):
    """Three public case files (one also in English), one draft and one private; two public AI
    systems; dialogues: one coming up, one past, one whose only future session is cancelled, one
    draft coming up; commitments: two overdue, one overdue but done, one due later, one without a
    date."""
    health = CaseFilePageFactory(title="Triage à l'urgence", services=["sante"], regions=["montreal"])
    translate_page(health, "en", title="Emergency triage", slug="emergency-triage")
    CaseFilePageFactory(
        title="Logement", services=["habitation"], regions=["laval"], risks=["discrimination"]
    )
    CaseFilePageFactory(title="Santé encore", services=["sante"], regions=["laval"])
    CaseFilePageFactory(title="Brouillon", services=["sante"], live=False)
    private = CaseFilePageFactory(title="Privé", services=["sante"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    SystemPageFactory(title="Système fictif A")
    SystemPageFactory(title="Système fictif B")
    DialoguePageFactory(title="Atelier à venir", sessions=[session(starts_at=at(days(10)))])
    DialoguePageFactory(title="Atelier passé", sessions=[session(starts_at=at(days(-10)))])
    DialoguePageFactory(
        title="Atelier annulé", sessions=[session(starts_at=at(days(5)), status=SessionStatus.CANCELLED)]
    )
    DialoguePageFactory(title="Atelier brouillon", sessions=[session(starts_at=at(days(3)))], live=False)
    agreement = CollaborationAgreementPageFactory(
        commitments=[
            commitment("En retard 1.", due_date=days(-30)),
            commitment("En retard 2.", due_date=days(-1)),
            commitment("Fait.", due_date=days(-60)),
            commitment("Plus tard.", due_date=days(30)),
            commitment("Sans date."),
        ]
    )
    done = agreement.commitments.get(text="Fait.")
    progress_update(done, status=CommitmentStatus.DONE)
    rebuild_index(get_backend())
    cache.clear()
    return site_pages


def home(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def figures(document):
    """``{label: (count, href)}`` of the headline figures."""
    found = {}
    for link in document.xpath('//ul[@class="home-figures"]/li/a'):
        count = int(link.xpath('.//*[@class="figure-count"]')[0].text_content())
        label = " ".join(link.text_content().split()).split(" ", 1)[1]
        found[label] = (count, link.get("href"))
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_figures_count_what_a_reader_finds(client, world, language):
    found = figures(home(client, language))
    assert list(found) == list(FIGURES[language])
    assert {label: count for label, (count, _href) in found.items()} == FIGURES[language]


def test_each_figure_leads_to_what_it_counts(client, world):
    found = figures(home(client, "fr"))
    for label, (count, href) in found.items():
        response = client.get(href)
        assert response.status_code == 200, label
        text = " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())
        if "recherche" in href:
            heading = lxml.html.fromstring(response.content.decode()).get_element_by_id("results-heading")
            number = int(heading.text_content().split()[0])
            if "type=dialogue" in href:
                # The search lists every dialogue, the next session first: those to come lead.
                assert number == 3
            else:
                assert number == count, label
        else:
            assert re.search(rf"\b{count} engagements?\b", text), (label, text[:500])


def test_a_figure_of_one_is_singular(client, site_pages):
    CaseFilePageFactory(title="Seul dossier")
    rebuild_index(get_backend())
    cache.clear()
    found = figures(home(client, "en"))
    assert found["Case file"][0] == 1
    assert found["AI systems"][0] == 0


def test_the_figures_are_counted_in_a_bounded_number_of_queries(client, world):
    """One search for every count from the index (its facet counts), a few queries for the
    dialogues and the commitments, whatever the number of items; then kept for the day."""
    with CaptureQueriesContext(connection) as queries:
        overview = home_overview("fr")
    assert len(overview.figures) == 4
    assert len(queries) <= 30, [query["sql"][:120] for query in queries.captured_queries]
    # One search: its hits of one page are read once.
    hit_reads = [
        query
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT id, public_id, item_type")
    ]
    assert len(hit_reads) == 1
    home(client, "fr")
    with CaptureQueriesContext(connection) as queries:
        home(client, "fr")
    kept_asking = [
        query["sql"][:80]
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT id, public_id, item_type")
        or '"followup_commitment"' in query["sql"]
    ]
    assert not kept_asking


def test_the_search_box_and_the_region_picker_lead_to_the_search(client, world):
    document = home(client, "fr")
    box = document.xpath('//form[@role="search"]')[0]
    assert box.get("action") == "/fr/recherche/" and box.get("method") == "get"
    field = box.xpath('.//input[@type="search"]')[0]
    assert field.get("name") == "q"
    assert box.xpath(f'.//label[@for="{field.get("id")}"]')
    # The search box comes before every other form and link of the content.
    main = document.xpath("//main")[0]
    assert main.xpath(".//form")[0] is box

    picker = document.xpath('//form[@class="home-near"]')[0]
    assert picker.get("action") == "/fr/recherche/" and picker.get("method") == "get"
    select = picker.xpath(".//select")[0]
    assert select.get("name") == "region"
    assert picker.xpath(f'.//label[@for="{select.get("id")}"]')[0].text_content().strip() == (
        "Que se passe-t-il près de chez moi\u00a0?"
    )
    options = [(option.get("value"), option.text_content()) for option in select.xpath("option")]
    regions = list(Region.objects.filter(locale__language_code="fr").values_list("key", flat=True))
    assert len(options) == len(regions) == 18
    assert ("tout-le-quebec", "Tout le Québec") in options
    assert ("montreal", "Montréal") in options
    response = client.get("/fr/recherche/", {"region": "montreal"})
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_example_searches_find_what_they_say(client, world, language):
    links = home(client, language).xpath('//nav[@class="home-examples"]//li')
    # The largest service (santé: 2 case files), risk (discrimination: 1) and region.
    assert len(links) == 3
    with override(language):
        for item in links:
            link = item.xpath("a")[0]
            said = int(re.search(r"\d+", item.xpath('span[@class="count"]')[0].text_content()).group())
            response = client.get(link.get("href"))
            heading = lxml.html.fromstring(response.content.decode()).get_element_by_id("results-heading")
            assert int(heading.text_content().split()[0]) == said >= 1
    hrefs = [item.xpath("a")[0].get("href") for item in links]
    assert [href.split("?")[1].split("=")[0] for href in hrefs] == ["service", "risk", "region"]
    assert hrefs[:2] == [
        f"/{language}/{SEARCH[language]}/?service=sante",
        f"/{language}/{SEARCH[language]}/?risk=discrimination",
    ]
    # The region offered has the most results of all regions the search page counts.
    page = lxml.html.fromstring(client.get(f"/{language}/{SEARCH[language]}/").content.decode())
    region_counts = [
        int(re.search(r"\d+", count.text_content()).group())
        for count in page.xpath('//fieldset[@id="facet-region"]//span[@class="count"]')
    ]
    said = int(re.search(r"\d+", links[2].xpath('span[@class="count"]')[0].text_content()).group())
    assert said == max(region_counts)
