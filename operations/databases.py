"""Copying the database out of a backup and back into a hub, per vendor: SQLite through its online
backup API, PostgreSQL through ``pg_dump`` and ``pg_restore``. Whatever is rebuilt on restore
(``rebuilt_tables``) leaves the copy empty, so an archive never carries a stale index."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing

from django.conf import settings
from django.db import transaction


class DatabaseCopyError(Exception):
    """A copy that could not be made or loaded; the message says why, for an operator."""


def dump_database(connection, target, rebuilt_tables):
    """A consistent copy of ``connection``'s database in the file ``target``."""
    if connection.vendor == "sqlite":
        _dump_sqlite(connection.settings_dict["NAME"], target, rebuilt_tables)
    elif connection.vendor == "postgresql":
        _run(
            "pg_dump",
            ["--format=custom", "--compress=0", f"--file={target}"]
            + [f"--exclude-table-data={table}" for table in rebuilt_tables],
            connection.settings_dict,
        )
    else:
        raise DatabaseCopyError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")


def refresh_statistics(connection):
    """Let the database's planner see the tables as they are (``ANALYZE``): after a bulk load
    (``pg_restore`` brings no statistics, and autovacuum waits for rows to change) and nightly.
    Without them PostgreSQL planned a word's search or the home page's newest items for empty
    tables, and SQLite took every table for the same size: asked for a kind of page in tree
    order (the 8 index pages, 900 dialogues) it walked all the site's pages by their path,
    60-70 ms each time at 100,000 items, where its statistics make it 2 ms."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    elif connection.vendor == "sqlite":
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            # ANALYZE writes nothing for an empty table, and SQLite then takes it for a table of
            # a million rows: with no view restriction yet, every public page was found by
            # walking all the site's pages to join them to it. Such a table is said to hold one
            # row, as SQLite's documentation lets an application write these statistics.
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
            analysed = {table for (table,) in cursor.fetchall()}
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
            )
            for (table,) in cursor.fetchall():
                if table not in analysed:
                    cursor.execute(
                        "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, NULL, '1')", [table]
                    )


def load_database(connection, source):
    """Replace the whole database of ``connection`` with the copy in the file ``source``."""
    connection.close()
    if connection.vendor == "sqlite":
        # The backup API writes the pages into the live database under its lock, WAL included:
        # nothing else holding the file sees a half-copied database.
        try:
            with closing(sqlite3.connect(source)) as copy, closing(_open_sqlite(connection)) as target:
                copy.backup(target)
        except sqlite3.Error as error:
            raise DatabaseCopyError(
                f"Cannot write the database {connection.settings_dict['NAME']}: {error} "
                "(is the site still running? stop it first). It was left as it was."
            ) from None
        return
    _empty_postgresql(connection)
    try:
        _run(
            "pg_restore",
            [
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ],
            connection.settings_dict,
        )
    except DatabaseCopyError as error:
        raise DatabaseCopyError(
            f"{error}\nThe database is now empty: fix the cause, then restore again."
        ) from None


def _open_sqlite(connection):
    return sqlite3.connect(connection.settings_dict["NAME"], uri=True, timeout=settings.SQLITE_BUSY_TIMEOUT)


def _dump_sqlite(name, target, rebuilt_tables):
    """One step of the backup API reads a single snapshot: writers carry on meanwhile (WAL)."""
    try:
        source = sqlite3.connect(name, uri=True, timeout=settings.SQLITE_BUSY_TIMEOUT)
        with closing(source), closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
            existing = {row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in rebuilt_tables:
                if table in existing:
                    copy.execute(f'DELETE FROM "{table}"')
            copy.commit()
            # One self-contained file (no -wal beside it), without the emptied pages.
            copy.execute("PRAGMA journal_mode=DELETE")
            copy.execute("VACUUM")
    except sqlite3.Error as error:
        raise DatabaseCopyError(f"Cannot copy the database {name}: {error}") from None


RELATION_KINDS = {
    "r": "TABLE",
    "p": "TABLE",
    "v": "VIEW",
    "m": "MATERIALIZED VIEW",
    "S": "SEQUENCE",
    "f": "FOREIGN TABLE",
}


def _empty_postgresql(connection):
    """Drop every table, view and sequence of the hub's schema, so that the dump is restored into
    nothing (a target migrated further than the backup would otherwise keep its newer tables)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
        )
        relations = cursor.fetchall()
        quote = connection.ops.quote_name
        for statement in ("VIEW", "MATERIALIZED VIEW", "TABLE", "FOREIGN TABLE", "SEQUENCE"):
            names = [quote(name) for kind, name in relations if RELATION_KINDS[kind] == statement]
            if names:
                cursor.execute(f"DROP {statement} IF EXISTS {', '.join(names)} CASCADE")
    connection.close()


def postgres_tool(name):
    """The PostgreSQL client program ``name``: the PG_DUMP or PG_RESTORE setting, the PATH, or
    the folder ``pg_config --bindir`` names."""
    configured = getattr(settings, name.upper(), "")
    if configured:
        return configured
    found = shutil.which(name)
    if found:
        return found
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
        candidate = os.path.join(bindir, name)
        if bindir and os.access(candidate, os.X_OK):
            return candidate
    raise DatabaseCopyError(
        f"{name} not found: install the PostgreSQL client programs, or set {name.upper()} to its path."
    )


def postgres_environment(settings_dict):
    """Connection parameters for the client programs, in their environment variables: the password
    never appears on a command line (where ``ps`` shows it to every user of the machine)."""
    environment = dict(os.environ)
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": settings_dict.get("OPTIONS", {}).get("sslmode"),
    }
    environment.update({key: str(value) for key, value in values.items() if value})
    return environment


def _run(program, arguments, settings_dict):
    tool = postgres_tool(program)
    try:
        finished = subprocess.run(
            [tool, *arguments], env=postgres_environment(settings_dict), capture_output=True, text=True
        )
    except OSError as error:
        raise DatabaseCopyError(f"Cannot run {tool}: {error.strerror or error}") from None
    if finished.returncode != 0:
        raise DatabaseCopyError(f"{program} failed (exit {finished.returncode}): {finished.stderr.strip()}")
