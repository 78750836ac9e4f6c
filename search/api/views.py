"""The open API, version 1 (``/api/v1/``): the search, the CSV export of case files and one item.

Read-only (GET, HEAD, OPTIONS; anything else gets 405), open to every origin (CORS, without
credentials) and cacheable: answers carry ``ETag``, ``Last-Modified`` and ``Cache-Control``, and a
conditional request whose copy is current gets 304.

drf-spectacular describes it from this code: the serializers below describe every answer (the
views build plain dicts; the tests check the answers against the schema), and the query
parameters are read from ``SearchFilterSet`` and the vocabulary each time the schema is asked
for, so the description cannot drift from what is validated. The schema is served at
``/api/v1/schema/`` and shown at ``/api/v1/docs/`` (Swagger UI from the sidecar's static files).

Validators. ``ETag``: a hash of the JSON body itself (exact), or for the streamed CSV a hash of
the search index's state token, the columns and the validated query. ``Last-Modified``: when the
current state token was first seen (kept in the cache; a cold cache or a deploy only makes it
later). Every change that reaches the public (publishing, unpublishing, privacy, moves, taxonomy,
organization and testimony edits) re-indexes the items concerned, and every index write sets a
new token, so the time moves on whenever something may have changed; for an item it is never
earlier than the item's last publication. HTTP dates count whole seconds: ``If-None-Match`` is
the exact one.
"""

import functools
import hashlib
import re

from csp.decorators import csp_update
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    StreamingHttpResponse,
)
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt
from django_filters import ChoiceFilter, MultipleChoiceFilter
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from advocacy.models import AdvocacyBriefPage
from hub import csv_cells
from hub.items import public_pages
from hub.models import Organization, Region, Risk, Service, term_labels
from impacts.interchange import COLUMNS
from impacts.models import CaseFilePage

from .backends.bitmaps import current_token
from .casefiles_csv import casefile_rows, current_open_data_file, is_unfiltered
from .documents import ITEM_TYPES, item_model, item_type_of, publishable
from .filters import MAX_QUERY_LENGTH, SearchFilterSet
from .requests import page_out_of_range, parse_request
from .service import HubSearch
from .vocabulary import FACETS, facet_vocabulary

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_SEARCH_LOCALE = "fr"
CSV_DISPOSITION = 'attachment; filename="vigie-ia-casefiles.csv"'
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
TYPE_BY_PREFIX = {item_model(item_type).id_prefix: item_type for item_type in ITEM_TYPES}
# ASCII digits and the whole string: Python's ``\d`` and ``$`` are looser than the schema's regex.
PUBLIC_ID_PATTERN = rf"^({'|'.join(TYPE_BY_PREFIX)})-[0-9]{{4}}-[0-9]{{4,}}$"
PUBLIC_ID_FORMAT = re.compile(PUBLIC_ID_PATTERN.strip("^$"), re.ASCII)


# --- Answers: CORS, validators, errors ---------------------------------------------------------


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


# --- Views: the common ground ------------------------------------------------------------------


