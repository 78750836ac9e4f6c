"""gunicorn's settings for `make serve` (scripts/serve) and the systemd unit, read from the
environment. Defaults are for a 2-core machine with the database on it:

- WEB_CONCURRENCY=2 worker processes, one per core. Each worker keeps its own copy of the search
  facet bitmaps in memory (about 330 MB at 100,000 items), so a worker more than the cores buys
  memory use, not speed.
- GUNICORN_THREADS=4 threads per worker (the gthread worker). Most of a request is spent waiting
  on the database, the disk or Elasticsearch; threads overlap those waits, and a long CSV
  download streams in one thread without holding a whole process. The open data rebuild after a
  publication also runs in a thread of the worker that published.
- GUNICORN_TIMEOUT=60 seconds before a silent worker is killed and replaced: long enough for the
  slowest legitimate answer (a full CSV export is streamed, which keeps the worker alive).
- GUNICORN_GRACEFUL_TIMEOUT=30 seconds for requests under way to finish on a restart.
- GUNICORN_KEEPALIVE=5 seconds: the reverse proxy reuses its connections to gunicorn.
- GUNICORN_BIND, or HOST (127.0.0.1: only the proxy on this machine reaches gunicorn) and PORT
  (8000). A Unix socket: GUNICORN_BIND=unix:/run/vigie-ia/gunicorn.sock.

A value that is not a positive whole number stops gunicorn with a message naming the variable."""

import os
import sys


def positive_int(name, default):
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit() or int(value) < 1:
        sys.exit(f"{name} must be a positive whole number; got {value!r}.")
    return int(value)


bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('HOST', '127.0.0.1')}:{positive_int('PORT', 8000)}"
)
worker_class = "gthread"
workers = positive_int("WEB_CONCURRENCY", 2)
threads = positive_int("GUNICORN_THREADS", 4)
timeout = positive_int("GUNICORN_TIMEOUT", 60)
graceful_timeout = positive_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = positive_int("GUNICORN_KEEPALIVE", 5)
# One line per request on standard output (the journal under systemd); GUNICORN_ACCESS_LOG=off
# turns it off (a load test).
accesslog = None if os.environ.get("GUNICORN_ACCESS_LOG") == "off" else "-"
errorlog = "-"
# gunicorn's control socket (gunicornc) is not used; without it two servers on one machine (a
# load test beside the site) do not fight over its one default path.
control_socket_disable = True


def post_worker_init(worker):
    """Each new worker reads the search bitmaps before it takes a request, so no reader pays the
    cold read (about a second at 100,000 items, per language). A failure is logged and left to
    the first search, which reads them itself."""
    from django.db import connections

    from search.backends import get_backend

    try:
        get_backend().warm()
    except Exception:
        worker.log.exception("Warming the search bitmaps failed; the first search will read them.")
    finally:
        connections.close_all()
