"""Named locks that make writers of one kind wait their turn, on SQLite and PostgreSQL alike.

Two imports of the same spreadsheet must not both decide that an id is new, and two index
updates of one item must not both read the pages before either writes: each reads, decides and
writes while holding the lock, and the next one starts from what the previous one committed."""

import zlib
from contextlib import contextmanager

from django.db import connection, transaction


def lock_key(name):
    """A stable 32-bit key for PostgreSQL's advisory locks (the same in every process)."""
    return zlib.crc32(f"vigie:{name}".encode())


@contextmanager
def exclusive(name):
    """Run the block in a transaction holding the lock ``name`` until it commits or rolls back.

    PostgreSQL: a transaction-level advisory lock; other writers go on. SQLite: the database's
    one write lock, which an IMMEDIATE transaction (``hub/settings/base.py``) takes as it begins,
    waiting up to the busy timeout; every writer waits, which is SQLite's nature."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(name)])
        yield
