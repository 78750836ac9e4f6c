"""``/sitemap.xml`` and its sections ``/sitemap-<section>.xml`` (see ``sitemap.views``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap-section"),
]
