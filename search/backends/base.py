"""What every search backend does, whatever stores the documents: the one interface the search
service, index sync and the ``search_index`` command call. A backend holds the documents of
``search.documents`` (one per published item per interface language) and answers
``SearchQuery``s with ``SearchResults``."""

from abc import ABC, abstractmethod
from dataclasses import replace

EXPORT_PAGE = 500  # hits per page when an export walks every page of a search


def chunked(items, size):
    """Lists of at most ``size`` items from an iterable, in order."""
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class SearchBackend(ABC):
    name = ""  # shown by ``search_index`` and the benchmark
    # Whether searches keep answering from the old index while a rebuild loads the new one: then
    # writes made meanwhile may miss the new index, and a rebuild is followed by a sync.
    serves_during_rebuild = False

    # --- Reading ----------------------------------------------------------------------------

    @abstractmethod
    def search(self, query, with_facets=True):
        """``SearchResults`` for a ``SearchQuery``: one page of hits, the count and (unless told
        otherwise) the disjunctive facet counts."""

    def matching_public_ids(self, query):
        """The public ids of every item ``query`` matches, whatever its page: what an export
        sends. By default the search's pages are walked; a backend that holds the matches as a
        set says so faster."""
        public_ids = set()
        page_number = 1
        while True:
            hits = self.search(
                replace(query, page=page_number, page_size=EXPORT_PAGE), with_facets=False
            ).hits
            public_ids.update(hit["public_id"] for hit in hits)
            if len(hits) < EXPORT_PAGE:
                return public_ids
            page_number += 1

    @abstractmethod
    def stored_fingerprints(self):
        """``{(public_id, locale): fingerprint}`` of every stored document (``search_index check``)."""

    def warm(self):  # noqa: B027 (an optional hook: most backends have nothing to read)
        """Read what the first search of a new process would otherwise read while a reader waits
        (a server calls it as each worker starts). Nothing to read by default."""

    # --- Writing ----------------------------------------------------------------------------

    @abstractmethod
    def replace(self, public_ids, documents):
        """Make the index hold exactly ``documents`` for the items ``public_ids``."""

    @abstractmethod
    def delete_keys(self, keys):
        """Remove the documents with these ``(public_id, locale)`` keys."""

    @abstractmethod
    def clear(self):
        """Remove every document."""

    @abstractmethod
    def bulk_load(self, documents):
        """Add documents to an index known not to hold them (a rebuild)."""

    def rebuild(self, documents, chunk_size=1000):
        """Replace the whole index with ``documents``, loaded in chunks; returns how many."""
        self.clear()
        count = 0
        for chunk in chunked(documents, chunk_size):
            self.bulk_load(chunk)
            count += len(chunk)
        return count
