"""A consultation report with eight recommendations and ten commitments, printed by Chromium (print
media, ``page.pdf``), fits on three Letter sheets or fewer and keeps what a reader needs on paper:
its title, the public body's responses as words, and the whole commitments table."""

import unicodedata

import pytest

from tests.browser.content import REPORT_TEXT
from tests.browser.test_print_and_reflow import printed, squeezed

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RESPONSE_WORDS = {"fr": "Réponseofficielle", "en": "Officialresponse"}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_report_prints_on_three_letter_sheets_or_fewer_with_its_commitments_table(
    live_site, open_page, language
):
    page = open_page("desktop", language=language)
    page.goto(live_site.url("report", language))
    sheets, text = printed(page, "Letter")
    assert sheets <= 3, sheets
    flat = squeezed(unicodedata.normalize("NFKC", text))  # the PDF's ligatures ("ﬁ") as letters
    assert squeezed(REPORT_TEXT[language]["title"]) in flat
    assert flat.count(RESPONSE_WORDS[language]) == 6  # six of the eight recommendations have one
    assert "Engagementfictif10" in flat  # the table's last row
    assert not page.locator(".main-nav").is_visible()
