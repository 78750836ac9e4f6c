"""Fixtures of the open data tests."""

import pytest

from open_data import tasks
from tests.factories import site_skeleton


@pytest.fixture
def root(settings, tmp_path):
    """A folder of this test's own."""
    settings.OPEN_DATA_ROOT = tmp_path / "open-data"
    tasks.connect()
    return settings.OPEN_DATA_ROOT


@pytest.fixture
def site(db, django_capture_on_commit_callbacks):
    """Only the site skeleton: the files still have their headers, the dictionary its columns."""
    with django_capture_on_commit_callbacks(execute=True):
        return site_skeleton()
