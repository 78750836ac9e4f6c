"""The register's addresses outside the language prefixes (``hub/urls.py`` includes them)."""

from django.urls import path

from . import views
from .interchange.schema import SCHEMA_PATH

urlpatterns = [
    path(SCHEMA_PATH.lstrip("/"), views.register_schema, name="register-schema"),
]
