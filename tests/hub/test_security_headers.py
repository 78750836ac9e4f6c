"""Content-Security-Policy and Permissions-Policy on every kind of page (public, API, admin), and
public HTML that needs no exception to the policy: no inline style, no inline script without
the response's nonce, nothing from another host. Finding 9 of issue 12."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from tests.browser.content import build_browser_content
from tests.factories import role_user

pytestmark = pytest.mark.django_db

# Scripts the browser never runs (HTML's "data blocks"): CSP does not govern them.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
DENIED_FEATURES = [
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "browsing-topics",
    "interest-cohort",
]


def policy(response, header="Content-Security-Policy"):
    """``{directive: [sources]}`` of the response's policy (empty when there is none)."""
    value = response.headers.get(header, "")
    parts = (part.split() for part in value.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def foreign_sources(directives):
    """Every source that names a host (or a scheme beyond data: and blob:)."""
    allowed = re.compile(r"^('self'|'none'|'unsafe-inline'|'nonce-[A-Za-z0-9+/=]+'|data:|blob:)$")
    return [
        (name, source)
        for name, sources in directives.items()
        for source in sources
        if not allowed.match(source)
    ]


def nonce_of(directives):
    for source in directives.get("script-src", []):
        if source.startswith("'nonce-"):
            return source[len("'nonce-") : -1]
    return None


class InlineCodeFinder(HTMLParser):
    """Whatever in a page the public policy would refuse: inline styles, style attributes,
    event-handler attributes, javascript: addresses, inline scripts without the nonce, and
    scripts, styles, images or frames from another host."""

    def __init__(self, host, nonce):
        super().__init__(convert_charrefs=True)
        self.host, self.nonce, self.problems = host, nonce, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        text = self.get_starttag_text()[:160]
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"style attribute: {text}")
            if name.startswith("on"):
                self.problems.append(f"event handler attribute: {text}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: address: {text}")
        carries_nonce = self.nonce is not None and attributes.get("nonce") == self.nonce
        if tag == "style" and not carries_nonce:
            self.problems.append(f"<style> without the nonce: {text}")
        if tag == "script" and not attributes.get("src"):
            kind = (attributes.get("type") or "text/javascript").lower()
            if kind not in DATA_SCRIPT_TYPES and not carries_nonce:
                self.problems.append(f"inline <script> without the nonce: {text}")
        address = attributes.get("src") if tag in ("script", "img", "iframe") else None
        if tag == "link" and "stylesheet" in (attributes.get("rel") or ""):
            address = attributes.get("href")
        if address and urlsplit(address).netloc not in ("", self.host):
            self.problems.append(f"loaded from another host: {text}")


def refused_by_policy(response):
    finder = InlineCodeFinder("testserver", nonce_of(policy(response)))
    finder.feed(response.content.decode())
    return finder.problems


def public_urls(content):
    """Every public page type in both languages, as the browser tests build them."""
    urls = []
    for language in ("fr", "en"):
        urls += [paths[language] for paths in content.paths.values()]
        with translation.override(language):
            urls += [
                reverse("search") + "?region=montreal&risk=discrimination",
                reverse("search") + "?region=montreal&page_size=1&page=2",
                reverse("search-visualize") + "?region=montreal",
                reverse("overview"),
                reverse("open-data"),
                reverse("data-dictionary"),
                reverse("glossary"),
            ]
        urls.append(f"/{language}/page-qui-n-existe-pas/")
    return urls + ["/fr/?kiosk=1", "/api/v1/docs/"]


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back after its last test (each test
    runs in a savepoint inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_browser_content()
        transaction.set_rollback(True)


@pytest.fixture
def editor(content):
    return role_user("Community editors", "editrice")


def assert_public_policy(directives, url):
    assert directives, f"no Content-Security-Policy on {url}"
    assert directives["frame-ancestors"] == ["'none'"], url
    assert directives["object-src"] == ["'none'"], url
    assert directives["base-uri"] == ["'self'"], url
    assert directives["form-action"] == ["'self'"], url
    assert directives["default-src"] == ["'self'"], url
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name], (url, name)
        assert "'unsafe-eval'" not in directives[name], (url, name)
    assert "'unsafe-inline'" not in sum(directives.values(), []), url
    assert not foreign_sources(directives), (url, foreign_sources(directives))


def test_every_public_page_has_the_strict_policy(client, content):
    for url in public_urls(content):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        assert_public_policy(policy(response), url)
        # Only Swagger UI draws its icons as data: images.
        expected_images = ["'self'", "data:"] if url == "/api/v1/docs/" else ["'self'"]
        assert policy(response)["img-src"] == expected_images, url


