"""A search's e-mail alert in a browser, keyboard only (tests/search/test_alerts.py posts the
form as a browser without JavaScript does): from a filtered search page, the address and "once a
day" by keyboard, the answer, then the confirmation link's button; the pages of an alert's links
pass axe in both languages."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from search.models import SearchAlert
from tests.browser.axe import audit
from tests.browser.test_accessibility_audit import AUDITED_PAGES, audit_pages, report
from tests.browser.test_journeys import tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ALERT_PAGES = {
    name: AUDITED_PAGES[name]
    for name in ("search with filters", "search alert confirmation", "search alert unsubscription")
}
WORDS = {
    "fr": {
        "address": "Votre adresse courriel",
        "weekly": "Une fois par semaine",
        "send": "Recevoir les courriels",
        "sent": "Consultez vos courriels",
        "confirm": "Oui, suivre cette recherche",
    },
    "en": {
        "address": "Your e-mail address",
        "weekly": "Once a week",
        "send": "Get the e-mails",
        "sent": "Check your e-mail",
        "confirm": "Yes, follow this search",
    },
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_following_a_search_by_e_mail_with_the_keyboard_alone(live_site, open_page, language):
    words = WORDS[language]
    page = open_page("phone", language=language)
    page.goto(ALERT_PAGES["search with filters"](live_site, language))
    address = f"clavier-{language}@example.org"

    # From the feed's link just before the form (the facets above it are journey 1's).
    page.locator(".follow-search a").first.focus()
    tab_to(page, page.get_by_label(words["address"], exact=True), limit=10)
    page.keyboard.type(address)
    # Tab reaches the group's chosen value (once a week); an arrow moves the choice.
    tab_to(page, page.get_by_label(words["weekly"]), limit=5)
    page.keyboard.press("ArrowUp")
    tab_to(page, page.get_by_role("button", name=words["send"]), limit=5)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(words["sent"])
    assert not audit(page)

    alert = SearchAlert.objects.get(email=address)
    assert (alert.frequency, alert.language, alert.query_string) == (
        "daily",
        language,
        "region=montreal&risk=discrimination",
    )
    link = next(line for line in mail.outbox[-1].body.split() if str(alert.reference) in line)
    page.goto(live_site.absolute(urlsplit(link).path))
    tab_to(page, page.get_by_role("button", name=words["confirm"]), limit=80)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_be_visible()
    alert.refresh_from_db()
    assert alert.is_confirmed
    found = audit_pages(live_site, page, language, ALERT_PAGES)
    assert not found, report(found, language, "phone")
    assert re.search(r"/(recherche/alerte|search/alert)/", link)
