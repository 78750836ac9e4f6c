"""A printed case file fits on two sheets of A4 or Letter and says where it comes from; every
public page reads at 320 px wide without sideways scrolling, in kiosk mode too.

Pages are printed by Chromium itself (print media, ``page.pdf``) and read back with pypdf."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format
from pypdf import PdfReader

from impacts.models import CaseFilePage
from tests.browser.content import PLAIN_SUMMARY_EN, PLAIN_SUMMARY_FR, SYSTEM_PLAIN_SUMMARY

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAPER = ["A4", "Letter"]
SOURCE = "https://journal.example.org/logement-tri"
PLAIN_SUMMARY = {"fr": PLAIN_SUMMARY_FR, "en": PLAIN_SUMMARY_EN}

# Elements whose box passes the viewport's edges, except inside a table's own scrolling box: the
# culprits of a page that scrolls sideways.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const culprits = [];
    for (const element of document.body.querySelectorAll('*')) {
        const scroller = element.parentElement && element.parentElement.closest('.table-scroll');
        if (scroller && getComputedStyle(scroller).overflowX !== 'visible') continue;
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
            const classes = typeof element.className === 'string' && element.className.trim()
                ? '.' + element.className.trim().split(/\\s+/).join('.') : '';
            culprits.push(`${element.tagName.toLowerCase()}${classes} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
    }
    return culprits.slice(0, 15);
}"""


def printed(page, paper):
    """The page printed by Chromium on ``paper``: ``(number of sheets, text)``."""
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    return len(reader.pages), "\n".join(sheet.extract_text() for sheet in reader.pages)


def squeezed(text):
    """``text`` without any blank: a long address wraps anywhere on paper."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_printed_case_file_says_what_it_is_and_where_it_comes_from(live_site, open_page, language, paper):
    casefile = live_site.content.pages["casefile"][language]
    page = open_page("desktop", language=language)
    page.goto(live_site.url("casefile", language))
    sheets, text = printed(page, paper)
    assert sheets <= 2
    with translation.override(language):
        published = date_format(timezone.localdate(casefile.first_published_at), "DATE_FORMAT")
    assert casefile.public_id in text
    assert squeezed(published) in squeezed(text)
    assert squeezed(PLAIN_SUMMARY[language]) in squeezed(text)
    assert SOURCE in squeezed(text)
    assert live_site.absolute(f"/cite/{casefile.public_id}/") in squeezed(text)
    assert page.locator(".print-facts svg[role=img]").is_visible()
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".cite-box").is_visible()


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_printed_register_entry_fits_two_sheets_with_its_address_and_qr_code(
    live_site, open_page, language, paper
):
    system = live_site.content.pages["system"][language]
    page = open_page("desktop", language=language)
    page.goto(live_site.url("system", language))
    sheets, text = printed(page, paper)
    assert sheets <= 2
    assert system.public_id in text
    assert squeezed(SYSTEM_PLAIN_SUMMARY[language]) in squeezed(text)
    assert squeezed({"fr": "Non divulgué", "en": "Not disclosed"}[language]) in squeezed(text)
    assert live_site.absolute(f"/cite/{system.public_id}/") in squeezed(text)
    assert "registre@office-fictif.example.org" in squeezed(text), "whom to ask is on paper"
    assert page.locator(".print-facts svg[role=img]").is_visible()
    assert not page.locator(".disclosure__bar").is_visible()


def test_the_print_block_is_hidden_on_screen(live_site, open_page):
    page = open_page("desktop")
    page.goto(live_site.url("casefile"))
    assert not page.locator(".print-facts").is_visible()
    assert not page.locator(".block-evidence__url").is_visible()
    assert page.locator(".cite-box").is_visible()


@pytest.fixture
def demo_site(browser, django_db_serialized_rollback, live_server):
    """The live server with the fictional demo, whose case files are the longest we have."""
    call_command("load_demo", force=True, stdout=io.StringIO())
    return live_server.url


def test_every_demo_case_file_prints_on_two_sheets_at_most(demo_site, open_page):
    page = open_page("desktop")
    too_long = {}
    casefiles = list(CaseFilePage.objects.live().select_related("locale"))
    assert len(casefiles) > 20
    for casefile in casefiles:
        page.emulate_media(media="screen")
        page.goto(demo_site + casefile.url)
        for paper in PAPER:
            sheets, text = printed(page, paper)
            if sheets > 2:
                too_long[f"{casefile.public_id} {casefile.locale.language_code} {paper}"] = sheets
            assert casefile.public_id in text
            assert "fictif" in text or "fictional" in text, "the demo notice is printed"
    assert too_long == {}


def reflow_urls(live_site, language):
    search = live_site.path("search", language)
    return [
        *(live_site.path(name, language) for name in live_site.content.paths),
        search,
        f"{search}?q=logement&region=montreal&risk=discrimination",
        f"{search}?q=zzzqqqxyz",
        live_site.path("overview", language),
        f"{live_site.path('search-visualize', language)}?q=logement&region=montreal",
        live_site.path("open-data", language),
        live_site.path("data-dictionary", language),
        live_site.path("glossary", language),
        f"/{language}/page-qui-nexiste-pas/",
    ]


@pytest.mark.parametrize("kiosk", [False, True], ids=["standard", "kiosk"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_type_reads_at_320_px_without_sideways_scrolling(live_site, open_page, language, kiosk):
    call_command("build_open_data", stdout=io.StringIO())
    page = open_page((320, 640), language=language)
    if kiosk:
        page.goto(live_site.absolute(f"/{language}/?kiosk=1"))
    failures = {}
    for path in reflow_urls(live_site, language):
        response = page.goto(live_site.absolute(path))
        assert response.status in (200, 404), path
        assert page.locator("body.kiosk").count() == (1 if kiosk else 0), path
        scroll_width, width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll_width > width:
            failures[path] = {"scrollWidth": scroll_width, "culprits": page.evaluate(OVERFLOWING)}
    assert failures == {}


def test_wide_tables_scroll_inside_their_own_box_at_320_px(live_site, open_page):
    page = open_page((320, 640))
    page.goto(live_site.url("data-dictionary"))
    boxes = page.locator(".table-scroll")
    assert boxes.count() > 0
    box = boxes.first
    assert box.evaluate("element => element.scrollWidth > element.clientWidth"), "the table is wider"
    box.focus()
    page.keyboard.press("ArrowRight")
    # Chromium scrolls smoothly: wait for the box to move, up to a few seconds.
    page.wait_for_function("element => element.scrollLeft > 0", arg=box.element_handle(), timeout=5000)
