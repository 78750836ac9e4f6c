"""Frequent words' matches, learned once for every process of the hub.

Why: the first search of a frequent word in a process asks SQL for every item holding it (on
PostgreSQL at 100,000 items, a scan of the language's text: 0.5 s alone, 1–2 s under load; on
SQLite a long FTS5 read) and then keeps the answer as bitmaps. With several server workers, each
paid it for each word, and again after a restart. The first process to learn a word now also puts
its matches (item ids, with the state of the index they were read at) in the shared cache; any
other process takes them and applies the index's change log since that state (the items added
since are tested against their stored terms, the items removed leave), which is a short query.

Matches are stored as item ids, not bitmaps: each process numbers its items in its own way. An
entry is used only when its state is still in the log and no newer than the searching snapshot;
otherwise the word is learned from SQL again, which is always right."""

import hashlib
import threading
import zlib
from array import array
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection

from .bitmaps import added_rows, changes_between

LIFETIME = 7 * 24 * 60 * 60  # seconds an entry is kept when nobody reads it

_locks_guard = threading.Lock()
_locks = {}


def key(locale, term):
    digest = hashlib.sha256(repr((connection.settings_dict["NAME"], locale, term)).encode()).hexdigest()[:32]
    return f"search:term:{digest}"


def pack(item_ids):
    return zlib.compress(array("q", sorted(item_ids)).tobytes(), 1)


def unpack(data):
    return set(array("q", zlib.decompress(data)))


def share(snap, locale, term, item_ids, title_ids):
    """Put a frequent word's matches at ``snap``'s state in the shared cache."""
    cache.set(key(locale, term), (snap.token, snap.position, pack(item_ids), pack(title_ids)), LIFETIME)


def recall(snap, locale, term):
    """``(item ids, ids of those holding it in their title)`` for ``term`` at ``snap``'s state,
    from the shared cache and the changes logged since the entry's state; None when there is no
    usable entry."""
    entry = cache.get(key(locale, term))
    if entry is None:
        return None
    token, position, packed_ids, packed_titles = entry
    if position > snap.position:
        return None
    item_ids, title_ids = unpack(packed_ids), unpack(packed_titles)
    if token == snap.token:
        return item_ids, title_ids
    changes = changes_between(locale, token, position, snap.position)
    if changes is None:
        return None
    added = {}
    for item_id, was_added in changes:
        if was_added:
            added[item_id] = True
        else:
            added.pop(item_id, None)
            item_ids.discard(item_id)
            title_ids.discard(item_id)
    for row in added_rows(list(added)):  # with their terms, as snapshots read them
        item_id, title_terms, body_terms = row[0], row[-2].split(), row[-1].split()
        if term in title_terms:
            title_ids.add(item_id)
        if term in title_terms or term in body_terms:
            item_ids.add(item_id)
    share(snap, locale, term, item_ids, title_ids)
    return item_ids, title_ids


@contextmanager
def one_learner(locale, term):
    """Threads of one process wanting the same word wait for the first to learn it, rather than
    all asking SQL at once."""
    with _locks_guard:
        lock = _locks.setdefault((locale, term), threading.Lock())
    try:
        with lock:
            yield
    finally:
        with _locks_guard:
            if _locks.get((locale, term)) is lock and not lock.locked():
                del _locks[(locale, term)]
