"""axe-core on every public page type, in French and English, on a phone and a desktop: zero
violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules (``tests/browser/axe.py``).

``AUDITED_PAGES`` is the one list of what is audited: a name and a function of
``(live_site, language)`` giving the URL. Add a page with one line. Each language × viewport is
one test that visits every page (the content is built once per test, not once per page) and
fails with every violation of every page listed: page, rule, element, help URL.
"""

import pytest

from tests.browser.axe import audit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MISSING = {"fr": "/fr/page-qui-n-existe-pas/", "en": "/en/page-that-does-not-exist/"}

AUDITED_PAGES = {
    "home": lambda site, lang: site.url("home", lang),
    "casefile index": lambda site, lang: site.url("casefile index", lang),
    "brief index": lambda site, lang: site.url("brief index", lang),
    "agreement index": lambda site, lang: site.url("agreement index", lang),
    "register index": lambda site, lang: site.url("register index", lang),
    "casefile": lambda site, lang: site.url("casefile", lang),
    # On /en/ this is the index's fallback route: a French case file inside the English site.
    "untranslated casefile": lambda site, lang: site.url("untranslated casefile", lang),
    "brief": lambda site, lang: site.url("brief", lang),
    "agreement": lambda site, lang: site.url("agreement", lang),
    # A register entry: declared, not disclosed and community fields, the box, the timeline.
    "system": lambda site, lang: site.url("system", lang),
    "search with filters": lambda site, lang: site.url(
        "search", lang, "?region=montreal&risk=discrimination"
    ),
    # One result per page: the pagination (previous, numbers, next) is audited too.
    "search results, page 2": lambda site, lang: site.url(
        "search", lang, "?region=montreal&page_size=1&page=2"
    ),
    "search with no results": lambda site, lang: site.url("search", lang, "?q=zzqxwvy"),
    # The map and charts of a search, and of the whole hub (the overview).
    "search charts": lambda site, lang: site.url(
        "search-visualize", lang, "?region=montreal&risk=discrimination"
    ),
    "overview": lambda site, lang: site.url("overview", lang),
    "open data": lambda site, lang: site.url("open-data", lang),
    "data dictionary": lambda site, lang: site.url("data-dictionary", lang),
    "glossary": lambda site, lang: site.url("glossary", lang),
    "404": lambda site, lang: site.absolute(MISSING[lang]),
    # Citizen dialogues: the index (upcoming, then past), a dialogue with three sessions, one
    # cancelled, its venue's page, the poster of a session, and the index a kiosk at that venue shows.
    "dialogue index": lambda site, lang: site.url("dialogue index", lang),
    "dialogue": lambda site, lang: site.url("dialogue", lang),
    "venue": lambda site, lang: site.url("venue", lang),
    "poster": lambda site, lang: site.url("poster", lang),
    "cancelled poster": lambda site, lang: site.url("cancelled poster", lang),
    "dialogue index at a venue": lambda site, lang: site.url(
        "dialogue index", lang, "?venue=bibliotheque-fictive-du-centre"
    ),
    # Registration on the hub for a dialogue's session: the form, and a person's confirmation.
    "registration form": lambda site, lang: site.url("registration form", lang),
    "registration confirmation": lambda site, lang: site.url("registration confirmation", lang),
    # A commitment: its facts, its progress updates, the form to follow it by e-mail, and the
    # page a follower's confirmation link opens.
    "commitment": lambda site, lang: site.url("commitment", lang),
    "follow confirmation": lambda site, lang: site.url("follow confirmation", lang),
    # The pages a search alert's links open (the form itself is on the search pages above).
    "search alert confirmation": lambda site, lang: site.url("search alert confirmation", lang),
    "search alert unsubscription": lambda site, lang: site.url("search alert unsubscription", lang),
    # The commitment tracker: every commitment, then those of one organization.
    "commitment tracker": lambda site, lang: site.url("commitment-tracker", lang),
    "commitment tracker by organization": lambda site, lang: site.url(
        "commitment-tracker", lang, "?organization=ville-fictive-saint-exemple"
    ),
    # A consultation report: eight recommendations with their responses, ten commitments.
    "report": lambda site, lang: site.url("report", lang),
    "report index": lambda site, lang: site.url("report index", lang),
    # Learning: the indexes, a video with its player, tracks and transcript, an audio, a toolkit.
    "learning index": lambda site, lang: site.url("learning index", lang),
    "toolkit index": lambda site, lang: site.url("toolkit index", lang),
    "video resource": lambda site, lang: site.url("video resource", lang),
    "audio resource": lambda site, lang: site.url("audio resource", lang),
    "toolkit": lambda site, lang: site.url("toolkit", lang),
}


def audit_pages(site, page, language, pages=AUDITED_PAGES):
    """``{page name: [violation lines]}`` for every page of ``pages`` with a violation, plus a
    line for a page that did not answer with the status it should."""
    found = {}
    for name, url_for in pages.items():
        url = url_for(site, language)
        response = page.goto(url)
        expected = 404 if name == "404" else 200
        lines = [] if response.status == expected else [f"HTTP {response.status} instead of {expected}"]
        lines += audit(page)
        if lines:
            found[f"{name} ({url})"] = lines
    return found


def report(found, language, viewport):
    blocks = [f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items()]
    count = sum(len(lines) for lines in found.values())
    return f"{count} accessibility problem(s) in {language} at {viewport} width:\n" + "\n".join(blocks)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_public_page_passes_axe(live_site, open_page, language, viewport):
    page = open_page(viewport, language=language)
    found = audit_pages(live_site, page, language)
    assert not found, report(found, language, viewport)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_public_page_passes_axe_in_kiosk_mode(live_site, open_page, language):
    """The library kiosk rewrites links and enlarges text: audited on its own, on a desktop."""
    page = open_page("desktop", language=language)
    page.goto(live_site.absolute(f"/{language}/?kiosk=1"))
    found = audit_pages(live_site, page, language)
    assert page.locator("body.kiosk").count() == 1, "the kiosk mode was on for the whole audit"
    assert not found, report(found, language, "desktop kiosk")
