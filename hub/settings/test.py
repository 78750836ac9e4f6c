"""Tests: fast, deterministic, isolated from the developer's files."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="vigie-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# The suite runs on the embedded backend; the Elasticsearch tiers configure their own server.
ELASTICSEARCH_URL = ""
# Open data rebuilds run inline, in the on-commit callback that asks for them, instead of in a
# background thread: a test sees the files rebuilt when its commit callbacks have run, and no
# thread outlives the test that started it (tests/open_data checks the thread backend itself).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "open_data": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
OPEN_DATA_MIN_INTERVAL = 0  # every change rebuilds at once; tests/open_data checks the interval
# Login protection is off so tests can use the test client's login(); the tests of the lockout
# turn it back on.
AXES_ENABLED = False

# --- Shared cache and rate limits (security) ---
# The limits stay on, high enough that the suite, schemathesis and the browser tests never meet
# them; tests/hub/test_rate_limits.py sets low ones. One test process: the local-memory cache
# above is shared by every thread of it (the live server's included).
RATELIMITS = dict.fromkeys(RATELIMIT_DEFAULTS, "100000/m")  # noqa: F405
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- A test-only item type (tests/items/): its models exist in the test database; the tests
# that use it register its type for their own duration.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.item_type_app"]  # noqa: F405
