from django.urls import re_path

from hub.items import PUBLIC_ID_ROUTE

from . import calendar_views

urlpatterns = [
    re_path(
        rf"^calendar/(?P<public_id>{PUBLIC_ID_ROUTE})\.ics$", calendar_views.dialogue_ics, name="dialogue-ics"
    ),
]
