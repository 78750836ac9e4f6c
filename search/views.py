"""The search surfaces: an HTML page, a JSON API and a CSV download. Each validates its
parameters with ``SearchFilterSet`` and asks ``HubSearch``; none builds a query itself."""

import csv
from dataclasses import dataclass, replace

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from impacts.interchange import COLUMNS, LINE_TERMINATOR, casefile_to_row
from impacts.models import CaseFilePage

from .filters import SearchFilterSet
from .links import SearchLinks
from .query import FACETS
from .service import FACET_LABELS, HubSearch

CSV_CHUNK = 500


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


@require_GET
def search_api(request):
    parsed = parse_request(request, default_locale="fr")
    if parsed.errors:
        return JsonResponse({"errors": parsed.errors}, status=400)
    query = parsed.query
    results = HubSearch().run(query)
    if page_out_of_range(query, results):
        return JsonResponse(
            {"errors": {"page": [_("This page is past the last page of results.")]}}, status=404
        )
    return JsonResponse(
        {
            "count": results.count,
            "page": query.page,
            "page_size": query.page_size,
            "results": [hit_json(request, hit) for hit in results.hits],
            "facets": results.facets,
        },
        json_dumps_params={"ensure_ascii": False},
    )


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def casefile_rows(query):
    """Every case file matching ``query``, in the import format, a chunk of pages at a time."""
    search = HubSearch()
    page_number = 1
    while True:
        hits = search.hits(replace(query, page=page_number, page_size=CSV_CHUNK))
        if not hits:
            return
        pages = (
            CaseFilePage.objects.live()
            .public()
            .select_related("locale", "agency")
            .prefetch_related("services", "regions", "risks")
            .in_bulk([hit["page_id"] for hit in hits])
        )
        for hit in hits:
            page = pages.get(hit["page_id"])
            if page is not None:
                yield casefile_to_row(page)
        if len(hits) < CSV_CHUNK:
            return
        page_number += 1


@require_GET
def casefiles_csv(request):
    parsed = parse_request(request, default_locale="fr")
    if parsed.errors:
        return JsonResponse({"errors": parsed.errors}, status=400)
    query = parsed.query.with_selection("type", ["casefile"])
    writer = csv.writer(Echo(), lineterminator=LINE_TERMINATOR)

    def lines():
        yield writer.writerow(COLUMNS)
        for cells in casefile_rows(query):
            yield writer.writerow([cells[column] for column in COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="vigie-ia-casefiles.csv"'
    return response


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
