from django.urls import path
from django.utils.translation import pgettext_lazy

from .calendars import search_calendar
from .feeds import SearchFeed

urlpatterns = [
    path(pgettext_lazy("URL path", "search/feed/"), SearchFeed(), name="search-feed"),
    path(pgettext_lazy("URL path", "search/calendar/"), search_calendar, name="search-calendar"),
]
