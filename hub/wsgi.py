"""WSGI entry point; production deployments set DJANGO_SETTINGS_MODULE=hub.settings.production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

application = get_wsgi_application()
