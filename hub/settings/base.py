"""Settings shared by every environment; anything secret or host-specific comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import django_cache_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub",
    "impacts",
    "advocacy",
    "registry",
    "dialogues",
    "followup",
    "learning",
    "search",
    "demo",
    "open_data",
    "citations",
    "sitemap",
    "sharing",
    "benchmarks",
    "operations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtailmedia",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_ratelimit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (public or admin, by path) and Permissions-Policy: see below.
    "hub.security_headers.HubCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # First in, last out: it rewrites the page every other middleware has finished.
    "hub.middleware.KioskMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hub.middleware.HubLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "hub.rate_limits.RateLimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "hub.context_processors.hub",
            ],
        },
    },
]

WSGI_APPLICATION = "hub.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login protection (django-axes): after 5 failures for one account from one address, that pair
# is refused for 15 minutes, even with the right password. Behind a proxy, set
# AXES_PROXY_COUNT so the client's address is read from X-Forwarded-For.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_PROXY_COUNT"]) if os.environ.get("AXES_PROXY_COUNT") else None
AXES_LOCKOUT_TEMPLATE = "account_locked.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source language, English the second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Vigie IA"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Search: the embedded index in the database unless ELASTICSEARCH_URL names a cluster; then
# Elasticsearch answers searches and the embedded index is kept as the fallback.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "vigie")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# Worker processes that build a full rebuild's rows (``search_index rebuild``, embedded index, at
# least 5,000 items) while the command's own process writes them; 0 builds them in that process.
# Default: one per core, at most two. Checked when a rebuild starts (a whole number, 0 or more).
SEARCH_REBUILD_WORKERS = os.environ.get("SEARCH_REBUILD_WORKERS", str(min(2, os.cpu_count() or 1)))
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "odt", "docx", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Audio and video (learning resources): formats every current browser plays without a plugin.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "learning.LearningMedia",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "opus", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "ogv"],
    # Duration and frame size read from the file, captions checked against it (learning.media_forms).
    "MEDIA_FORM_BASE": "learning.media_forms.LearningMediaForm",
}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Vigie IA open API",
    "DESCRIPTION": (
        "Read-only access to the published case files, briefs and agreements of Vigie IA. "
        "No key, no account: GET, HEAD and OPTIONS from any origin (CORS), every answer cacheable "
        "(`ETag`, `Last-Modified`, `Cache-Control: public, max-age=60`; a conditional request whose "
        'copy is current gets 304). Errors are JSON: `{"errors": {"parameter": ["message"]}}`. '
        "Taxonomies are spoken in keys, the same in French and English."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    # The schema describes /api/v1/ only (Wagtail's /api/v2/ is made of DRF views too).
    "PREPROCESSING_HOOKS": ["search.api.schema.api_v1_only"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {"LanguageEnum": [code for code, _name in LANGUAGES]},
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No call to the online validator at validator.swagger.io: the page loads nothing from elsewhere.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# /healthz (operations.health) says "degraded" once the open data files have stayed behind the
# database this long (seconds): a rebuild after a publication takes a while at 100,000 items.
HEALTHZ_OPEN_DATA_STALE_SECONDS = int(os.environ.get("HEALTHZ_OPEN_DATA_STALE_SECONDS", "3600"))

DEMO_NOTICE = _("Demonstration content: every case, brief and agreement here is fictional.")

# --- Share images (the sharing app): every item's Open Graph image, drawn on the server ------
# TrueType fonts with every French letter (Debian's fonts-dejavu-core by default).
SHARE_IMAGE_FONT = os.environ.get("SHARE_IMAGE_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SHARE_IMAGE_BOLD_FONT = os.environ.get(
    "SHARE_IMAGE_BOLD_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)
# How long browsers and shared caches may keep an image (an item unpublished keeps showing its
# image there that long; the application itself answers 404 at once).
SHARE_IMAGE_MAX_AGE = int(os.environ.get("SHARE_IMAGE_MAX_AGE", "300"))

# --- Open data (the open_data app, `manage.py build_open_data`) -----------------------------
# Where the files go. Without the OPEN_DATA_ROOT environment variable this is None, meaning
# MEDIA_ROOT / "open-data" resolved when used (hub.data_folder.open_data_root): the value above is
# computed from this file's MEDIA_ROOT, and a settings module that moves MEDIA_ROOT after
# importing this one (hub.settings.test puts it in a temporary folder) must not write the open
# data into the repository's media folder.
OPEN_DATA_ROOT = Path(os.environ["OPEN_DATA_ROOT"]) if os.environ.get("OPEN_DATA_ROOT") else None
OPEN_DATA_URL = os.environ.get("OPEN_DATA_URL", MEDIA_URL + "open-data/")
# Publishing, unpublishing, deleting, moving, privacy changes and testimony withdrawals mark the
# files stale (with the ids that changed) and ask for ONE build (after the commit, coalesced) on
# the "open_data" task backend of django-tasks, once this database has built the files in
# OPEN_DATA_ROOT (and while they are still its own). A build rewrites only the items that changed
# and copies the others from the previous files (open_data.reuse); `build_open_data` builds all.
# Default: open_data.tasks.BackgroundThreadBackend runs it in a thread of the web process, so the
# editor's request does not wait for it. Trade-off: a build under way is lost if the process
# stops (the previous files stay online, marked stale, and the next publication or
# `build_open_data --if-stale`, e.g. from cron, catches up); it uses the web process's CPU. A site
# with a django-tasks worker sets OPEN_DATA_TASK_BACKEND to the worker's backend class instead;
# a large site may set it to open_data.tasks.CronBackend (builds nothing) and run
# `build_open_data --if-stale` from cron every OPEN_DATA_MIN_INTERVAL seconds.
# "default" is django-tasks' immediate backend, what Wagtail's own tasks use without TASKS.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "open_data": {
        "BACKEND": os.environ.get("OPEN_DATA_TASK_BACKEND", "open_data.tasks.BackgroundThreadBackend"),
    },
}
# At most one automatic build per this many seconds (counted from the end of the last one):
# changes published meanwhile wait for the next build, and the open data page says until about
# when. 0 builds after every change. Explicit `build_open_data` runs ignore it.
OPEN_DATA_MIN_INTERVAL = int(os.environ.get("OPEN_DATA_MIN_INTERVAL", "600"))

# --- Upload limits for images and documents (security) --------------------------------------
# An image costs memory by its pixels, not its bytes: an 11,300 x 11,300 PNG of 500 KB decodes
# into half a gigabyte. hub/upload_limits.py holds these limits on every road (admin forms,
# multiple upload, ORM scripts) and sets Pillow's own limit from the pixel one, so that no image
# over it is ever decoded, not even for a rendition of one stored before. The web server's
# request size limit (nginx: client_max_body_size) must be at least the larger byte limit.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024))
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024))
# --- Publication rules (security) ---
# wagtail-localize would publish the translation of a live page as soon as anyone submits it
# (a community editor included, in the source's words): translations start as drafts, and a
# reviewer other than the translator publishes them (hub/publication_rules.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# --- Media (security) ---------------------------------------------------------------------
# /media/ and /documents/ go through hub.media_views in every mode: a file is served only while
# a live, public page shows it (hub.media_access), or to a user who may see it in the admin.
# In production the application answers with an empty response naming the file in
# X-Accel-Redirect: MEDIA_ACCEL_REDIRECT_PREFIX is the web server's `internal` location that
# maps to MEDIA_ROOT (e.g. /protected-media/). Empty: the application streams the file itself.
MEDIA_ACCEL_REDIRECT_PREFIX = os.environ.get("MEDIA_ACCEL_REDIRECT_PREFIX", "")
# How long browsers and shared caches may keep a public file (a file that stops being public
# stays in their caches that long).
MEDIA_CACHE_SECONDS = int(os.environ.get("MEDIA_CACHE_SECONDS", "60"))
# Document links point at Wagtail's view, never at the storage's URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# --- Shared cache and rate limits (security) ---------------------------------------------------
# One cache shared by every process of the server: rate-limit counters must be counted once per
# address, not once per worker. CACHE_URL in django-cache-url's form, e.g.
# pymemcache://127.0.0.1:11211 or redis://127.0.0.1:6379/1; by default a folder of files
# (FileBasedCache), shared by the processes of one machine without another service.
# A file cache keeps 20,000 entries unless the URL says otherwise (?max_entries=N): Django's
# default of 300 is less than the pages' fragments and references of a busy hub. It is Django's
# file cache culled once every 100 writes of a process, not at each one (hub.file_cache).
CACHE_URL = os.environ.get("CACHE_URL", f"file://{BASE_DIR / 'cache'}")
CACHES = {"default": django_cache_url.parse(CACHE_URL)}
FILE_CACHE = CACHES["default"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
if FILE_CACHE:
    CACHES["default"]["BACKEND"] = "hub.file_cache.FileCache"
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20_000)
# Per-address limits (django-ratelimit, fixed windows, counted in the cache above). Each is
# "<count>/<period>" (s, m, h, d; e.g. 60/m) and may be set from the environment as
# RATELIMIT_<GROUP> (RATELIMIT_SEARCH_HTML=120/m). RATELIMIT_ENABLE=false turns them all off
# (a load test). hub.rate_limits maps each view to its group. The pages people read are
# generous: a library or a Fab Lab puts many readers behind one public address.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_USE_CACHE = "default"
RATELIMIT_DEFAULTS = {
    "search_html": "180/m",
    "search_json": "120/m",
    "casefiles_csv": "10/m",
    "api_items": "300/m",
    "api_v2": "300/m",
    "feeds": "60/m",
    "sitemap": "60/m",
    "cite": "120/m",
    "share_image": "120/m",
    "page_password": "10/m",
    "password_reset": "5/h",
    # Each POST registers someone for a dialogue or cancels a registration, and may send an e-mail.
    "dialogue_registration": "30/h",
    # Each POST asks to follow a commitment (an e-mail is sent) or confirms it.
    "commitment_follow": "30/h",
    # Each POST asks for a search's e-mail alerts (an e-mail is sent) or confirms them.
    "search_alert": "30/h",
}
RATELIMITS = {
    group: os.environ.get(f"RATELIMIT_{group.upper()}", rate) for group, rate in RATELIMIT_DEFAULTS.items()
}
# The client's address, for the limits and for django-axes alike (hub.client_address): the
# connection's address, or with AXES_PROXY_COUNT proxies in front, the one X-Forwarded-For
# names that many hops back.
RATELIMIT_IP_META_KEY = "hub.client_address.client_address"
AXES_CLIENT_IP_CALLABLE = "hub.client_address.client_address"
# django-ratelimit flags a file cache because its increment is not atomic: a few simultaneous
# requests may be counted as fewer. Acceptable for these limits; Memcached or Redis count exactly.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"] if FILE_CACHE else []
# --- Content-Security-Policy, Permissions-Policy, cookies (security) ------------------------
# django-csp. Public pages: nothing from another host, no inline script or style (a template
# that needs one writes nonce="{{ request.csp_nonce }}"; JSON-LD and json_script blocks are
# data the browser never runs, which CSP does not govern). Pages under CSP_ADMIN_PATHS get
# CONTENT_SECURITY_POLICY_ADMIN instead (hub.security_headers.HubCSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # The API docs add data: for the icons Swagger UI draws (search.api.schema.DocsView).
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin writes inline <script> (date pickers, inline panels, wagtail-localize's
# editor) and style="" attributes in its own templates, so it needs 'unsafe-inline' for both;
# its preview and choosers open admin pages in frames of the admin (frame-src and
# frame-ancestors 'self'); uploads are previewed from blob: URLs. Still: no other host, no
# eval, no plugins, forms post only here.
CSP_ADMIN_PATHS = ("/admin/", "/django-admin/")
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, "blob:"],
        "worker-src": [SELF, "blob:"],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    },
}
# django-permissions-policy: the hub uses none of these browser features; nothing it embeds may.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Cookies are sent to this site only on same-site requests and top-level navigations (Lax);
# production also marks them Secure (hub.settings.production). The language cookie and the
# kiosk cookie (hub.middleware) are never read by scripts.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = False
KIOSK_COOKIE_SECURE = False
# No avatar from gravatar.com: the admin calls no other host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- E-mail (security) ---------------------------------------------------------------------
# Review notifications and password resets. SMTP unless EMAIL_BACKEND names another backend;
# production refuses to start with the SMTP backend and no EMAIL_HOST.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", f"Vigie IA <noreply@{urlsplit(WAGTAILADMIN_BASE_URL).hostname or 'localhost'}>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Registrations for a dialogue's sessions are personal data: apply_retention deletes them this many
# days after the session ends.
DIALOGUE_REGISTRATION_RETENTION_DAYS = int(os.environ.get("DIALOGUE_REGISTRATION_RETENTION_DAYS", "30"))
# Except what a person who agreed to be told what came of the dialogue (its report) left for that:
# their address, language and dialogue, kept this many days after the session, or until they withdraw.
DIALOGUE_CONTACT_RETENTION_DAYS = int(os.environ.get("DIALOGUE_CONTACT_RETENTION_DAYS", "365"))
# Follow-up of commitments: a commitment with no progress update for this many days needs attention
# (the editors' dashboard lists it), and followup_reminders e-mails about one at most once in this
# many days.
FOLLOWUP_SILENT_DAYS = int(os.environ.get("FOLLOWUP_SILENT_DAYS", "90"))
FOLLOWUP_REMINDER_DAYS = int(os.environ.get("FOLLOWUP_REMINDER_DAYS", "30"))
# A request to follow a commitment by e-mail that nobody confirmed is deleted after this many days.
FOLLOWUP_UNCONFIRMED_DAYS = int(os.environ.get("FOLLOWUP_UNCONFIRMED_DAYS", "7"))
# A search's e-mail alert that nobody confirmed is deleted after this many days.
SEARCH_ALERTS_UNCONFIRMED_DAYS = int(os.environ.get("SEARCH_ALERTS_UNCONFIRMED_DAYS", "7"))

# --- Reporting a vulnerability (security) -------------------------------------------------------
# The Contact line of /.well-known/security.txt (hub.security_txt, RFC 9116): a mailto: or https:
# address; by default security@ the host of WAGTAILADMIN_BASE_URL.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "")
# --- Concurrent writes on SQLite (security) ---
# SQLite, the embedded default, has one writer at a time. WAL lets searches and pages read while
# an editor publishes; IMMEDIATE transactions take the write lock as they begin, so a transaction
# never fails halfway when it turns from reading to writing (SQLite cannot wait at that point and
# answers "database is locked"); a writer waits up to SQLITE_BUSY_TIMEOUT seconds for the one
# before it. synchronous=NORMAL is the usual choice with WAL: no corruption on a crash, and
# fsync at checkpoints rather than at every commit. PostgreSQL needs none of this.
SQLITE_BUSY_TIMEOUT = float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": SQLITE_BUSY_TIMEOUT,
        **DATABASES["default"].get("OPTIONS", {}),
    }

# --- Backup and restore (operations: `manage.py backup`, `manage.py restore`) ---
# On PostgreSQL they run pg_dump and pg_restore, found on the PATH or in `pg_config --bindir`;
# PG_DUMP and PG_RESTORE name other programs (e.g. /usr/lib/postgresql/16/bin/pg_dump, which
# must be at least the server's version).
PG_DUMP = os.environ.get("PG_DUMP", "")
PG_RESTORE = os.environ.get("PG_RESTORE", "")
