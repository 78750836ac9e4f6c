"""A follower's own addresses (``followup.follow_views``), in their language, outside any page so
that they keep working whatever becomes of the item's page."""

from django.urls import path

from . import follow_views

FOLLOWER = "<uuid:reference>/<str:token>/"

urlpatterns = [
    path(f"suivi/{FOLLOWER}", follow_views.confirm, name="followup-follow-confirm"),
    path(f"suivi/{FOLLOWER}desabonnement/", follow_views.unsubscribe, name="followup-follow-unsubscribe"),
]
