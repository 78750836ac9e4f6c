"""The search page (HTML) and the request parsing every search surface shares: the page here,
the JSON and CSV of the open API (``search/api.py``) and the feeds. Each validates its
parameters with ``SearchFilterSet`` and asks ``HubSearch``; none builds a query itself."""

from dataclasses import dataclass, replace

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .filters import SearchFilterSet
from .links import SearchLinks
from .query import FACETS
from .service import FACET_LABELS, HubSearch


@dataclass
class ParsedRequest:
    query: object = None
    errors: dict = None


def parse_request(request, default_locale):
    filterset = SearchFilterSet(request.GET)
    if not filterset.is_valid():
        return ParsedRequest(
            errors={
                name: [str(message) for message in messages] for name, messages in filterset.errors.items()
            }
        )
    return ParsedRequest(query=filterset.to_query(default_locale))


def page_out_of_range(query, results):
    return query.page > 1 and query.page > results.page_count


@require_GET
def search_page(request):
    language = (get_language() or "fr")[:2]
    parsed = parse_request(request, default_locale=language)
    if parsed.errors:
        return render(request, "search/search_page.html", {"errors": parsed.errors}, status=400)
    query = replace(parsed.query, locale=language)
    results = HubSearch().run(query)
    if page_out_of_range(query, results):
        raise Http404(_("This page is past the last page of results."))
    return render(request, "search/search_page.html", search_page_context(request, query, results))


def search_page_context(request, query, results):
    links = SearchLinks(request, query)
    return {
        "query": query,
        "results": results,
        "facet_groups": [
            {"name": facet, "label": FACET_LABELS[facet], "values": results.facets[facet]} for facet in FACETS
        ],
        "active_filters": links.active_filters(results.facets),
        "pagination": links.pagination(results.page_count),
        "format_urls": links.format_urls(),
        "sort_choices": links.sort_choices(),
    }
