"""The search backend in use: the embedded one, or Elasticsearch (with the embedded index kept
as its fallback) when ``ELASTICSEARCH_URL`` is set. Nothing else knows which one runs."""

from functools import cache

from django.conf import settings


@cache
def get_backend():
    from .embedded import EmbeddedBackend

    if not settings.ELASTICSEARCH_URL:
        return EmbeddedBackend()
    from .elasticsearch import ElasticsearchBackend
    from .mirrored import MirroredBackend

    return MirroredBackend(ElasticsearchBackend.from_settings(), EmbeddedBackend())
