"""Search backends for tests that must give the same answers on every backend: the embedded one,
osmem-server (always), and the cluster ELASTICSEARCH_URL names (the live tier, skipped without it)."""

from contextlib import nullcontext

import pytest

from search.backends.embedded import EmbeddedBackend
from tests.search.elasticsearch_support import (
    LIVE_URL,
    backend_on,
    drop,
    osmem_compatible_client,
    osmem_server,
)

BACKENDS = [
    "embedded",
    "osmem",
    pytest.param("live", marks=pytest.mark.skipif(not LIVE_URL, reason="ELASTICSEARCH_URL is not set")),
]


def elasticsearch_backend(kind):
    """(backend, context manager the test runs in) for an Elasticsearch kind of BACKENDS."""
    if kind == "osmem":
        return backend_on(osmem_server().url), osmem_compatible_client()
    return backend_on(LIVE_URL), nullcontext()


@pytest.fixture(params=BACKENDS)
def empty_backend(request, db):
    """An empty index on each backend in turn."""
    if request.param == "embedded":
        engine = EmbeddedBackend()
        engine.clear()
        yield engine
        return
    engine, context = elasticsearch_backend(request.param)
    with context:
        engine.clear()
        yield engine
        drop(engine)
