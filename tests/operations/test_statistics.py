"""After a bulk load (a restore, a synthetic hub) and every night, PostgreSQL's planner has the
tables' statistics."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db
def test_the_planner_counts_the_rows_loaded():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite is left to its own plans")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE loaded (number integer)")
        cursor.execute("INSERT INTO loaded SELECT generate_series(1, 2500)")
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'loaded'")
        assert cursor.fetchone()[0] == -1  # never analysed: planned as an empty table

        call_command("refresh_statistics", stdout=StringIO())

        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'loaded'")
        assert cursor.fetchone()[0] == 2500