def test_public_pages_shown_to_a_logged_in_editor_keep_the_strict_policy(client, content, editor):
    """The userbar is Wagtail's admin on a public page: the public policy still applies there."""
    client.force_login(editor)
    response = client.get(content.paths["casefile"]["fr"])
    assert b"wagtail-userbar" in response.content
    assert_public_policy(policy(response), "casefile with the userbar")


def test_no_public_page_holds_anything_the_policy_refuses(client, content, editor):
    problems = {}
    for url in public_urls(content):
        found = refused_by_policy(client.get(url))
        if found:
            problems[url] = found
    client.force_login(editor)
    for url in (content.paths["casefile"]["fr"], content.paths["home"]["en"]):
        found = refused_by_policy(client.get(url))
        if found:
            problems[f"{url} (with the userbar)"] = found
    assert not problems, problems


def test_the_scanner_sees_what_the_policy_refuses():
    """The page scan above can fail: each refused construct is reported, a nonce-carrying one is not."""
    finder = InlineCodeFinder("testserver", "abc")
    finder.feed(
        '<p style="color:red">x</p><style>p{}</style><script>alert(1)</script>'
        '<script nonce="abc">ok()</script><script type="application/ld+json">{}</script>'
        '<img src="https://tracker.example/p.gif" onload="x()"><a href="javascript:alert(1)">a</a>'
        '<style nonce="abc"></style><script src="/static/a.js"></script>'
    )
    assert len(finder.problems) == 6, finder.problems


def test_the_api_answers_carry_both_policies(client, content):
    for url in ("/api/v1/search/", "/api/v1/casefiles.csv", "/api/v2/pages/", "/api/v1/schema/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_public_policy(policy(response), url)
        assert_features_denied(response, url)


def test_the_api_documentation_runs_its_script_from_a_file(client, content):
    """Swagger UI keeps working under the policy: its start-up script is a separate, same-site
    file that points at the schema."""
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    scripts = re.findall(r'<script src="([^"]+)"', page.content.decode())
    assert any("swagger-ui-bundle" in src for src in scripts)
    start_up = [src for src in scripts if "script" in urlsplit(src).query]
    assert len(start_up) == 1, scripts
    script = client.get(start_up[0])
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()
    assert reverse("api-v1-schema") in script.content.decode()


def test_the_admin_has_its_own_policy_without_other_hosts(client, content, editor):
    casefile = content.pages["casefile"]["fr"]
    client.force_login(editor)
    for url in ("/admin/", f"/admin/pages/{casefile.pk}/edit/", "/admin/login/"):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        directives = policy(response)
        assert directives, f"no Content-Security-Policy on {url}"
        assert directives["object-src"] == ["'none'"], url
        assert directives["frame-ancestors"] == ["'self'"], url
        assert directives["base-uri"] == ["'self'"], url
        assert directives["form-action"] == ["'self'"], url
        assert "'unsafe-eval'" not in directives["script-src"], url
        assert not foreign_sources(directives), (url, foreign_sources(directives))
        assert_features_denied(response, url)


def test_admin_previews_have_the_admin_policy(client, content, editor):
    """Wagtail renders previews (the edit form's preview panel, a revision's view) through the
    page's public address, a dummy request that gets the public policy and its frame-ancestors
    'none': the admin's preview panel could not frame it."""
    casefile = content.pages["casefile"]["fr"]
    client.force_login(editor)
    response = client.get(f"/admin/pages/{casefile.pk}/revisions/{casefile.latest_revision_id}/view/")
    assert response.status_code == 200
    assert casefile.title in response.content.decode()
    assert policy(response)["frame-ancestors"] == ["'self'"]


def assert_features_denied(response, url):
    header = response.headers.get("Permissions-Policy", "")
    features = dict(part.strip().split("=", 1) for part in header.split(",") if "=" in part)
    for feature in DENIED_FEATURES:
        assert features.get(feature) == "()", (url, feature, header)


def test_public_pages_deny_the_browser_features_the_hub_never_uses(client, content):
    for url in (content.paths["home"]["fr"], content.paths["casefile"]["en"], "/fr/page-qui-n-existe-pas/"):
        assert_features_denied(client.get(url), url)


def test_no_admin_page_calls_gravatar(client, content):
    """With Gravatar on, every admin page asked gravatar.com for the user's avatar, telling it
    who works on the hub and when."""
    client.force_login(role_user(None, "administratrice", email="admin@example.org"))
    casefile = content.pages["casefile"]["fr"]
    for url in ("/admin/", "/admin/account/", f"/admin/pages/{casefile.pk}/edit/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"gravatar" not in response.content.lower(), url
