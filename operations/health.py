"""The health check behind ``/healthz``: is the database reachable, does search answer (and from
which backend), how old are the open data files, do index writes wait for a sync.

Cheap enough to poll every 10 s from every load balancer: at most three small queries, a ping
to Elasticsearch cached a few seconds, two small files read. It reports booleans, counts and
dates only: never an address, a host, a path, a version or an error's text, since anyone may
read it."""

from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from hub.data_folder import open_data_root
from open_data.files import read_manifest, stale_since
from search.health import pending_writes, search_health


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def open_data_health(now):
    """When the files online were generated, how old they are, and whether the database changed
    since (or they were never built)."""
    root = open_data_root()
    manifest = read_manifest(root)
    try:
        built_at = datetime.fromisoformat(manifest["generated_at"])
    except (TypeError, KeyError, ValueError):
        built_at = None
    since = stale_since(root)
    return {
        "built_at": built_at.isoformat() if built_at else None,
        "age_seconds": max(0, int((now - built_at).total_seconds())) if built_at else None,
        "stale": built_at is None or since is not None,
        "stale_seconds": max(0, int((now - since).total_seconds())) if since else None,
    }


def status_of(report):
    """ "down" when the database is unreachable (nothing can be served); "degraded" when readers
    get answers but some are behind or from the fallback; "ok" otherwise."""
    if not report["database"]["ok"]:
        return "down"
    open_data = report["open_data"]
    late = open_data["built_at"] is None or (
        open_data["stale_seconds"] is not None
        and open_data["stale_seconds"] > settings.HEALTHZ_OPEN_DATA_STALE_SECONDS
    )
    search = report["search"]
    if not search["ok"] or search["fallback"] or report["index"]["pending_writes"] or late:
        return "degraded"
    return "ok"


def health_report():
    now = timezone.now()
    report = {"database": {"ok": database_ok()}}
    report["search"] = search_health()
    report["open_data"] = open_data_health(now)
    report["index"] = {"pending_writes": pending_writes() if report["database"]["ok"] else None}
    return {"status": status_of(report), **report}
