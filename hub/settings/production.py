"""Production: everything secret or host-specific must come from the environment.

Every missing or invalid variable is collected and reported at once, in one ImproperlyConfigured
whose ``problems`` name one variable each, so an operator fixes them in one pass; ``scripts/serve``
prints them one a line before anything is migrated."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CONTENT_SECURITY_POLICY,
    DATABASES,
    EMAIL_BACKEND,
    EMAIL_HOST,
    EMAIL_USE_SSL,
    EMAIL_USE_TLS,
    MIDDLEWARE,
    SECRET_KEY,
    env_bool,
    os,
    urlsplit,
)

_problems = []

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:
    _problems.append("SECRET_KEY must be set to a random string of at least 50 characters.")
# A load balancer polling /healthz sends its own Host: add that name too (README, Production).
if not ALLOWED_HOSTS:
    _problems.append(
        "ALLOWED_HOSTS must list the host names the hub answers to, comma-separated, e.g. vigie.example.org."
    )

# Each server thread keeps its database connection for a minute rather than opening one per
# request (about 4 % of a worker's time under load); checked before reuse, so a database
# restart costs one retry, not an error. DATABASE_CONN_MAX_AGE=0 opens one per request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# A load balancer may poll the health check over plain HTTP, straight at gunicorn.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Static files: whitenoise serves what collectstatic wrote into STATIC_ROOT, under names that
# carry a hash of their content, pre-compressed (gzip, and brotli: the Brotli package), hashed
# names with `Cache-Control: max-age=315360000, immutable`, others for 60 s. It answers right
# after SecurityMiddleware (HTTPS redirect, HSTS), before sessions or the database. Media never
# go through it: hub.media_views decides who gets each file. (Development: runserver serves them.)
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Cookies, e-mail and the public address (security) --------------------------------------
LANGUAGE_COOKIE_SECURE = True
KIOSK_COOKIE_SECURE = True
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}

if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend" and not EMAIL_HOST:
    _problems.append(
        "EMAIL_HOST must name the SMTP server that sends review notifications and password resets "
        "(or set EMAIL_BACKEND to another backend, e.g. django.core.mail.backends.dummy.EmailBackend "
        "to send no mail at all)."
    )
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    _problems.append("Set EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL (port 465), not both.")

# Notifications, the API's html_url and the Wagtail site's host name and port all follow the
# public address (hub.site_address); a default would send readers to the wrong host.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
_base_url = urlsplit(WAGTAILADMIN_BASE_URL)
if _base_url.scheme not in ("http", "https") or not _base_url.hostname or _base_url.path not in ("", "/"):
    _problems.append(
        "WAGTAILADMIN_BASE_URL must be set to the hub's public address, e.g. https://vigie.example.org "
        f"(scheme and host, no path); got {WAGTAILADMIN_BASE_URL!r}."
    )
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL.rstrip("/")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

if _problems:
    # One line (the last of a traceback says everything); scripts/serve lists ``problems``.
    _refusal = ImproperlyConfigured("Fix these environment variables: " + " | ".join(_problems))
    _refusal.problems = _problems
    raise _refusal
