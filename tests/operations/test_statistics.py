"""After a bulk load (a restore, a synthetic hub), PostgreSQL's planner has the tables' statistics."""

import pytest
from django.db import connection

from operations.databases import refresh_statistics


@pytest.mark.django_db
def test_the_planner_counts_the_rows_loaded():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite plans without statistics")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE loaded (number integer)")
        cursor.execute("INSERT INTO loaded SELECT generate_series(1, 2500)")
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'loaded'")
        assert cursor.fetchone()[0] == -1  # never analysed: planned as an empty table

        refresh_statistics(connection)

        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'loaded'")
        assert cursor.fetchone()[0] == 2500
