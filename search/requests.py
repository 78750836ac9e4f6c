"""The request parsing every search surface shares: the HTML page (``views.py``), the JSON and CSV
of the open API, the feeds and the e-mail alerts. Each validates its parameters with ``SearchFilterSet`` and asks
``HubSearch``; none builds a query itself."""

from dataclasses import dataclass

from .filters import SearchFilterSet


@dataclass
class ParsedRequest:
    query: object = None
    errors: dict = None


def parse_request(request, default_locale):
    """The request's query, or its errors by parameter name (what a 400 answer names)."""
    return parse_params(request.GET, default_locale)


def parse_params(params, default_locale):
    """The query of search parameters (a ``QueryDict``: a request's, a search alert's), or their
    errors by parameter name."""
    filterset = SearchFilterSet(params)
    if not filterset.is_valid():
        return ParsedRequest(
            errors={
                name: [str(message) for message in messages] for name, messages in filterset.errors.items()
            }
        )
    return ParsedRequest(query=filterset.to_query(default_locale))


def page_out_of_range(query, results):
    return query.page > 1 and query.page > results.page_count
