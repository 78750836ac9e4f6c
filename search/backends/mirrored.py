"""A primary backend (Elasticsearch) kept in step with a fallback (the embedded index), which
answers whenever the primary cannot: every write goes to both, searches go to the primary."""

import logging

from .base import SearchBackend, chunked
from .elasticsearch import ELASTICSEARCH_ERRORS

logger = logging.getLogger(__name__)


class MirroredBackend(SearchBackend):
    serves_during_rebuild = True

    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback

    @property
    def name(self):
        return self.primary.name

    def search(self, query, with_facets=True):
        try:
            return self.primary.search(query, with_facets=with_facets)
        except ELASTICSEARCH_ERRORS as error:
            logger.warning(
                "Search backend %s failed (%s: %s); answering from the fallback.",
                self.name,
                type(error).__name__,
                error,
            )
            results = self.fallback.search(query, with_facets=with_facets)
            results.degraded = True
            return results

    def replace(self, public_ids, documents):
        documents = list(documents)
        self._on_both("replace", public_ids, documents)

    def delete_keys(self, keys):
        self._on_both("delete_keys", keys)

    def clear(self):
        self._on_both("clear")

    def bulk_load(self, documents):
        self._on_both("bulk_load", list(documents))

    def rebuild(self, documents, chunk_size=1000):
        """Both indices from one pass over the database. If the primary fails, the fallback is
        still completed, then the failure is raised."""
        self.fallback.clear()

        def loaded_into_fallback():
            for chunk in chunked(documents, chunk_size):
                self.fallback.bulk_load(chunk)
                yield from chunk

        stream = loaded_into_fallback()
        try:
            return self.primary.rebuild(stream, chunk_size=chunk_size)
        except ELASTICSEARCH_ERRORS:
            for _document in stream:
                pass
            raise

    def stored_fingerprints(self):
        """What both indices agree on; a document held by one only, or differently, has the
        fingerprint None, so that ``check`` reports it and ``sync`` rewrites it in both."""
        primary, fallback = self.primary.stored_fingerprints(), self.fallback.stored_fingerprints()
        return {
            key: primary.get(key) if primary.get(key) == fallback.get(key) else None
            for key in primary.keys() | fallback.keys()
        }

    def _on_both(self, method, *args):
        """The fallback first (it is in the database transaction), then the primary, whatever the
        first did; the first failure is raised so that the caller records the update."""
        failure = None
        for backend in (self.fallback, self.primary):
            try:
                getattr(backend, method)(*args)
            except Exception as error:
                failure = failure or error
        if failure:
            raise failure