class LenientNegotiation(DefaultContentNegotiation):
    """Answer in the view's first format when ``Accept`` or ``?format=`` names none it has: a
    public read API does not refuse a request for the way it words ``Accept``."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except (NotAcceptable, Http404):
            return renderers[0], renderers[0].media_type


def response_headers(status_codes):
    """The headers every successful (or not modified) answer carries, for the schema."""
    headers = [
        ("ETag", "Validator for `If-None-Match`."),
        ("Last-Modified", "Validator for `If-Modified-Since`."),
        ("Cache-Control", f"`{CACHE_CONTROL}`."),
    ]
    return [
        OpenApiParameter(
            name,
            OpenApiTypes.STR,
            OpenApiParameter.HEADER,
            required=True,
            response=status_codes,
            description=description,
        )
        for name, description in headers
    ]


CORS_HEADER_PARAMETER = OpenApiParameter(
    "Access-Control-Allow-Origin",
    {"type": "string", "enum": ["*"]},
    OpenApiParameter.HEADER,
    required=True,
    response=True,
    description="Every answer may be read from any origin.",
)


class QueryParameter(OpenApiParameter):
    """A query parameter; ``allow_empty``: ``name=`` is accepted and means the default."""

    def __init__(self, *args, allow_empty=False, **kwargs):
        super().__init__(*args, location=OpenApiParameter.QUERY, **kwargs)
        self.allow_empty = allow_empty


class OpenApiV1Schema(AutoSchema):
    """Adds what is computed when the schema is asked for: the view's ``openapi_parameters()``
    (read from the filters and the vocabulary), ``allowEmptyValue`` and the response headers."""

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        dynamic = getattr(self.view, "openapi_parameters", None)
        if dynamic is not None:
            parameters += dynamic()
        return [*parameters, *response_headers([200, 304]), CORS_HEADER_PARAMETER]

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        empty = {
            parameter.name
            for parameter in self.get_override_parameters()
            if isinstance(parameter, QueryParameter) and parameter.allow_empty
        }
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query" and parameter["name"] in empty:
                parameter["allowEmptyValue"] = True
        return operation


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


class OpenApiView(OpenMixin, APIView):
    renderer_classes = [JSONRenderer]
    schema = OpenApiV1Schema()

    @classmethod
    def openapi_parameters(cls):
        return []


# --- Schema: serializers describing the answers -------------------------------------------------


def per_language(name, make_field, doc):
    """A serializer with one field per interface language (``settings.LANGUAGES``)."""
    return type(
        name, (serializers.Serializer,), {"__doc__": doc, **{code: make_field() for code in LANGUAGE_CODES}}
    )


LanguageLabels = per_language("LanguageLabels", serializers.CharField, "A label in each interface language.")
LanguageUrls = per_language(
    "LanguageUrls",
    serializers.URLField,
    "Where a reader of each interface language reads the item: its translation, or the item in "
    "its original language when it has none yet.",
)


class ErrorsSerializer(serializers.Serializer):
    """What was wrong, per parameter (``id``, ``lang``, ``page``, ``q``, ...)."""

    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class SearchHitSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Public id, e.g. `CF-2024-0001`.")
    type = serializers.ChoiceField(choices=list(ITEM_TYPES))
    title = serializers.CharField()
    url = serializers.URLField(help_text="The item as a reader of the requested `locale` reads it.")
    summary = serializers.CharField(allow_blank=True)
    locale = serializers.ChoiceField(choices=LANGUAGE_CODES, help_text="The language the item is written in.")
    services = serializers.ListField(child=serializers.CharField(), help_text="Public service keys.")
    regions = serializers.ListField(child=serializers.CharField(), help_text="Region keys.")
    risks = serializers.ListField(child=serializers.CharField(), help_text="Risk keys.")
    impact_level = serializers.IntegerField(
        allow_null=True,
        min_value=1,
        max_value=4,
        help_text="1–4, or null when not assessed or not applicable.",
    )
    status = serializers.CharField(
        help_text="The case file's or agreement's status key; `published` for briefs."
    )
    date = serializers.DateField(
        allow_null=True,
        help_text="Reported, publication or start date, else the date it went live on the hub.",
    )


class FacetValueSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(help_text="In the requested `locale`.")
    count = serializers.IntegerField(
        min_value=0, help_text="Results with this value, counted with every other facet's selection applied."
    )
    selected = serializers.BooleanField()


FacetsSerializer = type(
    "FacetsSerializer",
    (serializers.Serializer,),
    {
        "__doc__": "Per facet, the values with results (and the selected ones), in vocabulary order.",
        **{facet: FacetValueSerializer(many=True) for facet in FACETS},
    },
)


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(min_value=0)
    page = serializers.IntegerField(min_value=1)
    page_size = serializers.IntegerField(min_value=1)
    results = SearchHitSerializer(many=True)
    facets = FacetsSerializer()


class TermSerializer(serializers.Serializer):
    """A vocabulary term: its stable key and its label in each interface language."""

    key = serializers.CharField()
    labels = LanguageLabels()


class OrganizationSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField(help_text="In the language of the item's version returned.")
    kind = serializers.ChoiceField(choices=Organization.Kind.values)
    website = serializers.CharField(allow_blank=True)


class ItemDatesSerializer(serializers.Serializer):
    first_published = serializers.DateTimeField(
        allow_null=True, help_text="When this version first went live."
    )
    last_published = serializers.DateTimeField(
        allow_null=True, help_text="When this version was last published."
    )
    reported = serializers.DateField(allow_null=True, help_text="Case files: when first reported.")
    publication = serializers.DateField(allow_null=True, help_text="Briefs: publication date.")
    start = serializers.DateField(allow_null=True, help_text="Agreements: start date.")
    end = serializers.DateField(allow_null=True, help_text="Agreements: end date.")


class ItemReferenceSerializer(serializers.Serializer):
    """Another published item, in the requested language when it is translated into it."""

    id = serializers.CharField()
    type = serializers.ChoiceField(choices=list(ITEM_TYPES))
    title = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    url = serializers.URLField()


class CitedCasefileSerializer(ItemReferenceSerializer):
    pinpoint = serializers.CharField(
        allow_blank=True, help_text="Which part of the case file supports the brief."
    )


class EvidenceSourceSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True)
    url = serializers.CharField()
    publisher = serializers.CharField(allow_blank=True)
    date = serializers.DateField(allow_null=True)
    archived_url = serializers.CharField(allow_null=True, help_text="An archived copy, if one was recorded.")


class TestimonySerializer(serializers.Serializer):
    """A testimony the person agreed to see in exports; never any detail of the consent."""

    reference = serializers.CharField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES)
    text = serializers.CharField()
    plain_text = serializers.CharField(allow_blank=True)
    identification = serializers.ChoiceField(choices=["named", "pseudonym", "anonymous"])
    name = serializers.CharField(allow_blank=True, help_text="Empty for an anonymous testimony.")
    context = serializers.CharField(allow_blank=True)


class AuthorSerializer(serializers.Serializer):
    person = serializers.CharField(allow_blank=True)
    organization = OrganizationSerializer(allow_null=True)


class PartySerializer(serializers.Serializer):
    organization = OrganizationSerializer()
    role = TermSerializer()


class SignatorySerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    organization = OrganizationSerializer(allow_null=True)
    signed_on = serializers.DateField(allow_null=True)


class ItemSerializer(serializers.Serializer):
    """One published item. Every key is always present: what does not apply to the item's type
    is null or an empty list."""

    id = serializers.CharField(help_text="Public id, the same in every language.")
    type = serializers.ChoiceField(choices=list(ITEM_TYPES))
    title = serializers.CharField()
    summary = serializers.CharField()
    plain_summary = serializers.CharField(help_text="Short sentences and everyday words.")
    language = serializers.ChoiceField(
        choices=LANGUAGE_CODES,
        help_text="The language of the version returned: the one requested when the item is "
        "translated into it, otherwise its original language.",
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=LANGUAGE_CODES), help_text="Languages the item is published in."
    )
    urls = LanguageUrls()
    dates = ItemDatesSerializer()
    services = TermSerializer(many=True)
    regions = TermSerializer(many=True)
    risks = TermSerializer(many=True, help_text="Case files and briefs.")
    impact_level = TermSerializer(
        allow_null=True,
        help_text="Case files: key `1`–`4` (Directive on Automated Decision-Making) or `none` when "
        "not assessed, the keys of the search's `level` facet. Null for other types.",
    )
    status = TermSerializer(
        allow_null=True, help_text="Case files (the system) and agreements; null for briefs."
    )
    municipality = serializers.CharField(allow_null=True, help_text="Case files.")
    agency = OrganizationSerializer(
        allow_null=True, help_text="Case files: the public body using the system."
    )
    vendor = OrganizationSerializer(allow_null=True, help_text="Case files.")
    ai_system = serializers.CharField(allow_null=True, help_text="Case files.")
    decision_role = serializers.CharField(
        allow_null=True, help_text="Case files: what the system decides or assists."
    )
    automation = TermSerializer(allow_null=True, help_text="Case files: degree of automation, if recorded.")
    evidence_sources = EvidenceSourceSerializer(many=True, help_text="Case files, in the order of the page.")
    related_casefiles = ItemReferenceSerializer(many=True, help_text="Case files.")
    cited_by = ItemReferenceSerializer(many=True, help_text="Case files: published briefs citing it.")
    exportable_testimonies = TestimonySerializer(many=True, help_text="Case files.")
    version = serializers.CharField(allow_null=True, help_text="Briefs.")
    authors = AuthorSerializer(many=True, help_text="Briefs.")
    cited_casefiles = CitedCasefileSerializer(
        many=True, help_text="Briefs: published case files cited, in order."
    )
    scope = serializers.CharField(allow_null=True, help_text="Agreements.")
    citizen_role = serializers.CharField(
        allow_null=True, help_text="Agreements: the role of citizens in governance."
    )
    parties = PartySerializer(many=True, help_text="Agreements.")
    signatories = SignatorySerializer(many=True, help_text="Agreements.")


NOT_MODIFIED = OpenApiResponse(
    description="The copy named by `If-None-Match` or `If-Modified-Since` is current."
)
BAD_PARAMETERS = OpenApiResponse(ErrorsSerializer, description="A parameter is not valid; each is named.")


# --- Schema: parameters read from the filters and the vocabulary --------------------------------


@functools.cache
def whitespace_class():
    """What ``str.strip()`` removes, as the inside of a regex character class."""
    return "".join(f"\\u{code:04x}" for code in range(0x10000) if chr(code).isspace())


def text_pattern(field):
    """The strings a Django ``CharField`` accepts: no NUL character, and at most ``max_length``
    characters once the surrounding whitespace it strips is left aside."""
    length = "*" if field.max_length is None else f"{{0,{field.max_length}}}"
    margin = f"[{whitespace_class()}]*" if field.strip else ""
    return f"^{margin}[^\\x00]{length}{margin}$"


PARAMETER_DESCRIPTIONS = {
    "q": (
        'Words to find; every word must match, `"quoted words"` side by side. Case, accents, '
        f"elisions and plurals do not matter. At most {MAX_QUERY_LENGTH} characters, surrounding "
        "spaces aside."
    ),
    "type": "Item types (several are OR'd).",
    "service": "Public services (several are OR'd; facets are AND'd).",
    "region": "Regions (several are OR'd).",
    "risk": "Risks (several are OR'd).",
    "level": "Impact levels: `1`–`4` or `none` (not assessed); several are OR'd.",
    "sort": "Order of the results; by default `relevance` with words, `newest` without.",
    "locale": "Interface language the items are seen from: titles in that language where translated, "
    "facet labels in that language.",
    "page": "Page of results; past the last page the answer is 404.",
    "page_size": "Results per page.",
}


def query_defaults():
    """What an absent parameter means, read from the query ``SearchFilterSet`` builds without any."""
    filterset = SearchFilterSet({})
    filterset.is_valid()
    query = filterset.to_query(DEFAULT_SEARCH_LOCALE)
    return {"locale": query.locale, "page": query.page, "page_size": query.page_size}


def vocabulary(search_filter):
    """``[(key, description)]`` of a choice filter; labels in every interface language for facets.
    None when the database cannot answer (``check --deploy`` before any migration)."""
    try:
        choices = search_filter.extra.get("choices") or []
        keys = [str(key) for key, _label in (choices() if callable(choices) else choices)]
        facet = getattr(search_filter, "facet", None)
        if facet is None:
            return [(key, "") for key in keys]
        labels = {code: dict(facet_vocabulary(facet, code)) for code in LANGUAGE_CODES}
    except DatabaseError:
        return None
    return [(key, " / ".join(labels[code].get(key, key) for code in LANGUAGE_CODES)) for key in keys]


def filter_parameter(name, search_filter, defaults):
    """The OpenAPI query parameter that ``search_filter`` validates: type, bounds and values read
    from the filter itself."""
    description = PARAMETER_DESCRIPTIONS.get(name) or str(search_filter.label or name)
    extra = search_filter.extra
    if isinstance(search_filter, ChoiceFilter | MultipleChoiceFilter):
        values = vocabulary(search_filter)
        schema = {"type": "string"}
        if values is not None:
            schema["enum"] = [key for key, _label in values]
            if any(label for _key, label in values):
                description += "\n\n" + "\n".join(f"- `{key}`: {label}" for key, label in values)
        if isinstance(search_filter, MultipleChoiceFilter):
            schema = {"type": "array", "items": schema}
    elif issubclass(search_filter.field_class, forms.IntegerField):
        schema = {"type": "integer"}
        if extra.get("min_value") is not None:
            schema["minimum"] = extra["min_value"]
        if extra.get("max_value") is not None:
            schema["maximum"] = extra["max_value"]
    elif issubclass(search_filter.field_class, forms.CharField):
        schema = {"type": "string", "pattern": text_pattern(search_filter.field)}
    else:
        schema = {"type": "string"}
    if name in defaults:
        schema["default"] = defaults[name]
    is_list = schema["type"] == "array"
    return QueryParameter(
        name,
        schema,
        description=description,
        style="form" if is_list else None,
        explode=True if is_list else None,
        # An optional single value left empty is the default; an empty facet value is not a value.
        allow_empty=not is_list and not search_filter.extra.get("required"),
    )


def search_parameters(exclude=()):
    defaults = query_defaults()
    return [
        filter_parameter(name, search_filter, defaults)
        for name, search_filter in SearchFilterSet.base_filters.items()
        if name not in exclude
    ]


# --- Search and CSV ----------------------------------------------------------------------------


def hit_json(request, hit):
    return {
        "id": hit["public_id"],
        "type": hit["item_type"],
        "title": hit["title"],
        "url": request.build_absolute_uri(hit["url"]),
        "summary": hit["summary"],
        "locale": hit["content_locale"],
        "services": hit["services"],
        "regions": hit["regions"],
        "risks": hit["risks"],
        "impact_level": hit["impact_level"],
        "status": hit["status"],
        "date": hit["date"].isoformat() if hit["date"] else None,
    }


def past_last_page():
    return error_json(404, {"page": [_("This page is past the last page of results.")]})


class SearchView(OpenApiView):
    @classmethod
    def openapi_parameters(cls):
        return search_parameters()

    @extend_schema(
        operation_id="search",
        summary="Search published case files, briefs and agreements",
        description=(
            "The hub's faceted search. Several values of one facet are OR'd, facets are AND'd, words "
            "are AND'd with all. Facet counts are disjunctive: each facet is counted with every other "
            "selection applied but not its own. Every published item is found from both languages."
        ),
        tags=["search"],
        responses={
            200: SearchResultsSerializer,
            304: NOT_MODIFIED,
            400: BAD_PARAMETERS,
            404: OpenApiResponse(ErrorsSerializer, description="The page is past the last page of results."),
        },
    )
    def get(self, request, *args, **kwargs):
        parsed = parse_request(request, default_locale=DEFAULT_SEARCH_LOCALE)
        if parsed.errors:
            return error_json(400, parsed.errors)
        query = parsed.query
        _token, since = index_state()  # read first: a write during the search moves it on
        results = HubSearch().run(query)
        if page_out_of_range(query, results):
            return past_last_page()
        data = {
            "count": results.count,
            "page": query.page,
            "page_size": query.page_size,
            "results": [hit_json(request, hit) for hit in results.hits],
            "facets": results.facets,
        }
        return cacheable_json(request, data, since)


class Echo:
    """A file-like object whose write returns the line, for streaming CSV writer output."""

    def write(self, value):
        return value


def open_data_csv(request):
    """The unfiltered CSV from the open-data file while it is current (``search.casefiles_csv``),
    with the same caching headers as the streamed answer; None when it must be streamed."""
    snapshot = current_open_data_file()
    if snapshot is None:
        return None
    response = FileResponse(snapshot.handle, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = CSV_DISPOSITION
    answer = conditional(request, response, snapshot.etag, snapshot.last_modified)
    if answer is not response:  # 304: the file is not sent
        response.close()
    return answer


class CasefilesCsvView(OpenApiView):
    @classmethod
    def openapi_parameters(cls):
        return search_parameters(exclude=("type", "page", "page_size"))

    @extend_schema(
        operation_id="casefiles_csv",
        summary="Download matching case files as CSV",
        description=(
            "Every case file matching the search, one row per published language version, in the "
            "hub's import format (`import_casefiles` re-imports it without loss) and the order of "
            "`export_casefiles` and the open-data file (id, then French first). Columns: "
            f"`{', '.join(COLUMNS)}`. The parameters are the search's; `type` is always `casefile`, "
            "and `sort`, `page` and `page_size` are validated but every matching row is returned in "
            "that order. Without words or facets the answer is the open-data file while it is "
            "current; otherwise the rows are streamed."
        ),
        tags=["search"],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="UTF-8 CSV with a header row."),
            304: NOT_MODIFIED,
            400: BAD_PARAMETERS,
        },
    )
    def get(self, request, *args, **kwargs):
        parsed = parse_request(request, default_locale=DEFAULT_SEARCH_LOCALE)
        if parsed.errors:
            return error_json(400, parsed.errors)
        query = parsed.query.with_selection("type", ["casefile"])
        if is_unfiltered(query) and (served := open_data_csv(request)) is not None:
            return served
        token, since = index_state()
        etag = f'W/"{digest("casefiles.csv", COLUMNS, token, repr(query))}"'
        if request.method == "HEAD":  # the headers only: the export is not run
            response = StreamingHttpResponse(iter(()), content_type="text/csv; charset=utf-8")
        else:
            writer = csv_cells.Writer(Echo())

            def lines():
                yield writer.writerow(COLUMNS)
                for cells in casefile_rows(query):
                    yield writer.writerow([cells[column] for column in COLUMNS])

            response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = CSV_DISPOSITION
        return conditional(request, response, etag, since)


# --- One item ----------------------------------------------------------------------------------


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


def translated(model, pages, language):
    """Each page replaced by its public translation in ``language`` where there is one."""
    keys = [page.translation_key for page in pages]
    translations = {
        page.translation_key: page
        for page in publishable(model)
        .filter(translation_key__in=keys, locale__language_code=language)
        .select_related("locale")
    }
    return [translations.get(page.translation_key, page) for page in pages]


def labels_in_each_language(label):
    """``{language: str(label())}`` with each interface language active in turn."""
    labels = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            labels[code] = str(label())
    return labels


def taxonomy_terms(model, terms):
    """Terms as ``{"key", "labels"}``, once per key, in vocabulary order."""
    keys = {term.key for term in terms}
    tables = {code: term_labels(model, code) for code in LANGUAGE_CODES}
    ordered = [key for key in tables[LANGUAGE_CODES[0]] if key in keys]
    ordered += sorted(keys - set(ordered))
    return [
        {"key": key, "labels": {code: tables[code].get(key, key) for code in LANGUAGE_CODES}}
        for key in ordered
    ]


def choice_term(page, field_name):
    value = getattr(page, field_name, None)
    if not value:
        return None
    display = getattr(page, f"get_{field_name}_display")
    return {"key": value, "labels": labels_in_each_language(display)}


def impact_level_term(page):
    if not hasattr(page, "impact_level"):
        return None
    key = str(page.impact_level) if page.impact_level else "none"
    labels = {code: dict(facet_vocabulary("level", code)) for code in LANGUAGE_CODES}
    return {"key": key, "labels": {code: labels[code][key] for code in LANGUAGE_CODES}}


def organization_json(organization):
    if organization is None:
        return None
    return {
        "key": organization.key,
        "name": organization.name,
        "kind": organization.kind,
        "website": organization.website,
    }


def reference_json(request, page, language):
    return {
        "id": page.public_id,
        "type": item_type_of(page),
        "title": page.title,
        "language": page.locale.language_code,
        "url": request.build_absolute_uri(page.url_in(language)),
    }


def evidence_json(page):
    return [
        {
            **record,
            "date": record["date"].isoformat() if record["date"] else None,
            "archived_url": record["archived_url"] or None,
        }
        for record in page.evidence_records()
    ]


def citing_briefs(casefile):
    """Published briefs citing any language version of ``casefile``, once each."""
    briefs = (
        publishable(AdvocacyBriefPage)
        .filter(citations__casefile__translation_key=casefile.translation_key)
        .select_related("locale")
        .order_by("-publication_date", "title", "pk")
        .distinct()
    )
    unique = {}
    for brief in briefs:
        unique.setdefault(brief.translation_key, brief)
    return list(unique.values())


def casefile_fields(request, page, language):
    related = public_pages(list(page.related_casefiles.all()))
    return {
        "municipality": page.municipality,
        "agency": organization_json(page.agency),
        "vendor": organization_json(page.vendor),
        "ai_system": page.ai_system,
        "decision_role": page.decision_role,
        "automation": choice_term(page, "automation"),
        "evidence_sources": evidence_json(page),
        "related_casefiles": [
            reference_json(request, casefile, language)
            for casefile in translated(CaseFilePage, related, language)
        ],
        "cited_by": [
            reference_json(request, brief, language)
            for brief in translated(AdvocacyBriefPage, citing_briefs(page), language)
        ],
        "exportable_testimonies": page.exportable_testimonies(),
    }


def brief_fields(request, page, language):
    citations = list(page.citations.all())
    cited = {
        casefile.pk: casefile
        for casefile in publishable(CaseFilePage)
        .filter(pk__in=[citation.casefile_id for citation in citations])
        .select_related("locale")
    }
    shown = dict(zip(cited, translated(CaseFilePage, list(cited.values()), language), strict=True))
    return {
        "version": page.version,
        "authors": [
            {"person": author.person_name, "organization": organization_json(author.organization)}
            for author in page.authors.select_related("organization")
        ],
        "cited_casefiles": [
            {**reference_json(request, shown[citation.casefile_id], language), "pinpoint": citation.pinpoint}
            for citation in citations
            if citation.casefile_id in shown
        ],
    }


def agreement_fields(request, page, language):
    return {
        "scope": page.scope,
        "citizen_role": page.citizen_role,
        "parties": [
            {"organization": organization_json(party.organization), "role": choice_term(party, "role")}
            for party in page.parties.select_related("organization")
        ],
        "signatories": [
            {
                "name": signatory.name,
                "title": signatory.title,
                "organization": organization_json(signatory.organization),
                "signed_on": signatory.signed_on.isoformat() if signatory.signed_on else None,
            }
            for signatory in page.signatories.select_related("organization")
        ],
    }


TYPE_FIELDS = {
    "casefile": casefile_fields,
    "brief": brief_fields,
    "agreement": agreement_fields,
}
EMPTY_TYPE_FIELDS = {
    "municipality": None,
    "agency": None,
    "vendor": None,
    "ai_system": None,
    "decision_role": None,
    "automation": None,
    "evidence_sources": [],
    "related_casefiles": [],
    "cited_by": [],
    "exportable_testimonies": [],
    "version": None,
    "authors": [],
    "cited_casefiles": [],
    "scope": None,
    "citizen_role": None,
    "parties": [],
    "signatories": [],
}


def isoformat(value):
    return value.isoformat() if value else None


def item_json(request, page, versions, language):
    """Everything structured about ``page`` (the version returned), as ``ItemSerializer`` describes."""
    item_type = item_type_of(page)
    published_languages = {version.locale.language_code for version in versions}
    return {
        "id": page.public_id,
        "type": item_type,
        "title": page.title,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "language": page.locale.language_code,
        "languages": [code for code in LANGUAGE_CODES if code in published_languages],
        "urls": {code: request.build_absolute_uri(page.url_in(code)) for code in LANGUAGE_CODES},
        "dates": {
            "first_published": isoformat(page.first_published_at),
            "last_published": isoformat(page.last_published_at),
            "reported": isoformat(getattr(page, "first_reported", None)),
            "publication": isoformat(getattr(page, "publication_date", None)),
            "start": isoformat(getattr(page, "start_date", None)),
            "end": isoformat(getattr(page, "end_date", None)),
        },
        "services": taxonomy_terms(Service, page.services.all()),
        "regions": taxonomy_terms(Region, page.regions.all()),
        "risks": taxonomy_terms(Risk, page.risks.all()) if hasattr(page, "risks") else [],
        "impact_level": impact_level_term(page),
        "status": choice_term(page, "status"),
        **EMPTY_TYPE_FIELDS,
        **TYPE_FIELDS[item_type](request, page, language),
    }


def item_versions(public_id):
    """The public versions of the item ``public_id`` (one per language), the original first."""
    model = item_model(TYPE_BY_PREFIX[public_id[:2]])
    return list(publishable(model).filter(public_id=public_id).select_related("locale").order_by("pk"))


def published_examples():
    """One published id per item type, for the schema's examples (none before any migration)."""
    examples = []
    try:
        for item_type in ITEM_TYPES:
            ids = publishable(item_model(item_type)).order_by("public_id").values_list("public_id", flat=True)
            public_id = ids.first()
            if public_id:
                examples.append(OpenApiExample(item_type, value=public_id))
    except DatabaseError:
        return []
    return examples


