from django.urls import path
from django.utils.translation import pgettext_lazy

from .feeds import SearchFeed

urlpatterns = [
    path(pgettext_lazy("URL path", "search/feed/"), SearchFeed(), name="search-feed"),
]
