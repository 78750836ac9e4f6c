"""Addresses a search page links to: the same search with one filter removed, another page,
another sort, another format, or its feed. Built from the validated query, never from raw input."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hub.items import item_types, type_sorts

from .query import SearchQuery
from .vocabulary import all_facets, facet_label

SORT_LABELS = {
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title (A–Z)"),
    "updated": _("Recently updated first"),
}


def query_params(query, page=None, **overrides):
    params = []
    if query.text:
        params.append(("q", query.text))
    for facet in all_facets():
        params.extend((facet, value) for value in overrides.get(facet, query.selected(facet)))
    sort = overrides.get("sort", query.sort)
    if sort:
        params.append(("sort", sort))
    if page and page > 1:
        params.append(("page", page))
    return params


def feed_params(query):
    """The parameters of a search's feed: its words and filters. A feed has no sort (it lists the
    latest updates first) and no page."""
    return query_params(query, sort="")


def address(url_name, params):
    url = reverse(url_name)
    return f"{url}?{urlencode(params)}" if params else url


class SearchLinks:
    def __init__(self, request, query):
        self.path = request.path
        self.query = query

    def url(self, params):
        return f"{self.path}?{urlencode(params)}" if params else self.path

    def query_string(self):
        return urlencode(query_params(self.query))

    def active_filters(self, facets):
        """Every active filter with the address of the same search without it."""
        active = []
        if self.query.text:
            active.append(
                {
                    "facet_label": _("Words"),
                    "label": self.query.text,
                    "remove_url": self.url([p for p in query_params(self.query) if p[0] != "q"]),
                }
            )
        for facet in all_facets():
            labels = {value["key"]: value["label"] for value in facets.get(facet, [])}
            for value in self.query.selected(facet):
                remaining = [v for v in self.query.selected(facet) if v != value]
                active.append(
                    {
                        "facet_label": facet_label(facet),
                        "label": labels.get(value, value),
                        "remove_url": self.url(query_params(self.query, **{facet: remaining})),
                    }
                )
        return active

    def search_url(self, **overrides):
        """The search page's address for this search with ``overrides`` (``facet=values``): from
        the charts, the list behind a bar or a tile, its other words and filters kept."""
        return address("search", query_params(self.query, **overrides))

    def page_params(self, number):
        """Another page of the same search, at the page size the reader chose."""
        params = query_params(self.query, page=number)
        if self.query.page_size != SearchQuery.page_size:
            params.append(("page_size", self.query.page_size))
        return params

    def pagination(self, page_count):
        current = self.query.page
        pages = sorted({1, page_count, *range(max(1, current - 2), min(page_count, current + 2) + 1)})
        return {
            "current": current,
            "count": page_count,
            "previous_url": self.url(self.page_params(current - 1)) if current > 1 else None,
            "next_url": self.url(self.page_params(current + 1)) if current < page_count else None,
            "pages": [
                {
                    "number": number,
                    "url": self.url(self.page_params(number)),
                    "current": number == current,
                }
                for number in pages
            ],
        }

    def sort_choices(self):
        """The sorts offered: the common ones, then those of the item types selected (of every
        type when none is), each with its label."""
        effective = self.query.effective_sort
        selected = self.query.selected("type")
        labels = dict(SORT_LABELS)
        for item_type in item_types():
            if not selected or item_type.key in selected:
                labels.update({sort.key: sort.label for sort in item_type.sorts})
        if effective not in labels:  # chosen, then its type unticked: still said
            labels.update({sort.key: sort.label for sort in type_sorts() if sort.key == effective})
        return [
            {"value": value, "label": label, "selected": value == effective}
            for value, label in labels.items()
            if value != "relevance" or self.query.text
        ]

    def format_urls(self):
        query_string = self.query_string()
        locale = urlencode([("locale", self.query.locale)])
        joined = f"{query_string}&{locale}" if query_string else locale
        csv_type = self.csv_type()
        return {
            "json": f"{reverse('search-api')}?{joined}",
            "csv": f"{reverse('items-csv', args=[csv_type.section])}?{joined}" if csv_type else None,
            "csv_type": csv_type,
            "feed": address("search-feed", feed_params(self.query)),
            "calendar": address("search-calendar", feed_params(self.query)) if self.finds_events() else None,
        }

    def finds_events(self):
        """Whether the types searched (every type when none is selected) include events: then
        the search is offered as a calendar."""
        selected = self.query.selected("type")
        return any(
            item_type.is_event for item_type in item_types() if not selected or item_type.key in selected
        )

    def csv_type(self):
        """The type whose rows the page offers as CSV: the one type selected when it has a CSV
        download, else the first type that has one."""
        downloadable = [item_type for item_type in item_types() if item_type.csv_download]
        selected = self.query.selected("type")
        chosen = [item_type for item_type in downloadable if item_type.key in selected]
        if len(selected) == 1 and chosen:
            return chosen[0]
        return downloadable[0] if downloadable else None
