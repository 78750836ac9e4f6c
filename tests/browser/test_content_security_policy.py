"""The Content-Security-Policy in a real browser: zero violations (``securitypolicyviolation``
events and the console's "Refused to…" errors) on every public page type in both languages,
the search applying a filter with JavaScript, a case file shown to an editor with Wagtail's
userbar and its checks open, the API documentation (Swagger UI), and the admin's edit page with
its preview. Finding 9 of issue 12."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser.test_accessibility_audit import AUDITED_PAGES
from tests.factories import role_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Runs before any script of each document (a Playwright init script is not subject to the page's
# policy); violations inside the userbar's shadow DOM are composed events and reach the document.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber} `
    + `(${(event.sample || "").slice(0, 80)})`
  );
}, true);
"""


class ViolationRecorder:
    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on(
            "console",
            lambda message: (
                self.console.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )

    def take(self):
        """Everything recorded on the current document since the last call."""
        events = self.page.evaluate("window.__cspViolations.splice(0)")
        console, self.console = self.console, []
        return events + console


def visit(recorder, url, found, name):
    response = recorder.page.goto(url)
    assert response.headers.get("content-security-policy"), f"no policy on {url}"
    recorder.page.wait_for_load_state("networkidle")
    violations = recorder.take()
    if violations:
        found[f"{name} ({url})"] = violations


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_public_page_breaks_the_policy(live_site, open_page, language):
    page = open_page("desktop", language=language)
    recorder = ViolationRecorder(page)
    found = {}
    for name, url_for in AUDITED_PAGES.items():
        visit(recorder, url_for(live_site, language), found, name)
    visit(recorder, live_site.absolute(f"/{language}/?kiosk=1"), found, "kiosk home")
    assert not found, found


def test_the_search_applies_a_filter_with_javascript_under_the_policy(live_site, open_page):
    page = open_page("desktop")
    recorder = ViolationRecorder(page)
    page.goto(live_site.url("search", "fr"))
    before = page.locator("#results-heading").inner_text()
    page.get_by_role("checkbox", name=re.compile("^Montréal")).check()
    # search.js fetched the page and swapped the results in place: the count changed.
    expect(page.locator("#results-heading")).not_to_have_text(before)
    expect(page).to_have_url(re.compile(r"region=montreal"))
    assert recorder.take() == []


def test_the_api_documentation_works_under_the_policy(live_site, open_page):
    page = open_page("desktop")
    recorder = ViolationRecorder(page)
    page.goto(live_site.absolute("/api/v1/docs/"))
    # Swagger UI ran its start-up script, fetched the schema and drew the operations.
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    expect(page.get_by_text("/api/v1/search/").first).to_be_visible()
    assert recorder.take() == []


def test_the_userbar_and_its_checks_work_under_the_public_policy(live_site, open_page, live_server):
    page = open_page("desktop")
    log_in(page, live_server, role_user("Community editors", "editrice"))
    recorder = ViolationRecorder(page)
    page.goto(live_site.url("casefile", "fr"))
    trigger = page.locator("wagtail-userbar").locator("#wagtail-userbar-trigger")
    expect(trigger).to_be_visible()
    trigger.click()
    page.locator("wagtail-userbar").locator("#checker-trigger").click()
    expect(page.locator("wagtail-userbar").locator("#checker-results")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert recorder.take() == []


def test_the_admin_edit_page_and_its_preview_work_under_the_admin_policy(live_site, open_page, live_server):
    page = open_page("desktop", language="en")
    log_in(page, live_server, role_user(None, "administratrice"))
    recorder = ViolationRecorder(page)
    casefile = live_site.content.pages["casefile"]["fr"]
    page.goto(live_site.absolute(f"/admin/pages/{casefile.pk}/edit/"))
    expect(page.locator("#id_title")).to_have_value(casefile.title)
    page.wait_for_load_state("networkidle")
    # The preview side panel frames the page's preview, an admin address (frame-ancestors 'self').
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(casefile.title, timeout=15_000)
    page.wait_for_load_state("networkidle")
    assert recorder.take() == []
