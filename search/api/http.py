"""What every answer of the open API shares: CORS, validators and conditional answers, content
and language negotiation, and the shape of errors."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from ..backends.bitmaps import current_token

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_SEARCH_LOCALE = "fr"
CACHE_CONTROL = "public, max-age=60"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Disposition",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
STATE_CACHE_KEY = "search:api-v1:index-state"
LOADED_AT = timezone.now().replace(microsecond=0)


def with_cors(response):
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def index_state():
    """``(token, since)``: the search index's state token and when it was first seen, never
    earlier than when this code was loaded (a deploy may change what the answers look like)."""
    token = current_token()
    seen = cache.get(STATE_CACHE_KEY)
    if seen is None or seen[0] != token:
        seen = (token, timezone.now().replace(microsecond=0))
        cache.set(STATE_CACHE_KEY, seen, None)
    return token, max(seen[1], LOADED_AT)


def digest(*parts):
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:32]


def conditional(request, response, etag, last_modified):
    """``response`` with its validators and caching headers, or 304 when the client's copy is current."""
    timestamp = int(last_modified.timestamp())
    response["ETag"] = etag
    response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = CACHE_CONTROL
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)


def render_json(data):
    return JSONRenderer().render(data)


def cacheable_json(request, data, last_modified):
    body = render_json(data)
    response = HttpResponse(body, content_type="application/json")
    return conditional(request, response, quote_etag(hashlib.sha256(body).hexdigest()[:32]), last_modified)


def error_json(status, errors):
    """``{"errors": {parameter: [message, ...]}}``; messages are in the negotiated language."""
    response = HttpResponse(render_json({"errors": errors}), status=status, content_type="application/json")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def language_errors():
    return [_("Choose one of: %(languages)s.") % {"languages": ", ".join(LANGUAGE_CODES)}]


def requested_language(request):
    """``(language, errors)``: ``?lang=`` if given, else the first interface language the
    ``Accept-Language`` header names, else French."""
    if "lang" in request.GET:
        value = request.GET["lang"]
        if value in LANGUAGE_CODES:
            return value, None
        return None, language_errors()
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        base = tag.split("-")[0]
        if base in LANGUAGE_CODES:
            return base, None
    return settings.LANGUAGE_CODE[:2], None


class LenientNegotiation(DefaultContentNegotiation):
    """Answer in the view's first format when ``Accept`` or ``?format=`` names none it has: a
    public read API does not refuse a request for the way it words ``Accept``."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except (NotAcceptable, Http404):
            return renderers[0], renderers[0].media_type


class OpenMixin:
    """Read-only, anonymous, CORS-open; OPTIONS answers a CORS preflight."""

    http_method_names = ["get", "head", "options"]
    authentication_classes = []
    permission_classes = [AllowAny]
    content_negotiation_class = LenientNegotiation

    def options(self, request, *args, **kwargs):
        response = HttpResponse(status=204)
        response["Allow"] = ALLOWED_METHODS
        for name, value in PREFLIGHT_HEADERS.items():
            response[name] = value
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        return with_cors(super().finalize_response(request, response, *args, **kwargs))
