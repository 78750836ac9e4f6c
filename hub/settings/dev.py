"""Local development: debug on, a throwaway key unless one is given."""

from .base import *  # noqa: F403
from .base import env_list, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# --- E-mail (security) ---------------------------------------------------------------------
# Mail is printed on the console unless EMAIL_BACKEND says otherwise.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
