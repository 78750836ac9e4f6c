"""The operations endpoints, outside the language prefixes (see hub/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
