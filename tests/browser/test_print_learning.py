"""A learning resource with its video, printed by Chromium (print media, ``page.pdf``), fits on two
Letter sheets or fewer and keeps what a reader needs on paper: its title, what it teaches and its
licence; the site's navigation stays off the paper."""

import unicodedata

import pytest

from tests.browser.learning_content import OUTCOMES, TEXTS
from tests.browser.test_print_and_reflow import printed, squeezed

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_video_resource_prints_on_two_letter_sheets_or_fewer(live_site, open_page, language):
    page = open_page("desktop", language=language)
    page.goto(live_site.url("video resource", language))
    sheets, text = printed(page, "Letter")
    assert sheets <= 2, sheets
    flat = squeezed(unicodedata.normalize("NFKC", text))  # the PDF's ligatures ("ﬁ") as letters
    assert squeezed(TEXTS["video"][language]["title"]) in flat
    assert all(squeezed(point) in flat for point in OUTCOMES[language].splitlines())
    assert "CCBY4.0" in flat
    assert not page.locator(".main-nav").is_visible()
