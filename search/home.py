"""What the search tells the home page (``hub.home``): how many items of each type that asks for
it (``ItemType.home_figure``, its words for a count) a reader finds, and example searches, the largest value of a few
facets, which therefore always find something. One search answers all of it: its facet counts."""

from django.utils.translation import override

from hub.home import HomeFigure, HomeLink
from hub.items import item_types

from .links import address
from .query import SearchQuery
from .service import HubSearch

# The facets whose largest value is offered as an example search, in this order.
EXAMPLE_FACETS = ("service", "risk", "region")


def add_search_overview(overview):
    query = SearchQuery.build(locale=overview.language, page_size=1)
    results = HubSearch().run(query)
    type_counts = results.facet_counts.get("type", {})
    with override(overview.language):
        for item_type in item_types():
            if item_type.home_figure is not None:
                count = type_counts.get(item_type.key, 0)
                overview.figures.append(
                    HomeFigure(
                        count=count,
                        label=str(item_type.home_figure % {"count": count}),
                        url=address("search", [("type", item_type.key)]),
                    )
                )
        for facet in EXAMPLE_FACETS:
            largest = largest_value(results.facets.get(facet, []))
            if largest:
                overview.examples.append(
                    HomeLink(
                        label=largest["label"],
                        url=address("search", [(facet, largest["key"])]),
                        count=largest["count"],
                    )
                )


def largest_value(values):
    """The value with the most results (the first in vocabulary order on a tie), None when none has any."""
    counted = [value for value in values if value["count"]]
    return max(counted, key=lambda value: value["count"]) if counted else None
