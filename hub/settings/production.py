"""Production: everything secret or host-specific must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CONTENT_SECURITY_POLICY,
    EMAIL_BACKEND,
    EMAIL_HOST,
    EMAIL_USE_SSL,
    EMAIL_USE_TLS,
    SECRET_KEY,
    env_bool,
    os,
    urlsplit,
)

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of at least 50 characters.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# --- Cookies, e-mail and the public address (security) --------------------------------------
LANGUAGE_COOKIE_SECURE = True
KIOSK_COOKIE_SECURE = True
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}

if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend" and not EMAIL_HOST:
    raise ImproperlyConfigured(
        "EMAIL_HOST must name the SMTP server that sends review notifications and password resets "
        "(or set EMAIL_BACKEND to another backend, e.g. django.core.mail.backends.dummy.EmailBackend "
        "to send no mail at all)."
    )
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "Set EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL (port 465), not both."
    )

# Notifications, the API's html_url and the Wagtail site's host name and port all follow the
# public address (hub.site_address); a default would send readers to the wrong host.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
_base_url = urlsplit(WAGTAILADMIN_BASE_URL)
if _base_url.scheme not in ("http", "https") or not _base_url.hostname or _base_url.path not in ("", "/"):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set to the hub's public address, e.g. https://vigie.example.org "
        f"(scheme and host, no path); got {WAGTAILADMIN_BASE_URL!r}."
    )
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL.rstrip("/")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
