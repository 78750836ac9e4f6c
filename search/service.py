"""The one search class every surface calls (HTML page, JSON API, CSV export, feeds): it owns
scope, facets and text, and turns a backend's raw counts into labelled facets."""

from .backends import get_backend
from .vocabulary import COUNTED_ONLY, facet_vocabulary, quarter_label


class HubSearch:
    """Search over published items as seen from one interface language."""

    def __init__(self, backend=None):
        self.backend = backend or get_backend()

    def run(self, query):
        results = self.backend.search(query)
        results.facets = self.labelled_facets(query, results.facet_counts)
        return results

    def matching_public_ids(self, query):
        """The public ids of every item ``query`` matches: for exports."""
        return self.backend.matching_public_ids(query)

    def hits(self, query):
        """One page of hits without facet counts: for exports that walk every page."""
        return self.backend.search(query, with_facets=False).hits

    @staticmethod
    def labelled_facets(query, counts):
        """Per facet counted (``SearchQuery.counted_facets``), ``[{"key", "label", "count",
        "selected"}]``: values with results, and the selected ones always, in vocabulary order
        (quarters: in time order)."""
        facets = {}
        for facet in query.counted_facets:
            selected = set(query.selected(facet))
            facet_counts = counts.get(facet, {})
            if facet in COUNTED_ONLY:
                vocabulary = [(key, quarter_label(key, query.locale)) for key in sorted(facet_counts)]
            else:
                vocabulary = facet_vocabulary(facet, query.locale)
            facets[facet] = [
                {"key": key, "label": label, "count": facet_counts.get(key, 0), "selected": key in selected}
                for key, label in vocabulary
                if facet_counts.get(key) or key in selected
            ]
        return facets
