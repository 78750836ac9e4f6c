"""The OpenAPI description of ``/api/v1/``, computed each time the schema is asked for: the
query parameters are read from ``SearchFilterSet`` and the vocabulary, the item id's pattern and
examples from the item-type registry, so the description cannot drift from what is validated or
served. Also the views that serve the schema (``/api/v1/schema/``) and show it (``/api/v1/docs/``)."""

import functools
import hashlib
import re

from csp.decorators import csp_update
from django import forms
from django.db import DatabaseError
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.utils.http import quote_etag
from django_filters import ChoiceFilter, MultipleChoiceFilter
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from hub.items import item_types, public_id_pattern

from ..filters import MAX_QUERY_LENGTH, SearchFilterSet
from ..vocabulary import declared_facets, facet_owner, facet_vocabulary, matches_all
from .http import (
    CACHE_CONTROL,
    DEFAULT_SEARCH_LOCALE,
    LANGUAGE_CODES,
    OpenMixin,
    conditional,
    index_state,
    language_errors,
    with_cors,
)
from .records import labels_in_each_language
from .serializers import ErrorsSerializer


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


class OpenApiView(OpenMixin, APIView):
    """A view of the API, answering JSON and described by ``OpenApiV1Schema``; its
    ``openapi_parameters()`` are computed each time the schema is asked for."""

    renderer_classes = [JSONRenderer]
    schema = OpenApiV1Schema()

    @classmethod
    def openapi_parameters(cls):
        return []


NOT_MODIFIED = OpenApiResponse(
    description="The copy named by `If-None-Match` or `If-Modified-Since` is current."
)
BAD_PARAMETERS = OpenApiResponse(ErrorsSerializer, description="A parameter is not valid; each is named.")


# --- Parameters read from the filters and the vocabulary ------------------------------------------


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
    "sort": "Order of the results; by default `relevance` with words, `newest` without; `updated`: latest "
    "material update first. A sort an item type declares ranks its items: highest rank first, ties "
    "newest first, then every other item newest first.",
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
    description = (
        declared_description(name) or PARAMETER_DESCRIPTIONS.get(name) or str(search_filter.label or name)
    )
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
    """Every parameter ``SearchFilterSet`` validates, those of the item types' own facets included."""
    defaults = query_defaults()
    return [
        filter_parameter(name, search_filter, defaults)
        for name, search_filter in SearchFilterSet().filters.items()
        if name not in exclude
    ]


def declared_description(name):
    """The description of a parameter that item types extend (a facet or the sorts they declare),
    labels in every interface language; None for the others."""
    if name in declared_facets():
        owner = facet_owner(name)
        several = "several must all hold" if matches_all(name) else "several are OR'd"
        return (
            f"{in_each_language(declared_facets()[name].label)} ({in_each_language(owner.label_plural)}; "
            f"{several}). Selecting one keeps only items of type `{owner.key}`."
        )
    if name == "sort":
        return PARAMETER_DESCRIPTIONS["sort"] + "".join(
            f"\n- `{sort.key}`: {in_each_language(sort.label)} ({in_each_language(item_type.label_plural)})"
            for item_type in item_types()
            for sort in item_type.sorts
        )
    return None


def in_each_language(label):
    """``"français / English"``: a label once per interface language where they differ."""
    return " / ".join(dict.fromkeys(labels_in_each_language(lambda: label).values()))


# --- The item id, read from the item-type registry ------------------------------------------------


def published_examples():
    """One published id per item type, for the schema's examples (none before any migration)."""
    examples = []
    try:
        for item_type in item_types():
            ids = item_type.model.objects.public().order_by("public_id").values_list("public_id", flat=True)
            public_id = ids.first()
            if public_id:
                examples.append(OpenApiExample(item_type.key, value=public_id))
    except DatabaseError:
        return []
    return examples


def public_id_parameter():
    """The item id in the path: any registered type's prefix (ASCII digits, the whole string)."""
    return OpenApiParameter(
        "public_id",
        {"type": "string", "pattern": f"^{public_id_pattern()}$"},
        OpenApiParameter.PATH,
        description="Public id, e.g. `CF-2024-0001`.",
        examples=published_examples(),
    )


# --- Serving the schema ---------------------------------------------------------------------------


SECTION_GROUP = "(?P<section>[a-z][a-z0-9-]*)"  # in search/api_urls.py


def api_v1_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the schema describes ``/api/v1/`` and nothing else
    (Wagtail's ``/api/v2/`` is also made of DRF views), with the CSV of each item type that
    offers one at its own path."""
    prefix = reverse("api-v1-not-found", kwargs={"rest": ""})
    described = []
    for path, path_regex, method, callback in endpoints:
        if not path.startswith(prefix):
            continue
        if "{section}" in path:  # one path per item type whose rows download as CSV
            described += [
                (
                    path.replace("{section}", item_type.section),
                    path_regex.replace(SECTION_GROUP, re.escape(item_type.section)),
                    method,
                    callback,
                )
                for item_type in item_types()
                if item_type.csv_download
            ]
        else:
            described.append((path, path_regex, method, callback))
    return described


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