class ItemView(OpenApiView):
    @classmethod
    def openapi_parameters(cls):
        return [
            OpenApiParameter(
                "public_id",
                {"type": "string", "pattern": PUBLIC_ID_PATTERN},
                OpenApiParameter.PATH,
                description="Public id, e.g. `CF-2024-0001`.",
                examples=published_examples(),
            )
        ]

    @extend_schema(
        operation_id="item",
        summary="One published item with all its structured fields",
        description=(
            "A case file (`CF-`), brief (`BR-`) or agreement (`AC-`) by its public id, in the language "
            "asked for (`lang`, else the first of `Accept-Language` the hub speaks, else French) when "
            "it is translated into it, otherwise in its original language. Taxonomy terms, levels and "
            "statuses come with their key and their label in every interface language. Drafts, "
            "unpublished and private items are never returned (404)."
        ),
        tags=["items"],
        parameters=[
            OpenApiParameter(
                "lang",
                {"type": "string", "enum": LANGUAGE_CODES},
                OpenApiParameter.QUERY,
                description="Language of the version wanted. Without it, `Accept-Language` decides.",
            ),
            OpenApiParameter(
                "Accept-Language",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description="Used when `lang` is not given.",
            ),
        ],
        responses={
            200: ItemSerializer,
            304: NOT_MODIFIED,
            400: OpenApiResponse(
                ErrorsSerializer, description="The id is not an item id, or `lang` is not fr or en."
            ),
            404: OpenApiResponse(ErrorsSerializer, description="No published, public item has this id."),
        },
    )
    def get(self, request, public_id, *args, **kwargs):
        errors = {}
        if not PUBLIC_ID_FORMAT.fullmatch(public_id):
            errors["id"] = [_("Not an item id: ids look like CF-2024-0001, BR-2024-0001 or AC-2024-0001.")]
        language, language_errors = requested_language(request)
        if language_errors:
            errors["lang"] = language_errors
        if errors:
            return error_json(400, errors)
        _token, since = index_state()
        versions = item_versions(public_id)
        if not versions:
            return error_json(404, {"id": [_("No published item has this id.")]})
        page = next(
            (version for version in versions if version.locale.language_code == language), versions[0]
        )
        last_published = [version.last_published_at for version in versions if version.last_published_at]
        response = cacheable_json(
            request, item_json(request, page, versions, language), max([since, *last_published])
        )
        patch_vary_headers(response, ["Accept-Language"])
        return response


