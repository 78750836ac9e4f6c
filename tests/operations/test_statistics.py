"""After a bulk load (a restore, a synthetic hub) and every night, the database's planner has the
tables' statistics."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from operations.databases import refresh_statistics


@pytest.mark.django_db
def test_the_planner_counts_the_rows_loaded():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite: below")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE loaded (number integer)")
        cursor.execute("INSERT INTO loaded SELECT generate_series(1, 2500)")
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'loaded'")
        assert cursor.fetchone()[0] == -1  # never analysed: planned as an empty table

        refresh_statistics(connection)

        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'loaded'")
        assert cursor.fetchone()[0] == 2500


@pytest.mark.django_db
def test_the_nightly_command_gathers_sqlites_statistics():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL: above")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE loaded (number integer)")
        cursor.execute("CREATE INDEX loaded_number ON loaded (number)")
        cursor.executemany("INSERT INTO loaded VALUES (%s)", [(number,) for number in range(2500)])
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_stat1")

        call_command("refresh_statistics", stdout=StringIO())

        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'loaded' AND idx = 'loaded_number'")
        assert cursor.fetchone()[0].split()[0] == "2500"  # rows the planner now knows of
