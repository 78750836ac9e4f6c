"""The search offered on other pages: an item index's filters (``type_filters``), the search's
own facets for its type, counted by the search, submitted to the search page."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from hub.items import type_of_index

from ..query import SearchQuery
from ..service import HubSearch
from ..views import facet_groups

register = template.Library()


@register.inclusion_tag("search/includes/type_filters.html")
def type_filters(index_page):
    """The facets the index page's item type declares, with their counts among the published
    items of that type as a reader of the active language finds them; nothing for a type without
    facets of its own. The form asks the search page, pre-filtered on the type."""
    item_type = type_of_index(index_page)
    if item_type is None or not item_type.facets:
        return {"groups": []}
    query = SearchQuery.build(locale=(get_language() or "fr")[:2], page_size=1, type=[item_type.key])
    own = {facet.key for facet in item_type.facets}
    groups = [
        {**group, "owner": None}  # shown open, without its type's name: the index is its type
        for group in facet_groups(query, HubSearch().run(query))
        if group["name"] in own
    ]
    return {"item_type": item_type, "groups": groups, "search_url": reverse("search")}
