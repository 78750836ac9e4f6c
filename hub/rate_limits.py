"""Per-address rate limits on the public surfaces that cost the most or guess secrets.

One table (``LIMITED_VIEWS``) names each limited view by its URL name (Wagtail's API v2 by its
namespace), so a limit holds whatever template, link or client reaches the view; the rates are
``settings.RATELIMITS`` (one group per surface). django-ratelimit counts the requests of each
address (``hub.client_address``) in fixed windows in the shared cache. Past its limit, a visitor
gets HTTP 429 with ``Retry-After``: a JSON error for the APIs, a page in French and English for
the rest (a page-password form or a sitemap may be asked for outside any language prefix)."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

POST = ("POST",)


@dataclass(frozen=True)
class Limit:
    group: str  # the key of settings.RATELIMITS
    methods: tuple | None = ALL  # the methods counted (and limited)
    json: bool = False  # answer a JSON error rather than a page


LIMITED_VIEWS = {
    "search": Limit("search_html"),
    "search-api": Limit("search_json", json=True),
    "items-csv": Limit("casefiles_csv", json=True),
    "api-v1-item": Limit("api_items", json=True),
    "search-feed": Limit("feeds"),
    "sitemap": Limit("sitemap"),
    "sitemap-section": Limit("sitemap"),
    "citations:cite": Limit("cite"),
    "sharing:image": Limit("share_image"),
    # Wagtail's form for pages protected by a password: each POST is a guess.
    "wagtailcore_authenticate_with_password": Limit("page_password", methods=POST),
    # Each POST may send an e-mail.
    "wagtailadmin_password_reset": Limit("password_reset", methods=POST),
}
API_V2_NAMESPACE = "wagtailapi"
API_V2_LIMIT = Limit("api_v2", json=True)
# What the API's own answers expose to other origins, so a script there can read the wait.
CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After"}


def limit_for(resolver_match):
    if resolver_match is None:
        return None
    if resolver_match.namespaces and resolver_match.namespaces[0] == API_V2_NAMESPACE:
        return API_V2_LIMIT
    return LIMITED_VIEWS.get(resolver_match.view_name)


def wait_message(seconds):
    return ngettext(
        "Too many requests from your address. Try again in %(seconds)d second.",
        "Too many requests from your address. Try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


def too_many_json(seconds):
    response = JsonResponse({"errors": {"rate_limit": [wait_message(seconds)]}}, status=429)
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def too_many_page(request, seconds):
    """The page in the visitor's language first, then in the other one."""
    current = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    codes = [code for code, _name in settings.LANGUAGES]
    ordered = [current, *[code for code in codes if code != current]] if current in codes else codes
    versions = []
    for code in ordered:
        with translation.override(code):
            versions.append(
                {
                    "language": code,
                    "title": gettext("Too many requests"),
                    "message": wait_message(seconds),
                    "home": f"/{code}/",
                    "home_label": gettext("Go to the home page"),
                }
            )
    html = render_to_string("429.html", {"versions": versions})
    return HttpResponse(html, status=429, content_type="text/html; charset=utf-8")


class RateLimitMiddleware:
    """Counts each request to a limited view against its client's address, and answers 429
    instead of the view once the address is past the limit of that view's group."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limit = limit_for(request.resolver_match)
        if limit is None:
            return None
        return refusal(request, limit)


def refusal(request, limit):
    """The 429 answer when ``request`` is past ``limit`` (counting it), else None. The middleware
    asks it for the views it names; a page's own routes (a form served by a Wagtail page, which
    every page shares one view with) ask it themselves."""
    usage = get_usage(
        request,
        group=limit.group,
        key="ip",
        rate=settings.RATELIMITS[limit.group],
        method=limit.methods,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:  # off, another method, or within the limit
        return None
    seconds = max(1, usage["time_left"])
    response = too_many_json(seconds) if limit.json else too_many_page(request, seconds)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response
