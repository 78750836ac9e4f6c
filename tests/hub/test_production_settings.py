"""Production settings (hub.settings.production) read everything host-specific from the
environment and refuse to start without the public address or a way to send mail; their
cookies are Secure and SameSite=Lax; the Wagtail site follows the public address. Finding 9 of
issue 12."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

from tests.factories import CaseFilePageFactory, role_user, site_skeleton

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "SECRET_KEY": "production-test-" + "k" * 50,
    "ALLOWED_HOSTS": "vigie.example.org",
    "WAGTAILADMIN_BASE_URL": "https://vigie.example.org",
    "EMAIL_HOST": "smtp.example.org",
}


def load(module="hub.settings.production", **environment):
    """Import a settings module in a fresh interpreter with only ``environment`` (and PATH):
    ``(settings as a dict of upper-case names, None)`` or ``(None, the error it stopped with)``."""
    script = (
        "import importlib, json, sys\n"
        f"module = importlib.import_module({module!r})\n"
        "plain = (str, int, float, bool, list, tuple, dict, type(None))\n"
        "names = {k: v for k in dir(module) if k.isupper() and isinstance(v := getattr(module, k), plain)}\n"
        "print(json.dumps(names, default=repr))\n"
    )
    env = {"PATH": os.environ["PATH"], **{k: v for k, v in environment.items() if v is not None}}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        return None, done.stderr.strip().splitlines()[-1]
    return json.loads(done.stdout), None


def test_complete_environment_starts():
    settings, error = load(**COMPLETE)
    assert error is None
    assert settings["WAGTAILADMIN_BASE_URL"] == settings["WAGTAILAPI_BASE_URL"] == "https://vigie.example.org"


@pytest.mark.parametrize(
    "address", [None, "", "vigie.example.org", "https://", "https://vigie.example.org/fr/"]
)
def test_production_refuses_to_start_without_a_public_address(address):
    settings, error = load(**{**COMPLETE, "WAGTAILADMIN_BASE_URL": address})
    assert settings is None
    assert error.startswith("django.core.exceptions.ImproperlyConfigured")
    assert "WAGTAILADMIN_BASE_URL" in error


@pytest.mark.parametrize(
    "url, entries", [("file:///tmp/vigie-cache", 20_000), ("file:///tmp/vigie-cache?max_entries=500", 500)]
)
def test_a_file_cache_keeps_the_fragments_of_a_busy_hub(url, entries):
    """Django's default of 300 entries would drop pages' fragments and references as fast as
    they are made; an operator's own figure stands."""
    settings, error = load(**COMPLETE, CACHE_URL=url)
    assert error is None
    assert settings["CACHES"]["default"]["OPTIONS"]["MAX_ENTRIES"] == entries


