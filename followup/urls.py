"""The commitment tracker's addresses, in each language's words (``/fr/engagements/``,
``/en/commitments/``); included from ``hub.urls`` in the language-prefixed patterns."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import tracker_views

urlpatterns = [
    path(pgettext_lazy("URL path", "commitments/"), tracker_views.tracker_page, name="commitment-tracker"),
    path(
        pgettext_lazy("URL path", "commitments/feed/"),
        tracker_views.TrackerFeed(),
        name="commitment-tracker-feed",
    ),
    path(
        pgettext_lazy("URL path", "commitments/commitments.csv"),
        tracker_views.download("commitments", "csv"),
        name="commitment-tracker-csv",
    ),
    path(
        pgettext_lazy("URL path", "commitments/commitments.json"),
        tracker_views.download("commitments", "json"),
        name="commitment-tracker-json",
    ),
    path(
        pgettext_lazy("URL path", "commitments/updates.csv"),
        tracker_views.download("updates", "csv"),
        name="commitment-tracker-updates-csv",
    ),
    path(
        pgettext_lazy("URL path", "commitments/updates.json"),
        tracker_views.download("updates", "json"),
        name="commitment-tracker-updates-json",
    ),
]