# --- Schema and documentation ------------------------------------------------------------------


def api_v1_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the schema describes ``/api/v1/`` and nothing else
    (Wagtail's ``/api/v2/`` is also made of DRF views)."""
    prefix = reverse("api-v1-not-found", kwargs={"rest": ""})
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(prefix)]


class SchemaView(OpenMixin, SpectacularAPIView):
    """The OpenAPI 3 schema: YAML by default, JSON with ``?format=json`` or ``Accept``."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        if request.GET.get("lang") not in (None, *LANGUAGE_CODES):
            return Response({"errors": {"lang": language_errors()}}, status=400)
        return super().get(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            return response
        response.render()
        patch_vary_headers(response, ["Accept-Language"])
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        return with_cors(conditional(request, response, etag, index_state()[1]))


@method_decorator(csp_update({"img-src": ["data:"]}), name="dispatch")
class DocsView(OpenMixin, SpectacularSwaggerSplitView):
    """The schema as a page (Swagger UI, served from this site's static files). The split view
    serves its start-up script at ``?script``, and the template links its styles, so the page
    holds no inline script or style and needs no exception to the Content-Security-Policy."""

    url_name = "api-v1-schema"
    template_name = "search/api_docs.html"


@csrf_exempt
def not_found(request, rest):
    """Any other address under ``/api/v1/``: a JSON 404 (a missing final slash is redirected)."""
    path = request.path_info
    if not path.endswith("/"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return with_cors(
                HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
            )
    docs = reverse("api-v1-docs")
    response = error_json(
        404, {"path": [_("No API endpoint at this address. See %(docs)s.") % {"docs": docs}]}
    )
    return with_cors(response)
