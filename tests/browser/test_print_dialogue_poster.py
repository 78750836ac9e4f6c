"""A session's poster, printed by Chromium (print media, ``page.pdf``), fits one sheet of A4 and
of Letter and carries what a passer-by needs: the title, the day, the place, how to register by
phone and the QR code; a cancelled session's poster says so first."""

import unicodedata

import pytest

from tests.browser.content import DIALOGUE_TEXT
from tests.browser.test_print_and_reflow import PAPER, printed, squeezed

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def printed_poster(page, paper):
    """``(sheets, text)`` with the PDF's ligatures ("ﬁ") read as their letters."""
    sheets, text = printed(page, paper)
    return sheets, unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_poster_prints_on_one_sheet_with_how_to_register_by_phone(live_site, open_page, language, paper):
    page = open_page("desktop", language=language)
    page.goto(live_site.url("poster", language))
    sheets, text = printed_poster(page, paper)
    assert sheets == 1
    assert squeezed(DIALOGUE_TEXT[language]["title"]) in squeezed(text)
    assert "514555-0142" in squeezed(text)
    assert squeezed("Bibliothèque fictive du Centre") in squeezed(text)
    assert page.locator(".poster__qr svg[role=img]").is_visible()
    assert not page.locator(".main-nav").is_visible()


@pytest.mark.parametrize("paper", PAPER)
def test_a_cancelled_sessions_poster_says_so_first_on_one_sheet(live_site, open_page, paper):
    page = open_page("desktop")
    page.goto(live_site.url("cancelled poster"))
    sheets, text = printed_poster(page, paper)
    assert sheets == 1
    poster = text[text.index("ANNULÉ") :]
    assert poster.startswith("ANNULÉ / CANCELLED")
    assert squeezed(DIALOGUE_TEXT["fr"]["title"]) in squeezed(poster)
