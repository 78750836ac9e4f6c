"""Real-browser tests: Playwright for Python driving Debian's Chromium against a live server.

Fixtures:
- ``browser``: one headless Chromium for the session. Missing Chromium or Playwright is a
  skip with the reason printed in the summary, or a failure when ``VIGIE_BROWSER_TESTS=required``
  (``.ci/run`` sets it: in CI a missing browser must never pass silently).
- ``live_site``: the live server with fictional content in both languages
  (``tests/browser/content.py``); ``live_site.url(name, language)`` gives an absolute URL for a
  page name of that content or a URL name ("search", "open-data", "data-dictionary").
- ``open_page(viewport="phone"|"desktop"|(w, h), javascript=True, language="fr")``: a new
  page in a fresh browser context (no shared cookies), closed after the test.
- ``shoot(page, journey, step)``: a full-page screenshot in ``SCREENSHOT_DIR``, named
  ``<journey>/<step>-<viewport>.png``; CI keeps the folder.
- ``audit(page)`` in ``tests/browser/axe.py`` runs axe-core.
"""

import copy
import os
import re
import threading
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import reverse
from django.utils import translation

from tests.database import copy_aside, copy_back

# Playwright's synchronous API runs an event loop in this thread; Django would take the test's
# own database calls for calls from async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("VIGIE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
REQUIRED = os.environ.get("VIGIE_BROWSER_TESTS") == "required"
SCREENSHOT_DIR = Path(
    os.environ.get("VIGIE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "artifacts" / "screenshots")
)
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def _unavailable(reason):
    if REQUIRED:
        pytest.fail(f"Browser tests are required here (VIGIE_BROWSER_TESTS=required): {reason}")
    pytest.skip(f"Browser tests skipped: {reason}. Install it with `apt-get install chromium`.")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")

    # Playwright's sync API runs the test in a greenlet with its own context, where Django would
    # open a new connection object: one without the serialized contents that
    # ``serialized_rollback`` restores when the test database was set up by earlier tests.
    connection = connections[DEFAULT_DB_ALIAS]
    with sync_playwright() as playwright:
        connections[DEFAULT_DB_ALIAS] = connection
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def pytest_terminal_summary(terminalreporter):
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "Browser tests skipped" in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_sep(
            "!", f"{len(skipped)} browser tests were SKIPPED: no Chromium here (apt-get install chromium)"
        )


class LiveSite:
    def __init__(self, base_url, content):
        self.base_url = base_url.rstrip("/")
        self.content = content

    def path(self, name, language="fr"):
        if name in self.content.paths:
            return self.content.paths[name][language]
        with translation.override(language):
            return reverse(name)

    def url(self, name, language="fr", query=""):
        return f"{self.base_url}{self.path(name, language)}{query}"

    def absolute(self, path):
        return f"{self.base_url}{path}"


@pytest.fixture
def live_site(browser, django_db_serialized_rollback, live_server):
    """The content is built after the browser is known to exist, so a skip costs nothing.
    ``serialized_rollback`` gives the vocabulary and roles of the data migrations back to the
    tests that run after this one (a live server needs a transactional database, which is
    emptied after each test)."""
    from tests.browser.content import build_browser_content

    _serialize_requests(live_server)
    yield LiveSite(live_server.url, _restored(build_browser_content))
    _wait_for_requests_to_end()


_snapshots = {}


def _restored(build):
    """What ``build()`` makes, built once per test process: on SQLite the database it leaves is
    copied aside (SQLite's backup, milliseconds) and copied back before each later test, so each
    test starts from the same content, ids included, as if it had been built again for it. The
    content object is copied too: a test may change the pages it holds. Elsewhere (a developer's
    PostgreSQL) each test builds its own."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "sqlite":
        return build()
    if build not in _snapshots:
        content = build()
        _snapshots[build] = (copy_aside(connection), content)
    else:
        snapshot, content = _snapshots[build]
        copy_back(snapshot, connection)
        cache.clear()
    return copy.deepcopy(content)


def _serialize_requests(live_server):
    """Serve one request at a time. The request threads share the test's in-memory SQLite
    connection, so two requests at once (the admin's background requests beside a form's
    submission) would open a transaction inside another's. Each response is read whole inside the
    lock, so a streamed body does not reach the database after the lock is released."""
    server = live_server.thread.httpd
    if getattr(server, "serialized", False):
        return
    app = server.get_app()
    lock = threading.Lock()

    def serialized(environ, start_response):
        with lock:
            response = app(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                if hasattr(response, "close"):
                    response.close()
        return [body]

    server.set_app(serialized)
    server.serialized = True


def _wait_for_requests_to_end(timeout=10):
    """The live server's request threads share the test's in-memory SQLite connection: a request
    still being served (a page closed mid-load, a late fetch) would run its transaction inside
    the next test's database setup. Wait for them after the test's pages are closed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any("process_request_thread" in thread.name for thread in threading.enumerate()):
            return
        time.sleep(0.02)


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(viewport="phone", javascript=True, language="fr"):
        size = (
            VIEWPORTS[viewport]
            if isinstance(viewport, str)
            else dict(zip(("width", "height"), viewport, strict=True))
        )
        context = browser.new_context(
            viewport=size,
            java_script_enabled=javascript,
            locale="fr-CA" if language == "fr" else "en-CA",
        )
        contexts.append(context)
        page = context.new_page()
        page.viewport_name = viewport if isinstance(viewport, str) else "{width}x{height}".format(**size)
        return page

    yield open_
    for context in contexts:
        context.close()


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.fixture
def shoot():
    def shoot_(page, journey, step):
        path = SCREENSHOT_DIR / _slug(journey) / f"{_slug(step)}-{page.viewport_name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
        return path

    return shoot_
