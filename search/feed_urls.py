from django.urls import path
from django.utils.translation import pgettext_lazy

from . import alert_views
from .calendars import search_calendar
from .feeds import SearchFeed

urlpatterns = [
    path(pgettext_lazy("URL path", "search/feed/"), SearchFeed(), name="search-feed"),
    path(pgettext_lazy("URL path", "search/calendar/"), search_calendar, name="search-calendar"),
    path(pgettext_lazy("URL path", "search/alert/"), alert_views.ask, name="search-alert"),
    path(
        pgettext_lazy("URL path", "search/alert/<uuid:reference>/<str:token>/"),
        alert_views.subscription_views.confirm,
        name="search-alert-confirm",
    ),
    path(
        pgettext_lazy("URL path", "search/alert/<uuid:reference>/<str:token>/unsubscribe/"),
        alert_views.subscription_views.unsubscribe,
        name="search-alert-unsubscribe",
    ),
]
