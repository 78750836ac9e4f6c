"""Fixtures shared by every test module."""

import datetime
from datetime import UTC, timedelta

import pytest
from django.core.cache import cache

from tests.factories import site_skeleton


@pytest.fixture(autouse=True)
def _empty_cache():
    """Taxonomy labels, the demo flag and Wagtail's site paths are cached; a test must not see
    what a rolled-back test left behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _own_open_data_folder(settings, tmp_path):
    """Each test builds open data in its own folder: once built, the files make every later
    publication queue a rebuild, which must not follow a test into the next ones."""
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
