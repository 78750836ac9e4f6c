"""The search page (HTML)."""

from dataclasses import replace

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .links import SearchLinks
from .requests import page_out_of_range, parse_request
from .service import HubSearch
from .vocabulary import FACET_LABELS, FACETS


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
