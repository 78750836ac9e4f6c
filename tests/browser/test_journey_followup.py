"""Journey 6, keyboard only, at a phone and a desktop width, in both languages: from a
consultation report to one of its commitments, its history of progress updates, then every
commitment of the same organization in the commitment tracker.

The content is the browser tier's report (``tests/browser/content.py``); what the pages should say
is read from the database here, not from the code that renders them. Screenshots under
``artifacts/screenshots/6-report-to-tracker/``."""

import re

import pytest
from playwright.sync_api import expect

from followup.models import Commitment
from followup.tracker import PAGE_SIZE
from tests.browser.test_journeys import VIEWPORTS, no_horizontal_scroll, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORDS = {
    "fr": {
        "commitment link": "Page de {id}",
        "history": "Mises à jour de l’avancement",
        "tracker link": "Tous les engagements de {name} dans le suivi des engagements",
        "tracker": "Suivi des engagements",
        "count": "{count} engagements",
    },
    "en": {
        "commitment link": "Page of {id}",
        "history": "Progress updates",
        "tracker link": "Every commitment of {name} in the commitment tracker",
        "tracker": "Commitment tracker",
        "count": "{count} commitments",
    },
}


def live_commitments_of(organization):
    """The commitments the public can see whose owner is ``organization`` (any of its
    translations), once each whatever the number of language versions of their item."""
    keys = set()
    for row in Commitment.objects.filter(owner__translation_key=organization.translation_key):
        page = row.page
        if page.live and not page.get_view_restrictions().exists():
            keys.add(row.translation_key)
    return len(keys)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_journey_6_from_a_report_to_a_commitment_its_history_and_the_tracker_by_organization(
    live_site, open_page, shoot, viewport, language
):
    journey = "6-report-to-tracker"
    words = WORDS[language]
    report = live_site.content.pages["report"][language]
    # A commitment with a published update, so that its history says something.
    chosen = next(row for row in report.commitments.order_by("number") if row.standing.history)
    notes = [update.note for update in chosen.standing.history]
    owner = chosen.owner.get_translation_or_none(report.locale) or chosen.owner

    page = open_page(viewport, language=language)
    page.goto(live_site.url("report", language))
    expect(page.get_by_role("heading", level=1)).to_have_text(report.title)
    shoot(page, journey, f"01-report-{language}")

    link = page.get_by_role("link", name=words["commitment link"].format(id=chosen.public_id), exact=True)
    tab_to(page, link, limit=150)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(chosen.url_in(language)) + "$"))
    expect(page.locator(".public-id").first).to_have_text(chosen.public_id)
    if viewport == "phone":
        no_horizontal_scroll(page)
    shoot(page, journey, f"02-commitment-{language}")

    history = page.get_by_role("region", name=words["history"])
    expect(history.get_by_role("listitem")).to_have_count(len(notes))
    for note in notes:
        expect(history).to_contain_text(note)

    to_tracker = page.get_by_role("link", name=words["tracker link"].format(name=owner.name), exact=True)
    tab_to(page, to_tracker, limit=150)
    shoot(page, journey, f"03-commitment-history-{language}")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["tracker"])
    assert f"organization={owner.key}" in page.url
    expect(page.locator(f"#f-organization-{owner.key}")).to_be_checked()
    expected = live_commitments_of(owner)
    expect(page.locator("#results-heading")).to_have_text(words["count"].format(count=expected))
    expect(page.locator(".tracker-list > li")).to_have_count(min(expected, PAGE_SIZE))
    if viewport == "phone":
        no_horizontal_scroll(page)
    shoot(page, journey, f"04-tracker-by-organization-{language}")
