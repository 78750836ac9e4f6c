"""Facet bitmaps for the embedded backend: each facet value of one interface language as a
Python integer with one bit per indexed item.

Counting a facet under any selection is then an AND and a population count, microseconds
where SQL needs a join per facet. The bitmaps are read from the index tables (the database
stays the source of truth) in one pass, items numbered newest first (the "base"). Every write
to the index logs the item rows it adds and removes (``IndexChange``) and sets a new state token,
in its own transaction: a process whose snapshot has another token reads the changes after its
position and applies them to a copy (removed: its bit leaves ``live``; added: it is appended after
the base and merged into date order when a page is cut), so a publication costs every process
one short query, not a whole new read. A process reads everything again when the log no longer
holds the change it stopped at (pruned, emptied by a rebuild, rolled back) or when too much was
appended since its last full read. A rolled-back write leaves the previous token in place.

Snapshots are shared by a process's threads and never changed once published, except for the
cache of frequent terms' bitmaps, which only grows (under a lock).

A search reads the bitmaps, then the database: a write committed in between shows as a row the
bitmaps do not know, or a row they know gone (``StaleSnapshot``); the search then starts again
on the new state (``EmbeddedBackend.search``)."""

import threading
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property

from django.db import connection

from ..models import IndexChange, IndexedItem, IndexState
from ..query import as_list, facet_values

ITEMS = IndexedItem._meta.db_table
STATE = IndexState._meta.db_table
CHANGES = IndexChange._meta.db_table
POPCOUNT = bytes(bin(byte).count("1") for byte in range(256))
# The log keeps the latest LOG_KEPT changes: a process further behind reads its languages again.
LOG_KEPT = 10_000
# A snapshot to which this many items were appended or removed since its full read is read again:
# each appended item that matches a search costs a little when its page is cut.
CHANGES_BEFORE_RELOAD = 1_000
# A term matching at least this many items of a language keeps its bitmaps in the snapshot (SQL
# would return too many ids); at most TERMS_KEPT terms per snapshot, and as many known as rare.
FREQUENT_TERM = 500
TERMS_KEPT = 2_000
ROW_COLUMNS = (
    "id, sort_title, public_id, item_type, services, regions, risks, impact_level, updated, date, "
    "type_facets, ranks, published"
)

_lock = threading.Lock()
_terms_lock = threading.Lock()
_snapshots = {}


class StaleSnapshot(Exception):
    """The index changed between reading the bitmaps and reading rows from the database."""


# --- Writing: the state token and the change log ----------------------------------------------


def log_changes(changes):
    """Record ``(locale, item id, added)`` changes and set a new state token; call inside the
    transaction that makes them, holding the index lock, so that positions follow commit order.
    A write without changes logs a mark of no language: each token has its row in the log, which
    a process at that token checks is still there before applying what follows."""
    token = uuid.uuid4().hex
    rows = IndexChange.objects.bulk_create(
        [
            IndexChange(locale=locale, item_id=item_id, added=added, token=token)
            for locale, item_id, added in changes
        ]
        or [IndexChange(locale="", item_id=0, added=False, token=token)],
        batch_size=1000,
    )
    position = max(row.pk for row in rows)
    IndexState.objects.update_or_create(pk=1, defaults={"token": token, "position": position})
    IndexChange.objects.filter(pk__lte=position - LOG_KEPT).delete()


def restart_log():
    """Mark the whole index as changed (cleared, bulk loaded): the log is emptied, so every process
    reads the index again."""
    IndexChange.objects.all().delete()
    log_changes([])


def current_token():
    return read_state()[0]


