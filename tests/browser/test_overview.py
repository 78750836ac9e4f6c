"""The overview and a search's charts in a browser: axe finds nothing on a phone (390 px) or a
desktop in either language, the map scrolls inside its own box on a phone, and the overview
printed by Chromium fits on two sheets with every chart's title on paper."""

import pytest

from tests.browser.test_accessibility_audit import AUDITED_PAGES, audit_pages, report
from tests.browser.test_print_and_reflow import printed, squeezed

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = {name: AUDITED_PAGES[name] for name in ("search charts", "overview")}
TITLES = {
    "fr": ["Élémentsparrégion", "Élémentsparservicepublic", "Élémentsparrisque", "Élémentspartrimestre"],
    "en": ["Itemsbyregion", "Itemsbypublicservice", "Itemsbyrisk", "Itemsbyquarter"],
}


@pytest.mark.parametrize("viewport", [(390, 844), "desktop"], ids=["phone-390", "desktop"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_charts_pages_pass_axe(live_site, open_page, language, viewport):
    page = open_page(viewport, language=language)
    found = audit_pages(live_site, page, language, pages=PAGES)
    assert not found, report(found, language, page.viewport_name)
    if viewport != "desktop":  # the page itself does not scroll sideways: the map does, in its box
        width, scroll_width = page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]")
        assert scroll_width <= width


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_overview_prints_on_two_sheets_at_most(live_site, open_page, language, paper):
    page = open_page("desktop", language=language)
    page.goto(live_site.url("overview", language))
    sheets, text = printed(page, paper)
    assert sheets <= 2, sheets
    flat = squeezed(text)
    assert all(title in flat for title in TITLES[language]), flat[:400]
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".chart-table").first.is_visible()
