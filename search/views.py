"""The search page (HTML)."""

from dataclasses import replace

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hub.csv_cells import Writer
from hub.items import item_types

from .alerts import normalised
from .links import SearchLinks, address, query_params
from .overview import CHARTS, charts_of
from .query import SearchQuery
from .requests import page_out_of_range, parse_request
from .service import HubSearch
from .vocabulary import COUNTED_ONLY, all_facets, facet_hint, facet_label, facet_owner

# A facet shows its largest values; the others wait behind "Show all": a phone reader scrolls
# past eight checkboxes, not eighteen.
FACET_SHOWN = 8
# The facets a result card names, in this order (their labels come from the page's facets).
CARD_FACETS = ("service", "region", "risk")
# What a card says of an item written in another language than the page's.
WRITTEN_IN = {"fr": gettext_lazy("In French"), "en": gettext_lazy("In English")}


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
        "cards": result_cards(results),
        "facet_groups": facet_groups(query, results),
        "selected_count": sum(len(values) for _facet, values in query.selections),
        "active_filters": links.active_filters(results.facets),
        "pagination": links.pagination(results.page_count),
        "format_urls": links.format_urls(),
        "visualize_url": address("search-visualize", query_params(query, sort="")),
        "sort_choices": links.sort_choices(),
        "alert_search": normalised(query),
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
        values = results.facets[facet]
        shown, more = split_values(values)
        groups.append(
            {
                "name": facet,
                "label": facet_label(facet),
                "hint": facet_hint(facet),
                "values": values,
                "shown": shown,
                "more": more,
                "more_open": any(value["selected"] for value in more),
                "owner": owner,
                "open": owner is None or chosen or chosen_types == {owner.key},
            }
        )
    return groups


def split_values(values):
    """``(shown, more)``: the ``FACET_SHOWN`` values with the most results (ties: the first in
    vocabulary order), and the others, each list in vocabulary order."""
    if len(values) <= FACET_SHOWN:
        return values, []
    ranked = sorted(range(len(values)), key=lambda index: (-values[index]["count"], index))
    largest = set(ranked[:FACET_SHOWN])
    return (
        [value for index, value in enumerate(values) if index in largest],
        [value for index, value in enumerate(values) if index not in largest],
    )


def result_cards(results):
    """Each hit with what its card says besides title and summary: its type's name and the
    labels of its services, regions and risks in the page's language. The labels are the page's
    facets': every hit counts under each of its values, so each is there."""
    types = {item_type.key: item_type.label for item_type in item_types()}
    labels = {
        facet: {value["key"]: value["label"] for value in results.facets.get(facet, [])}
        for facet in CARD_FACETS
    }
    cards = []
    for hit in results.hits:
        terms = []
        for facet, field in zip(CARD_FACETS, ("services", "regions", "risks"), strict=True):
            names = [labels[facet].get(key, key) for key in hit.get(field) or ()]
            if names:
                terms.append({"facet": facet, "label": facet_label(facet), "names": names})
        cards.append(
            {
                "hit": hit,
                "type_label": types.get(hit.get("item_type"), ""),
                "terms": terms,
                "written_in": written_in(hit.get("content_locale"), results.query.locale),
            }
        )
    return cards


def written_in(content_locale, page_language):
    """ "In French" on a card of the English page for an item only in French; None in its language."""
    if not content_locale or content_locale == page_language:
        return None
    return WRITTEN_IN.get(content_locale, content_locale)


@require_GET
def search_visualize(request):
    """The map and charts of the search the query string describes, from one search."""
    language = (get_language() or "fr")[:2]
    parsed = parse_request(request, default_locale=language)
    errors = {**(parsed.errors or {}), **chart_errors(request)}
    if errors:
        return render(request, "search/visualize.html", {"errors": errors}, status=400)
    query = replace(parsed.query, locale=language, page=1, counted=COUNTED_ONLY)
    return visualize(request, query, overview=False)


@require_GET
def overview(request):
    """The map and charts of every item on the hub: the visualisation of a search without filters."""
    errors = chart_errors(request)
    if errors:
        return render(request, "search/visualize.html", {"errors": errors, "overview": True}, status=400)
    query = SearchQuery.build(locale=(get_language() or "fr")[:2], counted=COUNTED_ONLY)
    return visualize(request, query, overview=True)


def chart_errors(request):
    """What is wrong with ``chart`` and ``format``: a chart's table is downloaded as
    ``?chart=<key>&format=csv``, both or neither."""
    chart, format_ = request.GET.get("chart"), request.GET.get("format")
    errors = {}
    if chart is not None and chart not in CHARTS:
        errors["chart"] = [_("Choose one of: %(charts)s.") % {"charts": ", ".join(CHARTS)}]
    elif format_ is not None and chart is None:
        errors["chart"] = [_("Name the chart whose table to download.")]
    if format_ is not None and format_ != "csv":
        errors["format"] = [_("A chart's table downloads as csv only.")]
    elif chart is not None and format_ is None:
        errors["format"] = [_("Give the format of the download: csv.")]
    return errors


def visualize(request, query, overview):
    results = HubSearch().run(query)
    charts = charts_of(request, results)
    chosen = request.GET.get("chart")
    if chosen:
        return chart_csv(next(chart for chart in charts if chart.key == chosen), query.locale)
    links = SearchLinks(request, query)
    params = [] if overview else query_params(query, sort="")
    for chart in charts:
        chart.csv_url = links.url([*params, ("chart", chart.key), ("format", "csv")])
    return render(
        request,
        "search/visualize.html",
        {
            "overview": overview,
            "query": query,
            "results": results,
            "charts": charts,
            "active_filters": [] if overview else links.active_filters(results.facets),
            "list_url": links.search_url(),
        },
    )


def chart_csv(chart, language):
    """A chart's table as CSV (RFC 4180: CRLF line ends), its header the table's."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vigie-ia-{chart.key}-{language}.csv"'
    writer = Writer(response)
    for row in chart.table:
        writer.writerow(row)
    return response
