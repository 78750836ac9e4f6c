"""Fixtures shared by every test module."""

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
