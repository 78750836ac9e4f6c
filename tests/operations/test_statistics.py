"""After a bulk load (a restore, a synthetic hub) and every night, the database's planner has the
tables' statistics."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection


def rows_known_to_the_planner(cursor, table):
    if connection.vendor == "postgresql":
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]
    cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
    if cursor.fetchone() is None:
        return -1
    # sqlite_stat1's "stat" starts with the number of rows of the table (or of the index).
    cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
    row = cursor.fetchone()
    return int(row[0].split()[0]) if row else -1


@pytest.mark.django_db
def test_the_planner_counts_the_rows_loaded():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE loaded (number integer)")
        cursor.execute("CREATE INDEX loaded_number ON loaded (number)")
        cursor.executemany("INSERT INTO loaded VALUES (%s)", [(number,) for number in range(2500)])
        assert rows_known_to_the_planner(cursor, "loaded") == -1  # never analysed

        call_command("refresh_statistics", stdout=StringIO())

        assert rows_known_to_the_planner(cursor, "loaded") == 2500
