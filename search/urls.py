from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import views

api_urlpatterns = [path("api/v1/", include("search.api_urls"))]

page_urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search_page, name="search"),
    path(pgettext_lazy("URL path", "search/visualize/"), views.search_visualize, name="search-visualize"),
    path(pgettext_lazy("URL path", "overview/"), views.overview, name="overview"),
    path("", include("search.feed_urls")),
]
