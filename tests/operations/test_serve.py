"""`make serve` (scripts/serve): it refuses to start, naming every missing variable, before it
touches the database; with the documented environment it serves the hub under gunicorn, its
static files under hashed names, compressed, cached for ten years."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "scripts" / "serve"
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "EMAIL_HOST")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(tmp_path, **values):
    """Only PATH and what the test gives, in a folder of the test's own."""
    return {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "CACHE_URL": f"file://{tmp_path / 'cache'}",
        **values,
    }


def test_it_refuses_to_start_naming_every_missing_variable_before_migrating(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SERVE)], env=environment(tmp_path), capture_output=True, text=True, timeout=120
    )

    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("The hub cannot start")
    for name in REQUIRED:
        assert sum(line.startswith(f"  - {name} ") for line in lines) == 1, name
    assert not (tmp_path / "db.sqlite3").exists()  # nothing migrated
    assert not (tmp_path / "static").exists()


def test_it_refuses_a_bad_gunicorn_setting_by_name(tmp_path):
    complete = {
        "SECRET_KEY": "serve-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "https://vigie.example.org",
        "EMAIL_HOST": "smtp.example.org",
        "GUNICORN_THREADS": "four",
    }
    done = subprocess.run(
        [sys.executable, str(SERVE)],
        env=environment(tmp_path, **complete),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "  - GUNICORN_THREADS must be a positive whole number; got 'four'." in done.stderr
    assert not (tmp_path / "db.sqlite3").exists()


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_fresh_make_serve_serves_the_hub_and_hashed_compressed_static_files(tmp_path):
    """One real start (migrate and collectstatic included: a few minutes on a busy machine)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = environment(
        tmp_path,
        SECRET_KEY="serve-test-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        WAGTAILADMIN_BASE_URL=base,
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        SECURE_SSL_REDIRECT="false",
        PORT=str(port),
        WEB_CONCURRENCY="1",
        GUNICORN_ACCESS_LOG="off",
    )
    with open(tmp_path / "serve.log", "w") as log:
        server = subprocess.Popen([sys.executable, str(SERVE)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 900
        status = None
        while status != 200:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the server did not answer /healthz in 15 minutes"
            time.sleep(2)
            try:
                status, _headers, body = fetch(f"{base}/healthz")
            except OSError:
                continue
        health = json.loads(body)
        assert health["database"] == {"ok": True}
        assert health["open_data"]["built_at"] is not None  # built once on the first start

        opener = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(f"{base}/", timeout=30)
        assert redirect.value.code == 302 and redirect.value.headers["Location"] == "/fr/"
        status, headers, page = fetch(f"{base}/fr/")
        assert status == 200
        assert b"<h1" in page and b"Vigie IA" in page  # the hub's home, made by ensure_site

        manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
        hashed = manifest["paths"]["hub/css/hub.css"]
        assert hashed != "hub/css/hub.css" and hashed.startswith("hub/css/hub.")
        assert f"/static/{hashed}".encode() in page  # pages link the hashed name
        plain = (tmp_path / "static" / hashed).read_bytes()
        for encoding in ("br", "gzip"):
            status, headers, body = fetch(f"{base}/static/{hashed}", **{"Accept-Encoding": encoding})
            assert status == 200
            assert headers["Content-Encoding"] == encoding
            assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
            assert len(body) < len(plain)
        status, headers, _body = fetch(f"{base}/static/hub/css/hub.css")
        assert status == 200 and "immutable" not in headers["Cache-Control"]  # not hashed: short
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
