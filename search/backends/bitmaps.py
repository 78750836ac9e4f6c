"""Facet bitmaps for the embedded backend: each facet value of one interface language as a
Python integer with one bit per indexed item, items numbered newest first.

Counting a facet under any selection is then an AND and a population count, microseconds
where SQL needs a join per facet. The bitmaps are read from the index tables (the database
stays the source of truth) and read again whenever the index's state token has changed:
every write to the index sets a new token in the same transaction, so every process sees a
write once it is committed, and a rolled-back write leaves the previous token in place.

A search reads the bitmaps, then the database: a write committed in between shows as a row the
bitmaps do not know, or a row they know gone (``StaleSnapshot``); the search then starts again
on the new state (``EmbeddedBackend.search``)."""

import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property

from django.db import connection

from ..models import IndexedItem, IndexState
from ..query import facet_values

ITEMS = IndexedItem._meta.db_table
POPCOUNT = bytes(bin(byte).count("1") for byte in range(256))

_lock = threading.Lock()
_snapshots = {}


class StaleSnapshot(Exception):
    """The index changed between reading the bitmaps and reading rows from the database."""


def new_state_token():
    """Mark the index as changed; call inside the transaction that changes it."""
    IndexState.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def current_token():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {IndexState._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else ""


@dataclass
class Snapshot:
    """The bitmaps of one language at one state of the index."""

    token: str
    size: int
    item_ids: list  # ordinal → IndexedItem id, newest first
    ordinal_of: dict  # IndexedItem id → ordinal
    facets: dict  # facet → {value: bitmap}
    title_keys: list  # ordinal → (sort title, public id)
    updated_keys: list  # ordinal → latest material update, as the database returns it

    @cached_property
    def title_order(self):
        """Ordinals sorted by title, worked out the first time a search sorts by title."""
        return sorted(range(self.size), key=self.title_keys.__getitem__)

    @cached_property
    def updated_order(self):
        """Ordinals by latest material update, then public id, both descending (the "updated"
        sort), worked out the first time a search sorts that way."""
        parse = datetime.fromisoformat  # SQLite's text: naive UTC; PostgreSQL's datetimes: aware
        keys = [
            (parse(updated) if isinstance(updated, str) else updated, title_key[1])
            for updated, title_key in zip(self.updated_keys, self.title_keys, strict=True)
        ]
        return sorted(range(self.size), key=keys.__getitem__, reverse=True)

    @property
    def universe(self):
        return (1 << self.size) - 1

    @classmethod
    def load(cls, locale, token):
        """Read from the items table alone: its rows carry their facet values, so one pass over
        one row per item builds every bitmap."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, sort_title, public_id, item_type, services, regions, risks, impact_level, updated FROM {ITEMS} "
                "WHERE locale = %s ORDER BY date DESC, public_id DESC",
                [locale],
            )
            rows = cursor.fetchall()
        members = {}
        for ordinal, row in enumerate(rows):
            item_type, services, regions, risks, level = row[3:8]
            pairs = facet_values(item_type, split(services), split(regions), split(risks), level)
            for facet, value in pairs:
                members.setdefault(facet, {}).setdefault(value, []).append(ordinal)
        size = len(rows)
        item_ids = [row[0] for row in rows]
        facets = {
            facet: {value: bitmap_of(ordinals, size) for value, ordinals in values.items()}
            for facet, values in members.items()
        }
        ordinal_of = {item_id: ordinal for ordinal, item_id in enumerate(item_ids)}
        return cls(
            token,
            size,
            item_ids,
            ordinal_of,
            facets,
            [(row[1], row[2]) for row in rows],
            [row[8] for row in rows],
        )

    def bitmap_of_items(self, item_ids, strict=False):
        """The bitmap of ``item_ids``, items of this language read from the database after these
        bitmaps. One they do not know was written since: ``strict`` raises ``StaleSnapshot``,
        otherwise it is left out."""
        ordinal_of = self.ordinal_of.get
        data = bytearray((self.size + 7) // 8)
        for item_id in item_ids:
            ordinal = ordinal_of(item_id)
            if ordinal is not None:
                data[ordinal >> 3] |= 1 << (ordinal & 7)
            elif strict:
                raise StaleSnapshot(item_id)
        return int.from_bytes(data, "little")

    def selection(self, facet, values):
        """Items having any of ``values`` in ``facet``."""
        bitmap = 0
        for value in values:
            bitmap |= self.facets.get(facet, {}).get(value, 0)
        return bitmap

    def counts(self, facet, scope):
        return {
            value: number
            for value, bitmap in self.facets.get(facet, {}).items()
            if (number := (bitmap & scope).bit_count())
        }


def snapshot(locale):
    """The bitmaps of the index's current state, shared by the process's threads. The token is read
    before the rows, so a snapshot is never labelled newer than what it holds: at worst a write
    committed in between makes the next search read the rows again."""
    token = current_token()
    key = (connection.alias, connection.settings_dict["NAME"], locale)
    cached = _snapshots.get(key)
    if cached is None or cached.token != token:
        with _lock:
            cached = _snapshots.get(key)  # another thread may have read this state meanwhile
            if cached is None or cached.token != token:
                cached = Snapshot.load(locale, token)
                _snapshots[key] = cached
    return cached


def stored_instant(value):
    """A DateTimeField read by a raw cursor, as an aware UTC datetime: SQLite gives its text
    (naive UTC), PostgreSQL an aware datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def split(joined):
    """Keys stored joined by ``|`` in an items row."""
    return joined.split("|") if joined else []


def bitmap_of(ordinals, size):
    data = bytearray((size + 7) // 8)
    for ordinal in ordinals:
        data[ordinal >> 3] |= 1 << (ordinal & 7)
    return int.from_bytes(data, "little")


def ordinals_in_order(bitmap, size, offset, limit, reverse=False):
    """The positions of set bits, lowest first (or highest first), skipping ``offset`` of them."""
    data = bitmap.to_bytes((size + 7) // 8, "little")
    indexes = range(len(data) - 1, -1, -1) if reverse else range(len(data))
    found = []
    for index in indexes:
        byte = data[index]
        if not byte:
            continue
        if offset >= POPCOUNT[byte]:
            offset -= POPCOUNT[byte]
            continue
        bits = range(7, -1, -1) if reverse else range(8)
        for bit in bits:
            if byte >> bit & 1:
                if offset:
                    offset -= 1
                    continue
                found.append(index * 8 + bit)
                if len(found) == limit:
                    return found
    return found


def ordinals_by_rank(bitmap, size, rank, offset, limit):
    """Set bits in the order of ``rank`` (a list of positions), skipping ``offset`` of them."""
    data = bitmap.to_bytes((size + 7) // 8, "little")
    found = []
    for ordinal in rank:
        if data[ordinal >> 3] >> (ordinal & 7) & 1:
            if offset:
                offset -= 1
                continue
            found.append(ordinal)
            if len(found) == limit:
                break
    return found