def read_state():
    """``(token, position)`` of the index now."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token, position FROM {STATE} WHERE id = 1")
        row = cursor.fetchone()
    return row or ("", 0)


def read_log(locale, token, position):
    """``(token, position, changes)``: the index's state now and, in the same statement, the
    changes of ``locale`` logged after ``position`` as ``[(item id, added)]``; ``changes`` is None
    when the log no longer holds the change the state ``(token, position)`` was left at (pruned,
    emptied by a rebuild, rolled back): a snapshot there must be read again."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT s.token, s.position, c.id, c.item_id, c.added, c.token FROM {STATE} s "
            f"LEFT JOIN {CHANGES} c ON c.id <= s.position AND (c.id = %s OR (c.id > %s AND c.locale = %s)) "
            "WHERE s.id = 1 ORDER BY c.id",
            [position, position, locale],
        )
        rows = cursor.fetchall()
    if not rows:
        return "", 0, None
    now_token, now_position, anchor, _item_id, _added, anchor_token = rows[0]
    if anchor != position or anchor_token != token:
        return now_token, now_position, None
    return (
        now_token,
        now_position,
        [(item_id, bool(added)) for _id, item_id, added in (row[2:5] for row in rows[1:])],
    )


def changes_between(locale, token, position, upto):
    """The changes of ``locale`` logged after ``position`` up to ``upto``, as ``[(item id,
    added)]``; None when the log no longer holds the change the state ``(token, position)`` was
    left at (pruned, emptied by a rebuild, rolled back)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, item_id, added, token FROM {CHANGES} "
            "WHERE id = %s OR (id > %s AND id <= %s AND locale = %s) ORDER BY id",
            [position, position, upto, locale],
        )
        rows = cursor.fetchall()
    if not rows or rows[0][0] != position or rows[0][3] != token:
        return None
    return [(item_id, bool(added)) for _id, item_id, added, _token in rows[1:]]


# --- Reading: snapshots -----------------------------------------------------------------------


class Column:
    """Values by ordinal: a list read once and shared by every later snapshot, and the few values
    appended since, copied when more are appended."""

    __slots__ = ("base", "extra")

    def __init__(self, base, extra=()):
        self.base = base
        self.extra = tuple(extra)

    def __getitem__(self, ordinal):
        size = len(self.base)
        return self.base[ordinal] if ordinal < size else self.extra[ordinal - size]

    def __len__(self):
        return len(self.base) + len(self.extra)

    def appended(self, values):
        return Column(self.base, self.extra + tuple(values))


@dataclass
class Snapshot:
    """The bitmaps of one language at one state of the index."""

    token: str
    position: int  # the last change of the log applied
    base_size: int  # ordinals below it were read in date order, newest first
    size: int  # every ordinal given: the base, then items appended since
    item_ids: Column  # ordinal → IndexedItem id
    ordinal_of: dict  # IndexedItem id of the base → ordinal; never changed
    live: int  # the bitmap of the items in the index now
    facets: dict  # facet → {value: bitmap}
    date_keys: Column  # ordinal → (date, public id): the order of "newest"
    title_keys: Column  # ordinal → (sort title, public id)
    updated_keys: Column  # ordinal → latest material update, as the database returns it
    rank_values: Column  # ordinal → the ranks of its type's sorts, as stored (``joined_pairs``)
    appended_ordinal_of: dict = field(default_factory=dict)  # appended item id → ordinal
    appended: tuple = ()  # (place in the base, ordinal) of appended items, newest first
    changes: int = 0  # items appended or removed since the full read
    terms: dict = field(default_factory=dict)  # frequent term → (bitmap, bitmap of titles)
    rare_terms: set = field(default_factory=set)  # terms known to match few items
    rank_orders: dict = field(default_factory=dict)  # type's sort → ordinals, worked out when asked

    @cached_property
    def title_order(self):
        """Ordinals sorted by title, worked out the first time a search sorts by title."""
        return sorted(range(self.size), key=self.title_keys.__getitem__)

    @cached_property
    def updated_order(self):
        """Ordinals by latest material update, then public id, both descending (the "updated"
        sort), worked out the first time a search sorts that way."""
        return sorted(range(self.size), key=self.updated_key, reverse=True)

    def rank_order(self, sort):
        """Ordinals by their rank in an item type's ``sort`` (highest first, then newest first;
        items without one last, newest first), worked out the first time a search sorts so."""
        if sort not in self.rank_orders:
            self.rank_orders[sort] = sorted(range(self.size), key=self.rank_key(sort), reverse=True)
        return self.rank_orders[sort]

    def rank_key(self, sort):
        def key(ordinal):
            rank = split_pairs(self.rank_values[ordinal]).get(sort)
            return (rank is not None, int(rank or 0), self.date_keys[ordinal])

        return key

    def updated_key(self, ordinal):
        updated = self.updated_keys[ordinal]  # SQLite's text: naive UTC; PostgreSQL's datetimes: aware
        return (
            datetime.fromisoformat(updated) if isinstance(updated, str) else updated,
            self.title_keys[ordinal][1],
        )

    @property
    def universe(self):
        return self.live

    @classmethod
    def load(cls, locale):
        """Read from the items table alone: its rows carry their facet values, so one pass over
        one row per item builds every bitmap. The state is read before the rows, so a snapshot is
        never labelled newer than what it holds: a change committed in between is applied again,
        which changes nothing."""
        token, position = read_state()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {ROW_COLUMNS} FROM {ITEMS} WHERE locale = %s ORDER BY date DESC, public_id DESC",
                [locale],
            )
            rows = cursor.fetchall()
        members = {}
        for ordinal, row in enumerate(rows):
            for facet, value in row_facets(row):
                members.setdefault(facet, {}).setdefault(value, []).append(ordinal)
        size = len(rows)
        item_ids = [row[0] for row in rows]
        return cls(
            token=token,
            position=position,
            base_size=size,
            size=size,
            item_ids=Column(item_ids),
            ordinal_of={item_id: ordinal for ordinal, item_id in enumerate(item_ids)},
            live=(1 << size) - 1,
            facets={
                facet: {value: bitmap_of(ordinals, size) for value, ordinals in values.items()}
                for facet, values in members.items()
            },
            date_keys=Column([(row[9], row[2]) for row in rows]),
            title_keys=Column([(row[1], row[2]) for row in rows]),
            updated_keys=Column([row[8] for row in rows]),
            rank_values=Column([row[11] for row in rows]),
        )

    def ordinal(self, item_id):
        ordinal = self.ordinal_of.get(item_id)
        return self.appended_ordinal_of.get(item_id) if ordinal is None else ordinal

    def advanced(self, token, position, changes):
        """A copy with ``changes`` (``[(item id, added)]``, in log order) applied; this snapshot
        stays as it is for the threads reading it. An item added and removed within the changes
        never shows; a change already held (a full read that saw it) changes nothing."""
        pending = {}
        removed = []
        for item_id, added in changes:
            if added:
                pending[item_id] = True
            else:
                pending.pop(item_id, None)
                if self.ordinal(item_id) is not None:
                    removed.append(self.ordinal(item_id))
        rows = added_rows([item_id for item_id in pending if self.ordinal(item_id) is None])
        live = self.live & ~bitmap_of(removed, self.size)
        facets = {facet: dict(values) for facet, values in self.facets.items()}
        with _terms_lock:
            terms = dict(self.terms)
        appended_ordinal_of = dict(self.appended_ordinal_of)
        date_keys = self.date_keys.appended((row[9], row[2]) for row in rows)
        appended = list(self.appended)
        for ordinal, row in enumerate(rows, start=self.size):
            bit = 1 << ordinal
            live |= bit
            appended_ordinal_of[row[0]] = ordinal
            appended.append((self.base_place(date_keys[ordinal]), ordinal))
            for facet, value in row_facets(row):
                values = facets.setdefault(facet, {})
                values[value] = values.get(value, 0) | bit
            title_terms, all_terms = set(row[13].split()), set(row[13].split()) | set(row[14].split())
            for term, (bitmap, titles) in terms.items():
                if term in all_terms:
                    terms[term] = (bitmap | bit, titles | bit if term in title_terms else titles)
        appended.sort(key=lambda placed: date_keys[placed[1]], reverse=True)
        snap = replace(
            self,
            token=token,
            position=position,
            size=self.size + len(rows),
            item_ids=self.item_ids.appended(row[0] for row in rows),
            live=live,
            facets=facets,
            date_keys=date_keys,
            title_keys=self.title_keys.appended((row[1], row[2]) for row in rows),
            updated_keys=self.updated_keys.appended(row[8] for row in rows),
            rank_values=self.rank_values.appended(row[11] for row in rows),
            appended_ordinal_of=appended_ordinal_of,
            appended=tuple(appended),
            changes=self.changes + len(rows) + len(removed),
            terms=terms,
        )
        # Orders already worked out stay so: the appended ordinals go in at their places.
        for name, key, descending in (
            ("title_order", snap.title_keys.__getitem__, False),
            ("updated_order", snap.updated_key, True),
        ):
            if name in self.__dict__:
                order = list(self.__dict__[name])
                for ordinal in range(self.size, snap.size):
                    order.insert(place(order, key(ordinal), key, descending), ordinal)
                snap.__dict__[name] = order
        snap.rank_orders = {}
        for sort, known in list(self.rank_orders.items()):
            order, key = list(known), snap.rank_key(sort)
            for ordinal in range(self.size, snap.size):
                order.insert(place(order, key(ordinal), key, descending=True), ordinal)
            snap.rank_orders[sort] = order
        return snap

    def base_place(self, date_key):
        """How many items of the base come before an item with ``date_key`` in date order."""
        return place(range(self.base_size), date_key, self.date_keys.__getitem__, descending=True)

    def remember_term(self, term, bitmap, titles):
        """Keep a frequent term's bitmaps (or note a rare term) for the next searches."""
        with _terms_lock:
            if titles is not None and len(self.terms) < TERMS_KEPT:
                self.terms[term] = (bitmap, titles)
            elif titles is None and len(self.rare_terms) < TERMS_KEPT:
                self.rare_terms.add(term)

    def bitmap_of_items(self, item_ids, strict=False):
        """The bitmap of ``item_ids``, items of this language read from the database after these
        bitmaps. One they do not know was written since: ``strict`` raises ``StaleSnapshot``,
        otherwise it is left out."""
        ordinal_of = self.ordinal_of.get
        appended = self.appended_ordinal_of.get
        data = bytearray((self.size + 7) // 8)
        for item_id in item_ids:
            ordinal = ordinal_of(item_id)
            if ordinal is None:
                ordinal = appended(item_id)
            if ordinal is not None:
                data[ordinal >> 3] |= 1 << (ordinal & 7)
            elif strict:
                raise StaleSnapshot(item_id)
        return int.from_bytes(data, "little") & self.live

    def selection(self, facet, values, every=False):
        """Items having any of ``values`` in ``facet``; with ``every``, all of them."""
        found = self.facets.get(facet, {})
        bitmap = self.live if every else 0
        for value in values:
            bitmap = bitmap & found.get(value, 0) if every else bitmap | found.get(value, 0)
        return bitmap & self.live

    def counts(self, facet, scope):
        return {
            value: number
            for value, bitmap in self.facets.get(facet, {}).items()
            if (number := (bitmap & scope).bit_count())
        }

    def in_date_order(self, bitmap, offset, limit, reverse=False):
        """Ordinals of one page of ``bitmap`` newest first (or oldest first): the base in bit order,
        with the matching appended items merged in at their places."""
        if not self.appended:
            return ordinals_in_order(bitmap, self.size, offset, limit, reverse)
        base = bitmap & ((1 << self.base_size) - 1)
        ranked = []  # (rank among the matches, newest first; ordinal)
        for base_place, ordinal in self.appended:
            if bitmap >> ordinal & 1:
                ranked.append(((base & ((1 << base_place) - 1)).bit_count() + len(ranked), ordinal))
        if reverse:
            last = bitmap.bit_count() - 1
            ranked = [(last - rank, ordinal) for rank, ordinal in reversed(ranked)]
        before = sum(1 for rank, _ordinal in ranked if rank < offset)
        from_base = iter(ordinals_in_order(base, self.base_size, offset - before, limit, reverse))
        on_page = {rank: ordinal for rank, ordinal in ranked if offset <= rank < offset + limit}
        page = []
        for rank in range(offset, offset + limit):
            ordinal = on_page.get(rank)
            if ordinal is None:
                ordinal = next(from_base, None)
                if ordinal is None:
                    break
            page.append(ordinal)
        return page


def snapshot(locale):
    """The bitmaps of the index's current state, shared by the process's threads: the cached
    snapshot while the token is the same, else a copy with the changes since applied (one short
    query more), else a full read."""
    key = (connection.alias, connection.settings_dict["NAME"], locale)
    cached = _snapshots.get(key)
    if cached is not None:
        state = read_log(locale, cached.token, cached.position)
        if cached.token == state[0]:
            return cached
    with _lock:
        if _snapshots.get(key) is not cached:  # another thread caught up meanwhile
            cached = _snapshots[key]
            state = read_log(locale, cached.token, cached.position)
            if cached.token == state[0]:
                return cached
        fresh = None
        if cached is not None:
            token, position, changes = state
            if changes is not None and cached.changes + len(changes) < CHANGES_BEFORE_RELOAD:
                fresh = cached.advanced(token, position, changes)
        _snapshots[key] = fresh or Snapshot.load(locale)
        return _snapshots[key]


def added_rows(item_ids):
    """The rows of items appended to a snapshot, with their analysed terms; rows deleted since
    the log was read are missing (their removal comes next)."""
    if not item_ids:
        return []
    marks = ", ".join(["%s"] * len(item_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {ROW_COLUMNS}, title_terms, body_terms FROM {ITEMS} WHERE id IN ({marks}) ORDER BY id",
            list(item_ids),
        )
        return cursor.fetchall()


def row_facets(row):
    item_type, services, regions, risks, level = row[3:8]
    return facet_values(
        item_type,
        split(services),
        split(regions),
        split(risks),
        level,
        split_facets(row[10]),
        date=row[9],
        published=row[12],
    )


def place(ordered, key_value, key, descending=False):
    """Where ``key_value`` goes in ``ordered`` (sorted by ``key``): a binary search."""
    low, high = 0, len(ordered)
    while low < high:
        middle = (low + high) // 2
        other = key(ordered[middle])
        if other > key_value if descending else other < key_value:
            low = middle + 1
        else:
            high = middle
    return low


def stored_instant(value):
    """A DateTimeField read by a raw cursor, as an aware UTC datetime: SQLite gives its text
    (naive UTC), PostgreSQL an aware datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def split(joined):
    """Keys stored joined by ``|`` in an items row."""
    return joined.split("|") if joined else []


def joined_pairs(values):
    """``{key: value}`` as an items row stores it: ``key=value`` pairs joined by ``|``, by key; a
    facet with several values (a list) gives a pair for each."""
    return "|".join(f"{key}={item}" for key, value in sorted(values.items()) for item in as_list(value))


def split_pairs(joined):
    """``{key: value}`` of a row's ranks (one value per key)."""
    return dict(pair.split("=", 1) for pair in joined.split("|")) if joined else {}


def split_facets(joined):
    """``{facet: [values]}`` of a row's declared facets (``joined_pairs``)."""
    facets = {}
    for pair in joined.split("|") if joined else ():
        key, value = pair.split("=", 1)
        facets.setdefault(key, []).append(value)
    return facets


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
