"""Taxonomy labels are read from the cache once per request (a list of 20 cards asked 40 times),
and a renamed term shows at once, in the same request or the next."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from hub.models import Service, labels_cache_key, term_labels

pytestmark = pytest.mark.django_db


def label_reads(get):
    return [call for call in get.call_args_list if call.args and call.args[0] == labels_cache_key(Service)]


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: a request's start must not close the connection holding the
    test's transaction (PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_labels_are_read_once_per_request_and_follow_a_rename():
    term_labels(Service, "en")  # the table is in the cache
    request_started.send(sender=None)
    try:
        with mock.patch.object(cache, "get", wraps=cache.get) as get:
            first = term_labels(Service, "en")["sante"]
            for _ in range(20):
                term_labels(Service, "en")
            reads = len(label_reads(get))
        term = Service.objects.get(key="sante", locale__language_code="en")
        term.label = "Health (renamed)"
        term.save()
        renamed = term_labels(Service, "en")["sante"]
    finally:
        request_finished.send(sender=None)

    assert reads == 1
    assert first != "Health (renamed)" and renamed == "Health (renamed)"


def test_outside_a_request_every_lookup_reads_the_cache():
    """A command or a task runs for long: it sees a rename made by another process."""
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        term_labels(Service, "en")
        term_labels(Service, "en")

    assert len(label_reads(get)) == 2
