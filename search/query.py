"""What a search asks and what it answers, independent of the backend that computes it."""

from dataclasses import dataclass, field

from hub.items import type_sorts

from .text import parse_query
from .vocabulary import COUNTED_ONLY, NOT_ASSESSED, PUBLISHED_QUARTER, QUARTER, all_facets, quarter_of

# relevance: every word in the title first, then newest; newest and oldest: by ``date``; title: A–Z;
# updated: latest material update first (``search.documents.material_update``). Ties always fall
# by public id (descending, ascending for oldest and title), the same on every backend. An item
# type's own sorts (``hub.items.TypeSort``) come after these (``all_sorts``).
SORTS = ("relevance", "newest", "oldest", "title", "updated")


def all_sorts():
    return (*SORTS, *(sort.key for sort in type_sorts()))


def facet_values(
    item_type, services, regions, risks, impact_level, type_facets=None, date=None, published=None
):
    """The (facet, value) pairs an item is counted under: one definition for every store.
    ``type_facets``: ``{facet: value}`` of the facets its type declares, a list for a facet
    with several values (a dialogue's formats); ``date`` and ``published``: the item's date and
    the day it was first published on the hub, each counted by quarter."""
    pairs = [("type", item_type)]
    pairs += [("service", key) for key in services]
    pairs += [("region", key) for key in regions]
    pairs += [("risk", key) for key in risks]
    pairs.append(("level", str(impact_level) if impact_level else NOT_ASSESSED))
    pairs += sorted(
        (facet, value) for facet, values in (type_facets or {}).items() for value in as_list(values)
    )
    if date:
        pairs.append((QUARTER, quarter_of(date)))
    if published:
        pairs.append((PUBLISHED_QUARTER, quarter_of(published)))
    return pairs


def as_list(value):
    """A declared facet's values: a list as given, a single value as a list of one."""
    return list(value) if isinstance(value, (list, tuple)) else [value]


@dataclass(frozen=True)
class SearchQuery:
    """A validated request: text, selected facet values (OR inside a facet unless its values must
    all hold, AND across facets),
    the interface language, the sort and the page. Facet values are keys."""

    text: str = ""
    selections: tuple = ()  # ((facet, (value, ...)), ...) in ``all_facets`` order, only non-empty facets
    locale: str = "fr"
    sort: str = ""
    page: int = 1
    page_size: int = 20
    counted: tuple = ()  # facets of ``COUNTED_ONLY`` counted too (the overview's timelines)

    @classmethod
    def build(cls, text="", locale="fr", sort="", page=1, page_size=20, counted=(), **selected):
        selections = tuple(
            (facet, tuple(sorted(set(selected[facet])))) for facet in all_facets() if selected.get(facet)
        )
        return cls(
            text=text or "",
            selections=selections,
            locale=locale,
            sort=sort,
            page=page,
            page_size=page_size,
            counted=tuple(counted),
        )

    @property
    def parsed(self):
        return parse_query(self.text)

    @property
    def effective_sort(self):
        if self.sort in all_sorts() and (self.sort != "relevance" or self.parsed):
            return self.sort
        return "relevance" if self.parsed else "newest"

    def with_selection(self, facet, values):
        """The same query with ``facet`` set to ``values`` (empty: no filter on it)."""
        selected = dict(self.selections)
        selected[facet] = values
        return SearchQuery.build(
            text=self.text,
            locale=self.locale,
            sort=self.sort,
            page=self.page,
            page_size=self.page_size,
            **selected,
        )

    @property
    def counted_facets(self):
        """The facets whose values a search counts: every filter, and those asked for besides."""
        return (*all_facets(), *(facet for facet in COUNTED_ONLY if facet in self.counted))

    def selected(self, facet):
        return dict(self.selections).get(facet, ())

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


@dataclass
class SearchResults:
    """Hits of one page, the total, and per facet ``{value: count}`` computed disjunctively."""

    query: SearchQuery
    count: int
    hits: list = field(default_factory=list)
    facet_counts: dict = field(default_factory=dict)
    facets: dict = field(default_factory=dict)
    degraded: bool = False  # answered by the fallback index because the main backend failed

    @property
    def page_count(self):
        return max(1, -(-self.count // self.query.page_size))