@pytest.mark.parametrize("given, kept", [(None, 60), ("0", 0)])
def test_server_threads_keep_their_database_connection(given, kept):
    settings, error = load(**COMPLETE, DATABASE_CONN_MAX_AGE=given)
    assert error is None
    assert settings["DATABASES"]["default"]["CONN_MAX_AGE"] == kept
    assert settings["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True


def test_production_refuses_to_start_without_a_mail_server_unless_told_to_send_none():
    settings, error = load(**{**COMPLETE, "EMAIL_HOST": None})
    assert settings is None
    assert "ImproperlyConfigured" in error and "EMAIL_HOST" in error

    settings, error = load(
        **{**COMPLETE, "EMAIL_HOST": None, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    )
    assert error is None
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.dummy.EmailBackend"


def test_production_refuses_both_tls_and_ssl():
    settings, error = load(**COMPLETE, EMAIL_USE_TLS="true", EMAIL_USE_SSL="true")
    assert settings is None
    assert "EMAIL_USE_TLS" in error and "EMAIL_USE_SSL" in error


def test_mail_settings_come_from_the_environment():
    mail = {
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "2525",
        "EMAIL_HOST_USER": "vigie",
        "EMAIL_HOST_PASSWORD": "mot-de-passe",
        "EMAIL_USE_TLS": "true",
        "EMAIL_TIMEOUT": "7",
        "DEFAULT_FROM_EMAIL": "Vigie IA <bonjour@vigie.example.org>",
        "SERVER_EMAIL": "erreurs@vigie.example.org",
    }
    settings, error = load(**{**COMPLETE, **mail})
    assert error is None
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"], settings["EMAIL_TIMEOUT"]) == (
        "smtp.example.org",
        2525,
        7,
    )
    assert (settings["EMAIL_HOST_USER"], settings["EMAIL_HOST_PASSWORD"]) == ("vigie", "mot-de-passe")
    assert settings["EMAIL_USE_TLS"] is True and settings["EMAIL_USE_SSL"] is False
    assert settings["DEFAULT_FROM_EMAIL"] == "Vigie IA <bonjour@vigie.example.org>"
    assert settings["WAGTAILADMIN_NOTIFICATION_FROM_EMAIL"] == "Vigie IA <bonjour@vigie.example.org>"
    assert settings["SERVER_EMAIL"] == "erreurs@vigie.example.org"


def test_mail_is_printed_in_development():
    settings, error = load("hub.settings.dev")
    assert error is None
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_the_test_settings_keep_mail_in_memory(settings):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


# --- Cookies under the production settings -----------------------------------------------------


@pytest.fixture
def production_cookies(settings):
    """The test settings with every cookie setting of the production module."""
    production, error = load(**COMPLETE)
    assert error is None
    cookie_settings = {name: value for name, value in production.items() if "_COOKIE_" in name}
    assert cookie_settings
    for name, value in cookie_settings.items():
        setattr(settings, name, value)
    return cookie_settings


def assert_secure_lax(cookie, http_only=True):
    assert cookie["secure"] is True, cookie.output()
    assert cookie["samesite"] == "Lax", cookie.output()
    assert bool(cookie["httponly"]) is http_only, cookie.output()


@pytest.mark.django_db
def test_production_cookies_are_secure_and_same_site(client, site_pages, production_cookies):
    language = client.post("/i18n/setlang/", {"language": "en", "next": "/en/"})
    assert_secure_lax(language.cookies["django_language"])

    kiosk = client.get("/fr/?kiosk=1")
    assert_secure_lax(kiosk.cookies["vigie_kiosk"])
    ended = client.get("/fr/?kiosk=0")
    assert ended.status_code == 200
    assert ended.cookies["vigie_kiosk"]["max-age"] == 0

    login_form = client.get("/admin/login/")
    assert_secure_lax(login_form.cookies["csrftoken"], http_only=False)
    role_user("Community editors", "editrice")
    logged_in = client.post("/admin/login/", {"username": "editrice", "password": "password"})
    assert logged_in.status_code == 302
    assert_secure_lax(logged_in.cookies["sessionid"])


# --- The Wagtail site follows the public address ---------------------------------------------


@pytest.mark.django_db
def test_the_site_skeleton_takes_the_host_and_port_of_the_public_address(without_site, client, settings):
    """What ``make run`` does (load_demo builds the skeleton): the API then links to the
    development server, not to http://localhost/."""
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = "http://127.0.0.1:8000"
    site_skeleton()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)

    casefile = CaseFilePageFactory()
    detail = client.get(f"/api/v2/pages/{casefile.pk}/").json()
    assert detail["meta"]["html_url"] == f"http://127.0.0.1:8000{casefile.url}"


@pytest.mark.django_db
def test_migrate_moves_an_existing_site_to_the_public_address(client, settings, site_pages):
    """A database made before the setting (or under another one) follows it on the next migrate."""
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = "https://vigie.example.org"

    call_command("migrate", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("vigie.example.org", 443)
    casefile = CaseFilePageFactory()
    assert casefile.full_url == f"https://vigie.example.org{casefile.url}"
    detail = client.get(f"/api/v2/pages/{casefile.pk}/").json()
    assert detail["meta"]["html_url"] == f"https://vigie.example.org{casefile.url}"
