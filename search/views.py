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
from .vocabulary import all_facets, facet_hint, facet_label, facet_owner


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
        "facet_groups": facet_groups(query, results),
        "active_filters": links.active_filters(results.facets),
        "pagination": links.pagination(results.page_count),
        "format_urls": links.format_urls(),
        "sort_choices": links.sort_choices(),
    }


def facet_groups(query, results):
    """The facets the page shows. A facet an item type declares (``hub.items.TypeFacet``) shows
    while its type may be among the results (no type chosen, or its type among those chosen) or
    while one of its values is chosen, folded under its type's name (``owner``) unless its type
    alone is chosen or one of its values is: a phone reader scrolls past one line, not a list."""
    chosen_types = set(query.selected("type"))
    groups = []
    for facet in all_facets():
        owner = facet_owner(facet)
        chosen = bool(query.selected(facet))
        if owner is not None and chosen_types and owner.key not in chosen_types and not chosen:
            continue
        groups.append(
            {
                "name": facet,
                "label": facet_label(facet),
                "hint": facet_hint(facet),
                "values": results.facets[facet],
                "owner": owner,
                "open": owner is None or chosen or chosen_types == {owner.key},
            }
        )
    return groups
