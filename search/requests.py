"""The request parsing every search surface shares: the HTML page (``views.py``), the JSON and CSV
of the open API and the feeds. Each validates its parameters with ``SearchFilterSet`` and asks
``HubSearch``; none builds a query itself."""

from dataclasses import dataclass

from .filters import SearchFilterSet


@dataclass
class ParsedRequest:
    query: object = None
    errors: dict = None


def parse_request(request, default_locale):
    """The request's query, or its errors by parameter name (what a 400 answer names)."""
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
