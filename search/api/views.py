"""The open API's answers in JSON: the search (``/api/v1/search/``), one item
(``/api/v1/items/<public id>/``) and the JSON 404 of any other address under ``/api/v1/``."""

import re

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from hub.items import public_id_pattern

from ..requests import page_out_of_range, parse_request
from ..service import HubSearch
from .http import (
    DEFAULT_SEARCH_LOCALE,
    LANGUAGE_CODES,
    cacheable_json,
    error_json,
    index_state,
    requested_language,
    with_cors,
)
from .records import hit_record, item_record, item_versions
from .schema import BAD_PARAMETERS, NOT_MODIFIED, OpenApiView, public_id_parameter, search_parameters
from .serializers import ErrorsSerializer, ItemSerializer, SearchResultsSerializer


def past_last_page():
    return error_json(404, {"page": [_("This page is past the last page of results.")]})


class SearchView(OpenApiView):
    @classmethod
    def openapi_parameters(cls):
        return search_parameters()

    @extend_schema(
        operation_id="search",
        summary="Search published case files, briefs, agreements, AI system register entries and dialogues",
        description=(
            "The hub's faceted search. Several values of one facet are OR'd (except in a facet whose "
            "description says they must all hold, such as a dialogue's accessibility), facets are "
            "AND'd, words are AND'd with all. Facet counts are disjunctive: each facet is counted with "
            "every other selection applied but not its own (a facet whose values must all hold is also "
            "counted with its own). Every published item is found from both languages."
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
            "results": [hit_record(request, hit) for hit in results.hits],
            "facets": results.facets,
        }
        return cacheable_json(request, data, since)


class ItemView(OpenApiView):
    @classmethod
    def openapi_parameters(cls):
        return [public_id_parameter()]

    @extend_schema(
        operation_id="item",
        summary="One published item with all its structured fields",
        description=(
            "A case file (`CF-`), brief (`BR-`), agreement (`AC-`) or AI system register entry (`SY-`) by its "
            "public id, in the language "
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
        if not re.fullmatch(public_id_pattern(), public_id):
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
            request, item_record(request, page, versions, language), max([since, *last_published])
        )
        patch_vary_headers(response, ["Accept-Language"])
        return response


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
