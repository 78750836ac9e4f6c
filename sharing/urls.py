"""``share/<public id>.png`` under each language prefix (see ``sharing.views``)."""

from django.urls import re_path

from hub.items import PUBLIC_ID_ROUTE

from . import views

app_name = "sharing"

urlpatterns = [
    re_path(rf"^share/(?P<public_id>{PUBLIC_ID_ROUTE})\.png$", views.share_image, name="image"),
]
