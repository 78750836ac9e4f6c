"""Fixtures shared by every test module."""

import datetime
import sqlite3
from contextlib import closing
from datetime import UTC, timedelta

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections

from tests.database import build_site_skeleton, remove_site_skeleton
from tests.factories import site_skeleton


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The site skeleton (``ensure_site``: home and index pages in both languages, the review
    workflow on them), built once per test process in the database every test starts from, not
    again by each test that needs it (about a second each: a third of the suite's time).
    ``site_skeleton()`` then finds it. A test that needs a database as ``migrate`` leaves it asks
    for ``without_site``.

    The rows a ``serialized_rollback`` test writes back are taken again with the skeleton: that
    test starts from the same database as the others, even the first of its process, where it
    writes them over what it finds (the migrated rows would put the default site back on
    Wagtail's welcome page, under which no page has an address)."""
    with django_db_blocker.unblock():
        build_site_skeleton()
        connection = connections[DEFAULT_DB_ALIAS]
        if hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        cache.clear()


@pytest.fixture
def without_site(db):
    """The database as ``migrate`` leaves it, without the site skeleton; rolled back with the test."""
    remove_site_skeleton()
    cache.clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Taxonomy labels, the demo flag and Wagtail's site paths are cached; a test must not see
    what a rolled-back test left behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _own_open_data_folder(settings, tmp_path):
    """Each test builds open data in its own folder, so that no test finds the files another
    one built (nor their stale mark) in place of its own."""
    settings.OPEN_DATA_ROOT = tmp_path / "open-data"


@pytest.fixture
def site_pages(db):
    """The site skeleton from ``ensure_site()``: ``{language: {"home" | "app.IndexModel": page}}``."""
    return site_skeleton()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "password")


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run an action and what waits for its commit (the search index updates), as a real
    request would: ``committed(page.save_revision().publish)``."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


class Clock:
    """``django.utils.timezone.now`` under the test's control: a moment the test sets, one
    millisecond later at each call (so that the steps of one publication stay in order)."""

    def __init__(self, moment):
        self.moment = moment

    def set(self, *args):
        self.moment = datetime.datetime(*args, tzinfo=UTC)

    def __call__(self):
        self.moment += timedelta(milliseconds=1)
        return self.moment


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(datetime.datetime(2026, 1, 1, 8, tzinfo=UTC))
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock


@pytest.fixture
def own_database(db, tmp_path):
    """A copy of the test database for a test whose threads write at the same time, each on its
    own connection, committing as requests do. The suite's SQLite test database lives in memory
    with a shared cache, which answers "table is locked" at once where a file database waits its
    turn as in production: on SQLite the copy is a file (``VACUUM INTO``, milliseconds), on
    PostgreSQL a database cloned from the test database (closing this test's connection, whose
    transaction holds nothing yet). The rest of the suite keeps its fast in-memory database, and
    nothing written here has to be flushed from it afterwards."""
    original = connections[DEFAULT_DB_ALIAS]
    if original.vendor == "sqlite":
        path = tmp_path / "own-database.sqlite3"
        # From a connection of its own: the test's connection is inside its (IMMEDIATE)
        # transaction, where SQLite neither vacuums nor backs up.
        with closing(sqlite3.connect(original.settings_dict["NAME"], uri=True)) as source:
            source.execute("VACUUM INTO ?", [str(path)])
        copy = {**original.settings_dict, "NAME": str(path)}
    else:
        original.close()
        original.creation.clone_test_db(suffix="own", verbosity=0)
        copy = original.creation.get_test_db_clone_settings("own")
    test_settings = connections.settings[DEFAULT_DB_ALIAS]
    connections.settings[DEFAULT_DB_ALIAS] = copy
    connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        yield copy
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections[DEFAULT_DB_ALIAS] = original
        connections.settings[DEFAULT_DB_ALIAS] = test_settings
        if original.vendor != "sqlite":
            original.creation.destroy_test_db(test_settings["NAME"], verbosity=0, suffix="own")
