"""User journeys in a real browser (issue 7), each at a phone and a desktop viewport.

1. A citizen, keyboard only, searches a phrase, ticks a region and a risk, sees the counts
   change, removes a filter, opens a case file, reads its plain-language summary and switches to
   English on the same item.
2. The same with JavaScript disabled.
3. A community editor creates a case file in the admin and submits it; a reviewer approves it;
   it then appears in the public search, in French and (as a French fallback) in English.
4. Open data and citation: the footer's open data link, the data dictionary, the cite box's
   BibTeX download and the public history of changes.

Every step saves a screenshot under ``artifacts/screenshots/<journey>/<step>-<viewport>.png``.
The expected counts are computed from the content the test site holds, not copied from a run.
"""

import re

import pytest
from playwright.sync_api import expect

from advocacy.models import AdvocacyBriefPage, CollaborationAgreementPage
from impacts.models import CaseFilePage
from tests.browser.content import FICTIONAL, PLAIN_SUMMARY_EN, PLAIN_SUMMARY_FR

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = ["phone", "desktop"]
# Words every fictional summary holds, typed in quotes: a phrase search.
PHRASE = "fictif créé pour les tests"
assert PHRASE in FICTIONAL
RESULTS = {"fr": re.compile(r"^\s*(\d+) résultats?\s*$"), "en": re.compile(r"^\s*(\d+) results?\s*$")}


# Keyboard helpers --------------------------------------------------------------------------


def _describe_focus(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return "body";
            const text = (el.getAttribute("aria-label") || el.innerText || el.value || "").trim();
            return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (text ? " «" + text.slice(0, 40) + "»" : "");
        }"""
    )


def tab_to(page, locator, limit=80):
    """Press Tab until ``locator`` has the focus; fail with the path the focus took. Reaching it
    proves the control is keyboard reachable in the document's focus order."""
    target = locator.element_handle()
    path = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => el === document.activeElement", target):
            return path
        path.append(_describe_focus(page))
    pytest.fail(f"Tab never reached {locator} in {limit} presses; the focus went: " + " → ".join(path))


def result_count(page, language):
    heading = page.locator("#results-heading")
    match = RESULTS[language].match(heading.inner_text())
    assert match, f"Unexpected results heading: {heading.inner_text()!r}"
    return int(match.group(1))


def facet_count(page, group, key):
    text = page.locator(f"label[for='f-{group}-{key}'] .count").inner_text()
    return int(re.search(r"\d+", text).group())


def expect_results(page, count, language="fr"):
    word = {"fr": "résultat", "en": "result"}[language]
    expect(page.locator("#results-heading")).to_have_text(
        re.compile(rf"^\s*{count} {word}{'s' if count != 1 else ''}\s*$")
    )


