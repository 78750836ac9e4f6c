"""What the health check (``operations``) asks of search: which kind of backend runs, whether
searches get answers, whether they come from the embedded fallback because Elasticsearch does
not answer, and how many index writes wait for ``search_index sync``. Only booleans and counts:
never an address, a version or an error text."""

import time

from django.db import DatabaseError

from .backends import get_backend
from .backends.mirrored import MirroredBackend
from .models import IndexedItem, PendingIndexUpdate

# A health check polled every few seconds by each of several workers must not wait on, nor
# hammer, a cluster that does not answer: one short ping per process every PING_CACHE_SECONDS.
PING_TIMEOUT_SECONDS = 1.0
PING_CACHE_SECONDS = 5.0
_last_ping = {}  # client -> (monotonic time, answered)


def elasticsearch_answers(client):
    """Whether the cluster answers a ping (cached a few seconds per process)."""
    now = time.monotonic()
    cached = _last_ping.get(client)
    if cached and now - cached[0] < PING_CACHE_SECONDS:
        return cached[1]
    answered = client.options(request_timeout=PING_TIMEOUT_SECONDS).ping()
    _last_ping.clear()  # one client per process: forget a replaced one
    _last_ping[client] = (now, answered)
    return answered


def embedded_answers():
    """Whether the embedded index's table can be read (one indexed, LIMIT 1 query)."""
    try:
        list(IndexedItem.objects.values_list("pk", flat=True)[:1])
    except DatabaseError:
        return False
    return True


def search_health():
    """``{"backend": "embedded"|"elasticsearch", "ok": searches get answers, "fallback": they
    come from the embedded index because Elasticsearch does not answer}``."""
    backend = get_backend()
    if isinstance(backend, MirroredBackend):
        primary_ok = elasticsearch_answers(backend.primary.client)
        ok = primary_ok or embedded_answers()
        return {"backend": "elasticsearch", "ok": ok, "fallback": not primary_ok}
    return {"backend": "embedded", "ok": embedded_answers(), "fallback": False}


def pending_writes():
    """Items whose index update failed and waits for ``search_index sync`` (one COUNT)."""
    return PendingIndexUpdate.objects.count()
