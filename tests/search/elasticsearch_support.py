"""Elasticsearch-compatible servers for the tests: osmem-server (a bleve engine behind an
Elasticsearch-like REST API, started once per test session) or, for the live tier, the cluster
``ELASTICSEARCH_URL`` points to."""

import os
import uuid
from contextlib import contextmanager
from functools import cache
from unittest import mock

import pytest
from elasticsearch import Elasticsearch

from search.backends.elasticsearch import ElasticsearchBackend

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")


@cache
def osmem_server():
    """One server for the session; it exits with the test process (``--parent-pid``)."""
    osmem = pytest.importorskip("osmem_server")
    try:
        return osmem.OsmemServer.start(japanese=False)
    except osmem.OsmemError as error:
        pytest.skip(f"osmem-server cannot start here: {error}")


@contextmanager
def osmem_compatible_client():
    """osmem answers 406 to the 8.x client's ``compatible-with=8`` media type: send plain JSON."""
    with mock.patch("elasticsearch._sync.client._base._COMPAT_MIMETYPE_SUB", r"application/\g<1>"):
        yield


def backend_on(url, timeout=5):
    """A backend on its own alias, so that tests sharing a server never see each other's data."""
    client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
    return ElasticsearchBackend(client, prefix=f"vigie-test-{uuid.uuid4().hex[:12]}")


def drop(backend):
    """Delete the test's indices (any version behind or beside its alias)."""
    backend.client.indices.delete(index=f"{backend.alias}-*", ignore_unavailable=True)
