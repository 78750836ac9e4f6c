"""The search page as a phone reader needs it, in the served HTML: the count and the active
filters first, the filters in one disclosure that says how many are active, the results after;
a facet of more than eight values shows its eight largest and "Show all" (a <details>, so without
JavaScript); result cards say what each item is and is about.

Expectations come from the fixture and the taxonomy tables, not from the search."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from hub.models import Region, Risk, Service
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import CaseFilePageFactory, translate_page

pytestmark = pytest.mark.django_db


def search(client, language, **params):
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, params)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def label(model, key, language):
    return model.objects.get(key=key, locale__language_code=language).label


def words(element):
    return " ".join(element.text_content().split())


@pytest.fixture
def regions(site_pages):
    """Ten regions: the first two with one result, the eight others with two."""
    return list(
        Region.objects.filter(locale__language_code="fr")
        .order_by("sort_order", "key")
        .values_list("key", flat=True)
    )[:10]


@pytest.fixture
def corpus(regions):
    everywhere = CaseFilePageFactory(
        title="Partout au Québec", services=["sante"], regions=regions, risks=["discrimination"]
    )
    most = CaseFilePageFactory(title="Presque partout", services=["habitation"], regions=regions[2:])
    translate_page(most, "en", title="Almost everywhere", slug="almost-everywhere")
    rebuild_index(get_backend())
    return {"everywhere": everywhere, "most": most}


def test_the_count_and_the_active_filters_come_before_the_filters_and_the_results_after(client, corpus):
    document = search(client, "fr", service="sante", risk="discrimination")
    region = document.get_element_by_id("search-region")
    order = [
        element.get("id") or element.get("class")
        for element in region.iter()
        if element.get("id") in ("results-heading", "search-filters")
        or element.get("class") in ("remove-filter", "result-list")
    ]
    assert order == ["results-heading", "remove-filter", "remove-filter", "search-filters", "result-list"]
    filters = document.get_element_by_id("search-filters")
    assert filters.tag == "details" and filters.get("open") is None
    assert words(filters.xpath("summary")[0]) == "Filtres (2 actifs)"
    # Every checkbox and the button that applies them are inside the disclosure.
    assert not region.xpath('.//input[@type="checkbox"][not(ancestor::details[@id="search-filters"])]')
    assert filters.xpath('.//button[@type="submit"]')
    # The chips stay outside, each a link to the same search without its value.
    chips = document.xpath('//a[@class="remove-filter"]')
    assert not [chip for chip in chips if chip.xpath('ancestor::details[@id="search-filters"]')]
    assert sorted(chip.get("href") for chip in chips) == [
        "/fr/recherche/?risk=discrimination",
        "/fr/recherche/?service=sante",
    ]


@pytest.mark.parametrize(
    ("language", "params", "summary"),
    [
        ("fr", {}, "Filtres (0 actif)"),
        ("fr", {"service": "sante"}, "Filtres (1 actif)"),
        ("en", {}, "Filters (0 active)"),
        ("en", {"service": ["sante", "habitation"], "q": "partout"}, "Filters (2 active)"),
    ],
)
def test_the_disclosure_says_how_many_filters_are_active(client, corpus, language, params, summary):
    document = search(client, language, **params)
    assert words(document.get_element_by_id("search-filters").xpath("summary")[0]) == summary


def test_a_facet_of_more_than_eight_values_shows_its_eight_largest_and_the_others_behind_show_all(
    client, corpus, regions
):
    facet = search(client, "en").get_element_by_id("facet-region")
    shown = facet.xpath('./ul//input[@type="checkbox"]/@value')
    assert shown == regions[2:]
    more = facet.get_element_by_id("facet-all-region")
    assert more.tag == "details" and more.get("open") is None
    assert words(more.xpath("summary")[0]) == "Show all (10): Region"
    assert more.xpath('.//input[@type="checkbox"]/@value') == regions[:2]
    # A facet of eight values or fewer has no "Show all".
    assert not search(client, "en").xpath('//fieldset[@id="facet-service"]//details')


def test_a_chosen_value_behind_show_all_keeps_it_open(client, corpus, regions):
    facet = search(client, "fr", region=regions[0]).get_element_by_id("facet-region")
    more = facet.get_element_by_id("facet-all-region")
    assert more.get("open") is not None
    assert more.xpath(f'.//input[@value="{regions[0]}"]/@checked')


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_result_card_says_type_id_date_services_regions_risks(client, corpus, regions, language):
    page = corpus["everywhere"]
    document = search(client, language, risk="discrimination")
    cards = document.xpath('//ol[@class="result-list"]//article')
    assert len(cards) == 1
    card = cards[0]
    meta = words(card.xpath('.//p[@class="meta"]')[0])
    type_name = {"fr": "Dossier", "en": "Case file"}[language]
    assert meta.startswith(f"{type_name} · {page.public_id} · ")
    assert card.xpath(".//time/@datetime")
    terms = {
        words(group.xpath("dt")[0]): [words(name) for name in group.xpath("dd")]
        for group in card.xpath('.//dl[@class="result-terms"]/div')
    }
    headings = {
        "fr": ("Service public", "Région", "Risque"),
        "en": ("Public service", "Region", "Risk"),
    }[language]
    assert terms == {
        headings[0]: [label(Service, "sante", language)],
        headings[1]: [label(Region, key, language) for key in sorted(regions)],
        headings[2]: [label(Risk, "discrimination", language)],
    }


def test_a_card_says_the_language_of_an_item_not_in_the_pages(client, corpus):
    document = search(client, "en")
    cards = {
        words(card.xpath(".//h3")[0]): card for card in document.xpath('//ol[@class="result-list"]//article')
    }
    assert set(cards) == {"Partout au Québec", "Almost everywhere"}
    french = cards["Partout au Québec"]
    assert french.get("lang") == "fr"
    meta = french.xpath('.//p[@class="meta"]')[0]
    assert meta.get("lang") == "en" and words(meta).endswith("· In French")
    english = cards["Almost everywhere"]
    assert (
        english.get("lang") is None
        and "In French" not in words(english)
        and "In English" not in words(english)
    )
