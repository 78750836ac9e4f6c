"""``/api/v1/``: the open API (see ``search/api.py``)."""

from django.urls import path, re_path

from . import api

urlpatterns = [
    path("search/", api.SearchView.as_view(), name="search-api"),
    path("casefiles.csv", api.CasefilesCsvView.as_view(), name="casefiles-csv"),
    path("items/<str:public_id>/", api.ItemView.as_view(), name="api-v1-item"),
    path("schema/", api.SchemaView.as_view(), name="api-v1-schema"),
    path("docs/", api.DocsView.as_view(), name="api-v1-docs"),
    re_path(r"^(?P<rest>.*)$", api.not_found, name="api-v1-not-found"),
]