def no_horizontal_scroll(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"The page scrolls sideways by {overflow}px at {page.viewport_size}"


def within_viewport(page, locator):
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    assert box is not None, f"{locator} is not displayed"
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, (
        f"{locator} sticks out of the {width}px viewport: {box}"
    )


# What the content says the search should find -----------------------------------------------


def expected_items(language="fr", region=None, risk=None):
    """Live items of ``language`` whose summary holds the phrase, with the region and risk."""
    found = []
    for model in (CaseFilePage, AdvocacyBriefPage, CollaborationAgreementPage):
        if risk and model is not CaseFilePage:
            continue
        items = model.objects.live().filter(locale__language_code=language, summary__contains=PHRASE)
        if region:
            items = items.filter(regions__key=region)
        if risk:
            items = items.filter(risks__key=risk)
        found.extend(items.distinct())
    return found


# Journeys 1 and 2 ---------------------------------------------------------------------------


def citizen_journey(live_site, open_page, shoot, viewport, javascript):
    journey = "1-keyboard-citizen" if javascript else "2-no-javascript-citizen"
    casefile = live_site.content.pages["casefile"]
    everything = len(expected_items())
    in_montreal = len(expected_items(region="montreal"))
    discriminating = len(expected_items(region="montreal", risk="discrimination"))
    # The counts must move at each step, or the journey would prove nothing.
    assert everything > in_montreal > discriminating >= 1, (everything, in_montreal, discriminating)
    assert casefile["fr"] in expected_items(region="montreal", risk="discrimination")

    page = open_page(viewport, javascript=javascript, language="fr")
    page.goto(live_site.url("home", "fr"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    shoot(page, journey, "01-home-fr")

    # The search is in the main navigation.
    tab_to(
        page,
        page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Rechercher"),
    )
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site.url("search", "fr"))
    search_box = page.get_by_label("Mots à chercher")
    if viewport == "phone":
        no_horizontal_scroll(page)
        for control in (
            search_box,
            page.get_by_role("button", name="Rechercher", exact=True),
            page.get_by_role("checkbox", name=re.compile("^Montréal")),
            page.get_by_role("button", name="Appliquer les filtres"),
        ):
            within_viewport(page, control)
    shoot(page, journey, "02-search-page-fr")

    tab_to(page, search_box)
    page.keyboard.type(f'"{PHRASE}"')
    page.keyboard.press("Enter")
    expect_results(page, everything)
    expect(search_box).to_have_value(f'"{PHRASE}"')
    # Before ticking, each facet value predicts the count its tick gives.
    assert facet_count(page, "region", "montreal") == in_montreal
    shoot(page, journey, "03-phrase-searched-fr")

    tick(
        page,
        page.get_by_role("checkbox", name=re.compile("^Montréal")),
        before=everything,
        javascript=javascript,
    )
    expect_results(page, in_montreal)
    expect(page.get_by_role("checkbox", name=re.compile("^Montréal"))).to_be_checked()
    assert facet_count(page, "risk", "discrimination") == discriminating
    shoot(page, journey, "04-region-ticked-fr")

    tick(
        page,
        page.get_by_role("checkbox", name=re.compile("^Discrimination")),
        before=in_montreal,
        javascript=javascript,
    )
    expect_results(page, discriminating)
    expect(page.get_by_role("checkbox", name=re.compile("^Discrimination"))).to_be_checked()
    assert facet_count(page, "region", "montreal") == discriminating
    shoot(page, journey, "05-risk-ticked-fr")

    # Removing the risk through its active filter link gives the region's results back.
    tab_to(page, page.get_by_role("link", name=re.compile(r"^Risque\s*: Discrimination.*retirer ce filtre")))
    page.keyboard.press("Enter")
    expect_results(page, in_montreal)
    expect(page.get_by_role("checkbox", name=re.compile("^Discrimination"))).not_to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile("^Montréal"))).to_be_checked()
    shoot(page, journey, "06-risk-filter-removed-fr")

    tab_to(page, page.locator(".search-results").get_by_role("link", name=casefile["fr"].title, exact=True))
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site.url("casefile", "fr"))
    expect(page.get_by_role("heading", level=1)).to_have_text(casefile["fr"].title)
    plain = page.get_by_role("region", name="En bref")
    expect(plain).to_be_visible()
    expect(plain).to_contain_text(PLAIN_SUMMARY_FR)
    shoot(page, journey, "07-casefile-plain-summary-fr")

    tab_to(page, page.get_by_role("navigation", name="Langue").get_by_role("link", name="English"), limit=20)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site.url("casefile", "en"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(casefile["en"].title)
    expect(page.get_by_role("region", name="In plain words")).to_contain_text(PLAIN_SUMMARY_EN)
    shoot(page, journey, "08-casefile-plain-summary-en")
    return page


def tick(page, checkbox, before, javascript):
    """Tick a facet with Space. Without JavaScript nothing happens until the Apply button is
    pressed; with the enhancement that applies on change, the count may already have moved."""
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    if javascript:
        try:
            expect(page.locator("#results-heading")).not_to_have_text(
                re.compile(rf"^\s*{before} "), timeout=1500
            )
            return
        except AssertionError:
            pass
    else:
        # Nothing ran: the page still shows the count from before, with the box ticked.
        assert result_count(page, "fr") == before
        expect(checkbox).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Appliquer les filtres"))
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_journey_1_a_citizen_searches_and_reads_with_the_keyboard_only(live_site, open_page, shoot, viewport):
    citizen_journey(live_site, open_page, shoot, viewport, javascript=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_journey_2_the_same_journey_works_without_javascript(live_site, open_page, shoot, viewport):
    citizen_journey(live_site, open_page, shoot, viewport, javascript=False)


# Journey 4: open data and citation -----------------------------------------------------------

OPEN_DATA_WORDS = {
    "fr": {
        "footer": "Sections",
        "open data": "Données ouvertes",
        "dictionary link": "Lire le dictionnaire de données",
        "dictionary": "Dictionnaire de données",
        "cite": "Citer ce dossier",
        "history": "Historique des modifications",
        "first": "Première publication",
        "note": "Une source ajoutée.",
    },
    "en": {
        "footer": "Sections",
        "open data": "Open data",
        "dictionary link": "Read the data dictionary",
        "dictionary": "Data dictionary",
        "cite": "Cite this case file",
        "history": "History of changes",
        "first": "First publication",
        "note": "One source added.",
    },
}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_journey_4_open_data_dictionary_and_citing_a_case_file(
    live_site, open_page, shoot, viewport, language
):
    journey = "4-open-data-and-citation"
    words = OPEN_DATA_WORDS[language]
    casefile = live_site.content.pages["casefile"][language]
    # A second publication with a public note, so the history has two lines to read.
    casefile.change_note = words["note"]
    casefile.save_revision().publish()

    page = open_page(viewport, language=language)
    page.goto(live_site.url("home", language))
    footer = page.get_by_role("contentinfo")
    footer.get_by_role("navigation", name=words["footer"]).get_by_role(
        "link", name=words["open data"], exact=True
    ).click()
    expect(page).to_have_url(live_site.url("open-data", language))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["open data"])
    shoot(page, journey, f"01-open-data-{language}")

    page.get_by_role("main").get_by_role("link", name=words["dictionary link"]).click()
    expect(page).to_have_url(live_site.url("data-dictionary", language))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["dictionary"])
    # The case files' coded columns are explained, down to the risk keys the site uses.
    casefiles_table = page.locator("table.dictionary-table[data-file='vigie-casefiles.csv']").first
    expect(casefiles_table).to_be_visible()
    expect(casefiles_table.get_by_role("rowheader", name="id", exact=True)).to_be_visible()
    expect(casefiles_table).to_contain_text("discrimination")
    if viewport == "phone":
        no_horizontal_scroll(page)
    shoot(page, journey, f"02-data-dictionary-{language}")

    page.goto(live_site.url("casefile", language))
    cite = page.get_by_role("region", name=words["cite"])
    expect(cite).to_be_visible()
    expect(cite).to_contain_text(casefile.title)
    expect(cite).to_contain_text(casefile.public_id)
    expect(cite.locator(".cite-box__url")).to_have_text(live_site.absolute(f"/cite/{casefile.public_id}/"))
    bibtex = cite.get_by_role("link", name="BibTeX")
    bibtex.scroll_into_view_if_needed()
    shoot(page, journey, f"03-cite-box-{language}")

    with page.expect_download() as download_info:
        bibtex.click()
    download = download_info.value
    with open(download.path(), encoding="utf-8") as downloaded:
        reference = downloaded.read()
    assert reference.lstrip().startswith("@"), reference[:200]
    assert casefile.public_id in reference
    response = page.request.get(live_site.absolute(bibtex.get_attribute("href")))
    assert response.status == 200
    assert response.text().lstrip().startswith("@")
    ris = page.request.get(live_site.absolute(cite.get_by_role("link", name="RIS").get_attribute("href")))
    assert ris.status == 200
    assert ris.text().lstrip().startswith("TY  -")

    history = page.get_by_role("region", name=words["history"])
    expect(history.get_by_role("listitem")).to_have_count(2)
    expect(history.get_by_role("listitem").first).to_contain_text(words["note"])
    expect(history.get_by_role("listitem").last).to_contain_text(words["first"])
    history.scroll_into_view_if_needed()
    shoot(page, journey, f"04-history-of-changes-{language}")
