"""/healthz: what a load balancer or a monitor polls every 10 s. It says whether the database
answers (503 when it does not), which search backend answers and whether from its fallback, how
old the open data is, and how many index writes wait for a sync; in a few queries, without
login, rate limit or cache, and without ever naming an address, a host, a path or an error."""

import io
import json
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import override_settings
from django.utils import timezone

from hub.data_folder import open_data_root
from open_data.files import MANIFEST_JSON, stale_mark
from search import health as search_health
from search.backends import get_backend
from search.models import PendingIndexUpdate
from tests.factories import CaseFilePageFactory
from tests.hub.test_production_settings import COMPLETE, load

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(site_pages, committed):
    """A published item and the open data built for it."""
    committed(CaseFilePageFactory, title="Caméras au parc")
    call_command("build_open_data", stdout=io.StringIO())
    return json.loads((open_data_root() / MANIFEST_JSON).read_text())


def healthz(client, **extra):
    response = client.get("/healthz", **extra)
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    return response, response.json()


def test_a_healthy_hub_answers_ok_with_every_field(client, built):
    response, report = healthz(client)

    assert response.status_code == 200
    generated_at = datetime.fromisoformat(built["generated_at"])
    age = report["open_data"].pop("age_seconds")
    assert 0 <= age <= (timezone.now() - generated_at).total_seconds() + 1
    assert report == {
        "status": "ok",
        "database": {"ok": True},
        "search": {"backend": "embedded", "ok": True, "fallback": False},
        "open_data": {"built_at": generated_at.isoformat(), "stale": False, "stale_seconds": None},
        "index": {"pending_writes": 0},
    }


def test_it_costs_three_small_queries_whatever_the_hub_holds(client, built, django_assert_num_queries):
    with django_assert_num_queries(3):  # SELECT 1, one indexed row, COUNT of pending writes
        client.get("/healthz")
    for _ in range(5):
        CaseFilePageFactory()
    with django_assert_num_queries(3):
        client.get("/healthz")


def test_open_data_never_built_is_reported_and_degrades(client, site_pages):
    response, report = healthz(client)
    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["open_data"] == {
        "built_at": None,
        "age_seconds": None,
        "stale": True,
        "stale_seconds": None,
    }


def test_stale_open_data_degrades_only_past_the_grace_period(client, built, settings):
    settings.HEALTHZ_OPEN_DATA_STALE_SECONDS = 600
    since = timezone.now() - timedelta(seconds=300)
    stale_mark(open_data_root()).write_text(since.isoformat())

    _, report = healthz(client)
    assert report["status"] == "ok"
    assert report["open_data"]["stale"] is True
    assert 300 <= report["open_data"]["stale_seconds"] < 400

    stale_mark(open_data_root()).write_text((since - timedelta(seconds=600)).isoformat())
    _, report = healthz(client)
    assert report["status"] == "degraded"
    assert report["open_data"]["stale_seconds"] >= 900


def test_index_writes_waiting_for_a_sync_degrade(client, built):
    PendingIndexUpdate.objects.create(public_id="CF-2026-0001")
    PendingIndexUpdate.objects.create(public_id="CF-2026-0002")
    response, report = healthz(client)
    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["index"] == {"pending_writes": 2}


def test_database_down_answers_503_without_the_error(client, built):
    secret = "could not connect to server at db-7.internal.example:5432 (user vigie_prod)"
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=OperationalError(secret)):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    report = response.json()
    assert report["status"] == "down"
    assert report["database"] == {"ok": False}
    assert report["search"]["ok"] is False
    assert report["index"] == {"pending_writes": None}
    body = response.content.decode()
    for fragment in ("db-7", "internal.example", "5432", "vigie_prod", "OperationalError"):
        assert fragment not in body


def test_only_get_and_head(client, built):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_no_rate_limit_stops_a_poller(client, built, settings):
    settings.RATELIMITS = dict.fromkeys(settings.RATELIMITS, "1/m")
    assert client.get("/api/v1/search/").status_code == 200
    assert client.get("/api/v1/search/").status_code == 429  # the limits are on
    assert [client.get("/healthz").status_code for _ in range(20)] == [200] * 20


def test_production_answers_a_plain_http_poll_without_redirecting(client, built, settings):
    production, error = load(**COMPLETE)
    assert error is None and production["SECURE_SSL_REDIRECT"] is True
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production["SECURE_REDIRECT_EXEMPT"]
    assert client.get("/api/v1/search/").status_code == 301
    assert client.get("/healthz").status_code == 200


# --- Elasticsearch ------------------------------------------------------------------------------


@pytest.fixture
def elasticsearch_configured():
    """Use get_backend() as configured by the test's settings; forget the pings of other tests."""
    search_health._last_ping.clear()
    get_backend.cache_clear()
    yield
    get_backend.cache_clear()
    search_health._last_ping.clear()


def test_an_unreachable_cluster_reports_the_fallback_and_leaks_nothing(
    client, built, settings, elasticsearch_configured
):
    url = "http://vigie-search-user:s3cr3t-passw0rd@127.0.0.1:9"
    with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_TIMEOUT=1):
        get_backend.cache_clear()
        response, report = healthz(client)

    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["search"] == {"backend": "elasticsearch", "ok": True, "fallback": True}
    body = response.content.decode()
    database_name = str(settings.DATABASES["default"]["NAME"])
    for fragment in ("vigie-search-user", "s3cr3t", "127.0.0.1", "http", database_name, "Connection"):
        assert fragment not in body


def test_a_cluster_that_answers_is_reported_ok(client, built, elasticsearch_configured):
    from tests.search.elasticsearch_support import osmem_compatible_client, osmem_server

    server = osmem_server()
    with osmem_compatible_client(), override_settings(ELASTICSEARCH_URL=server.url):
        get_backend.cache_clear()
        response, report = healthz(client)

    assert report["status"] == "ok"
    assert report["search"] == {"backend": "elasticsearch", "ok": True, "fallback": False}
    assert server.url not in response.content.decode()


def test_the_cluster_is_pinged_at_most_once_every_few_seconds_per_process(monkeypatch):
    search_health._last_ping.clear()
    client = mock.Mock()
    client.options.return_value.ping.return_value = False
    clock = iter([100.0, 101.0, 104.9, 105.1])
    monkeypatch.setattr(search_health.time, "monotonic", lambda: next(clock))

    answers = [search_health.elasticsearch_answers(client) for _ in range(4)]

    assert answers == [False] * 4
    assert client.options.return_value.ping.call_count == 2  # at 100.0 and again at 105.1
    client.options.assert_called_with(request_timeout=search_health.PING_TIMEOUT_SECONDS)
    search_health._last_ping.clear()
