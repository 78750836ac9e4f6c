"""``/api/v1/``: the open API (see ``search/api/``)."""

from django.urls import path, re_path

from .api import casefiles_csv, schema, views

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search-api"),
    path("casefiles.csv", casefiles_csv.CasefilesCsvView.as_view(), name="casefiles-csv"),
    path("items/<str:public_id>/", views.ItemView.as_view(), name="api-v1-item"),
    path("schema/", schema.SchemaView.as_view(), name="api-v1-schema"),
    path("docs/", schema.DocsView.as_view(), name="api-v1-docs"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="api-v1-not-found"),
]
