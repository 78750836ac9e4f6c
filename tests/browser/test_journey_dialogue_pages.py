"""A reader, keyboard only, goes from the main navigation to the citizen dialogues, opens a
workshop, reads that its second session is cancelled, and follows the link to the library where
it happens: its address, how to get there and its accessibility in words. At a phone and a
desktop width, in French and English, and without JavaScript.

Every step saves a screenshot under ``artifacts/screenshots/6-dialogues-*/``."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.content import DIALOGUE_TEXT
from tests.browser.test_journeys import no_horizontal_scroll, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORDS = {
    "fr": {
        "nav": "Navigation principale",
        "section": "Dialogues citoyens",
        "upcoming": "Dialogues à venir",
        "cancelled": "Annulé :",
        "venue": "Bibliothèque fictive du Centre",
        "access": "Accessibilité",
        "lift": "Ascenseur",
    },
    "en": {
        "nav": "Main",
        "section": "Citizen dialogues",
        "upcoming": "Upcoming dialogues",
        "cancelled": "Cancelled:",
        "venue": "Bibliothèque fictive du Centre",
        "access": "Accessibility",
        "lift": "Elevator",
    },
}


@pytest.mark.parametrize(
    ("language", "viewport", "javascript"),
    [("fr", "phone", True), ("fr", "desktop", False), ("en", "desktop", True), ("en", "phone", False)],
)
def test_journey_6_from_the_dialogues_to_a_workshop_to_its_library_with_the_keyboard_only(
    live_site, open_page, shoot, language, viewport, javascript
):
    journey = "6-dialogues-" + ("keyboard" if javascript else "no-javascript")
    words = WORDS[language]
    title = DIALOGUE_TEXT[language]["title"]
    page = open_page(viewport, javascript=javascript, language=language)
    page.goto(live_site.url("home", language))

    tab_to(page, page.get_by_role("navigation", name=words["nav"]).get_by_role("link", name=words["section"]))
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site.url("dialogue index", language))
    expect(page.get_by_role("heading", level=2, name=words["upcoming"])).to_be_visible()
    if viewport == "phone":
        no_horizontal_scroll(page)
    shoot(page, journey, f"01-index-{language}")

    tab_to(page, page.get_by_role("main").get_by_role("link", name=title, exact=True))
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site.url("dialogue", language))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    sessions = page.locator("ol.sessions > li")
    expect(sessions).to_have_count(3)
    expect(sessions.nth(1).locator("h3")).to_have_text(re.compile(rf"^\s*{re.escape(words['cancelled'])}"))
    expect(sessions.nth(0).locator("h3")).not_to_contain_text(words["cancelled"])
    if viewport == "phone":
        no_horizontal_scroll(page)
    shoot(page, journey, f"02-dialogue-{language}")

    tab_to(page, sessions.nth(0).get_by_role("link", name=words["venue"], exact=True), limit=120)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site.url("venue", language))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["venue"])
    access = page.get_by_role("region", name=words["access"])
    expect(access).to_contain_text(words["lift"])
    expect(page.get_by_role("main").get_by_role("link", name=title, exact=True)).to_be_visible()
    if viewport == "phone":
        no_horizontal_scroll(page)
    shoot(page, journey, f"03-venue-{language}")
