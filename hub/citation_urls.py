"""``/cite/<public id>/``: permanent addresses of items (see ``hub.citation_views``)."""

from django.urls import path

from . import citation_views

app_name = "citations"

urlpatterns = [
    path("<str:public_id>/", citation_views.cite, name="cite"),
]
