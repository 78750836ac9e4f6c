"""``/cite/<public id>/``: permanent addresses of items (see ``citations.views``)."""

from django.urls import path

from . import views

app_name = "citations"

urlpatterns = [
    path("<str:public_id>/", views.cite, name="cite"),
]
