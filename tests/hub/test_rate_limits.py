"""Per-address rate limits: each limited surface answers 429 with Retry-After once one address
is past its limit, while another address is still served; APIs answer JSON, pages answer in
French and English; X-Forwarded-For counts only behind the number of proxies configured."""

import json

import pytest
from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from hub.client_address import client_address
from tests.factories import CaseFilePageFactory, PageViewRestrictionFactory

pytestmark = pytest.mark.django_db

LIMIT = 3
FIRST, SECOND = "203.0.113.10", "203.0.113.20"
GROUPS = (
    "search_html",
    "search_json",
    "casefiles_csv",
    "api_items",
    "api_v2",
    "feeds",
    "sitemap",
    "cite",
    "share_image",
    "page_password",
    "password_reset",
)


@pytest.fixture
def low_limits(settings):
    """Three requests an hour per address for every group: an hour, so that no window ends
    during a test."""
    settings.RATELIMITS = dict.fromkeys(GROUPS, f"{LIMIT}/h")
    return settings


@pytest.fixture
def casefile(site_pages):
    return CaseFilePageFactory(title="Dossier limité")


@pytest.fixture
def protected(site_pages):
    page = CaseFilePageFactory(title="Dossier protégé")
    return page, PageViewRestrictionFactory(page=page)


def password_form_url(protected):
    page, restriction = protected
    with translation.override("fr"):
        return reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def surfaces(casefile, protected):
    """``(name, method, path, data, answers_json)`` of every limited surface."""
    item = casefile.public_id
    return [
        ("search page", "get", "/fr/recherche/", {"q": "dossier"}, False),
        ("search page (en)", "get", "/en/search/", {}, False),
        ("search JSON", "get", "/api/v1/search/", {"q": "dossier"}, True),
        ("CSV", "get", "/api/v1/casefiles.csv", {"service": "sante"}, True),
        ("item API v1", "get", f"/api/v1/items/{item}/", {}, True),
        ("API v2 pages", "get", "/api/v2/pages/", {}, True),
        ("API v2 images", "get", "/api/v2/images/", {}, True),
        ("feed", "get", "/fr/recherche/flux/", {}, False),
        ("sitemap", "get", "/sitemap.xml", {}, False),
        ("sitemap section", "get", "/sitemap-casefiles.xml", {}, False),
        ("cite", "get", f"/cite/{item}/", {}, False),
        ("share image", "get", f"/fr/share/{item}.png", {}, False),
        ("page password", "post", password_form_url(protected), {"password": "devine"}, False),
        ("password reset", "post", "/admin/password_reset/", {"email": "quelquun@example.org"}, False),
    ]


def ask(client, method, path, data, address):
    response = getattr(client, method)(path, data, REMOTE_ADDR=address)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


def test_every_limited_surface_answers_429_past_its_limit_for_that_address_only(
    client, low_limits, casefile, protected
):
    for name, method, path, data, answers_json in surfaces(casefile, protected):
        cache.clear()  # some surfaces share a group (both languages, sitemap files, API v2)
        for _ in range(LIMIT):
            assert ask(client, method, path, data, FIRST).status_code < 400, name
        refused = ask(client, method, path, data, FIRST)
        other = ask(client, method, path, data, SECOND)

        assert refused.status_code == 429, name
        assert 0 < int(refused["Retry-After"]) <= 3600, name
        assert other.status_code < 400, name
        if answers_json:
            assert refused["Content-Type"] == "application/json", name
            assert list(json.loads(refused.content)["errors"]) == ["rate_limit"], name
        else:
            assert refused["Content-Type"].startswith("text/html"), name


def test_surfaces_without_a_limit_are_not_counted(client, low_limits, casefile):
    for _ in range(LIMIT + 2):
        assert client.get(casefile.url, REMOTE_ADDR=FIRST).status_code == 200
        assert client.get("/api/v1/schema/", REMOTE_ADDR=FIRST).status_code == 200


def test_a_page_password_guess_past_the_limit_is_refused_but_reading_the_form_is_not(
    client, low_limits, protected
):
    url = password_form_url(protected)
    page, _restriction = protected
    for _ in range(LIMIT):
        assert (
            client.post(url, {"password": "devine", "return_url": page.url}, REMOTE_ADDR=FIRST).status_code
            == 200
        )
    assert client.post(url, {"password": "devine"}, REMOTE_ADDR=FIRST).status_code == 429
    # The right password is refused too: the limit counts guesses, not failures.
    right = client.post(url, {"password": "mot-de-passe-fictif", "return_url": page.url}, REMOTE_ADDR=FIRST)
    assert right.status_code == 429
    assert client.get(page.url, REMOTE_ADDR=FIRST).status_code == 200  # the form itself is still shown


def test_the_json_error_is_in_the_requested_language_and_readable_cross_origin(client, low_limits):
    for _ in range(LIMIT):
        client.get("/api/v1/search/", REMOTE_ADDR=FIRST)
    response = client.get("/api/v1/search/", REMOTE_ADDR=FIRST, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    [message] = response.json()["errors"]["rate_limit"]
    assert message.startswith("Too many requests from your address. Try again in ")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in response["Access-Control-Expose-Headers"]


def test_the_page_says_it_in_french_and_in_english_the_visitors_language_first(client, low_limits):
    for _ in range(LIMIT):
        client.get("/en/search/", REMOTE_ADDR=FIRST)
    html = client.get("/en/search/", REMOTE_ADDR=FIRST).content.decode()

    assert '<html lang="en">' in html
    assert "Too many requests from your address." in html
    assert "Trop de requêtes depuis votre adresse." in html
    assert html.index('<section lang="en">') < html.index('<section lang="fr">')


def test_a_request_without_a_connection_address_is_limited_not_failed(client, low_limits):
    for _ in range(LIMIT):
        assert client.get("/api/v1/search/", REMOTE_ADDR="").status_code == 200
    assert client.get("/api/v1/search/", REMOTE_ADDR="").status_code == 429


def test_the_switch_turns_every_limit_off(client, low_limits):
    low_limits.RATELIMIT_ENABLE = False
    for _ in range(LIMIT + 2):
        assert client.get("/api/v1/search/", REMOTE_ADDR=FIRST).status_code == 200


def test_a_forwarded_address_is_ignored_without_a_proxy_count(client, low_limits, settings):
    settings.AXES_IPWARE_PROXY_COUNT = None
    for number in range(LIMIT):
        client.get("/api/v1/search/", REMOTE_ADDR=FIRST, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    # A new X-Forwarded-For does not make a new visitor: the connection's address is counted.
    assert (
        client.get("/api/v1/search/", REMOTE_ADDR=FIRST, HTTP_X_FORWARDED_FOR="198.51.100.99").status_code
        == 429
    )


def test_behind_one_proxy_the_address_it_forwards_is_counted(client, low_limits, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for number in range(LIMIT):
        # The client wrote the first address itself; the proxy appended the one it saw.
        client.get("/api/v1/search/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, {FIRST}")

    assert (
        client.get("/api/v1/search/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"9.9.9.9, {FIRST}").status_code
        == 429
    )
    assert client.get("/api/v1/search/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=SECOND).status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (None, "198.51.100.7", "10.0.0.1"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.1"),  # shorter than the chain: not through every proxy
    ],
)
def test_axes_and_the_rate_limits_read_the_same_address(settings, proxies, forwarded, expected):
    settings.AXES_IPWARE_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == expected
    assert get_client_ip_address(request) == expected
