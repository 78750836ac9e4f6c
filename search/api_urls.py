"""``/api/v1/``: the open API (see ``search/api/``)."""

from django.urls import path, re_path

from .api import items_csv, schema, views

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search-api"),
    re_path(rf"^{schema.SECTION_GROUP}\.csv$", items_csv.ItemsCsvView.as_view(), name="items-csv"),
    path("items/<str:public_id>/", views.ItemView.as_view(), name="api-v1-item"),
    path("schema/", schema.SchemaView.as_view(), name="api-v1-schema"),
    path("docs/", schema.DocsView.as_view(), name="api-v1-docs"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="api-v1-not-found"),
]
