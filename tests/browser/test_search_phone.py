"""The search and the home page on a phone (390 × 844), with JavaScript and without: the count
and the first result in the first screen, the filters in one disclosure that opens with the
keyboard and applies; the home page's question first; axe at phone and desktop in both languages
with the disclosures open."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import audit
from tests.browser.test_journeys import tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORDS = {
    "fr": {
        "filters": "Filtres ({n} actif{s})",
        "apply": "Appliquer les filtres",
        "near": re.compile("^Que se passe-t-il près de chez moi"),
    },
    "en": {
        "filters": "Filters ({n} active)",
        "apply": "Apply filters",
        "near": re.compile("^What is happening near me"),
    },
}


def filters_summary(language, count):
    return WORDS[language]["filters"].format(n=count, s="s" if count > 1 else "")


def result_count(page):
    return int(re.search(r"\d+", page.locator("#results-heading").inner_text()).group())


@pytest.mark.parametrize("javascript", [False, True], ids=["no-javascript", "javascript"])
def test_on_a_phone_the_results_come_first_and_the_filters_open_with_the_keyboard(
    live_site, open_page, javascript
):
    page = open_page("phone", javascript=javascript, language="fr")
    page.goto(live_site.url("search", "fr"))
    everything = result_count(page)
    assert everything > 1

    # The first screen: the count and the first result; the filters are one line.
    expect(page.locator("#results-heading")).to_be_in_viewport()
    expect(page.locator(".result").first).to_be_in_viewport()
    summary = page.locator("#search-filters > summary")
    expect(summary).to_have_text(filters_summary("fr", 0))
    montreal = page.locator("#f-region-montreal")
    expect(montreal).to_be_hidden()

    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(montreal).to_be_visible()
    tab_to(page, montreal)
    page.keyboard.press("Space")
    if not javascript:
        tab_to(page, page.get_by_role("button", name=WORDS["fr"]["apply"]))
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"region=montreal"))
    expect(page.locator("#results-heading")).not_to_have_text(re.compile(rf"^\s*{everything} "))
    in_montreal = result_count(page)
    assert 1 <= in_montreal < everything
    assert page.locator(".result").count() == min(in_montreal, 20)
    expect(summary).to_have_text(filters_summary("fr", 1))
    # The active filter stays visible outside the disclosure, and removes itself.
    chip = page.get_by_role("link", name=re.compile(r"^Région\s*: Montréal.*retirer ce filtre"))
    expect(chip).to_be_visible()
    if javascript:
        # The page was not reloaded: the disclosure the reader opened stays open.
        expect(page.locator("#search-filters")).to_have_attribute("open", "")
        expect(montreal).to_be_focused()
    else:
        expect(page.locator("#search-filters")).not_to_have_attribute("open", "")
        expect(page.locator(".result").first).to_be_in_viewport()
    tab_to(page, chip)
    page.keyboard.press("Enter")
    # The same search without it (with the sort the form sent, when the script sent it).
    page.wait_for_url(re.compile(r"/fr/recherche/(\?sort=newest)?$"))
    assert result_count(page) == everything


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_page_starts_with_a_question(live_site, open_page, language):
    page = open_page("phone", javascript=False, language=language)
    page.goto(live_site.url("home", language))
    search_box = page.locator("#home-q")
    expect(search_box).to_be_in_viewport()
    near = page.get_by_label(WORDS[language]["near"])
    expect(near).to_be_visible()
    near.select_option("montreal")
    near.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"region=montreal"))
    assert result_count(page) >= 1
    page.go_back()
    tab_to(page, search_box)
    page.keyboard.type("montréal")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=montr"))
    page.go_back()
    figures = page.locator(".home-figures a")
    assert figures.count() == 4
    for figure in figures.all():
        expect(figure).to_be_visible()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_axe_finds_nothing_with_the_disclosures_open(live_site, open_page, language, viewport):
    page = open_page(viewport, language=language)
    found = {}
    page.goto(live_site.url("home", language))
    found["home"] = audit(page)
    page.goto(live_site.url("search", language, "?region=montreal"))
    page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")
    found["search, every disclosure open"] = audit(page)
    problems = {name: lines for name, lines in found.items() if lines}
    assert not problems, "\n".join(f"{name}:\n" + "\n".join(lines) for name, lines in problems.items())
