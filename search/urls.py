from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

api_urlpatterns = [
    path("api/v1/search/", views.search_api, name="search-api"),
    path("api/v1/casefiles.csv", views.casefiles_csv, name="casefiles-csv"),
]

page_urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search_page, name="search"),
]
