"""The search backend in use: the embedded one, or Elasticsearch (with the embedded index kept
as its fallback) when ``ELASTICSEARCH_URL`` is set. Nothing else knows which one runs: every
caller speaks to a ``SearchBackend`` (``base.py``)."""

from functools import cache

from django.conf import settings

from .base import SearchBackend
from .elasticsearch import ElasticsearchBackend
from .embedded import EmbeddedBackend
from .mirrored import MirroredBackend


@cache
def get_backend() -> SearchBackend:
    if not settings.ELASTICSEARCH_URL:
        return EmbeddedBackend()
    return MirroredBackend(ElasticsearchBackend.from_settings(), EmbeddedBackend())
