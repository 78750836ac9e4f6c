from django.urls import path, re_path

from hub.items import PUBLIC_ID_ROUTE

from . import calendar_views, contact_views

urlpatterns = [
    re_path(
        rf"^calendar/(?P<public_id>{PUBLIC_ID_ROUTE})\.ics$", calendar_views.dialogue_ics, name="dialogue-ics"
    ),
    # A registrant's link outside any page, so that it works whatever becomes of the dialogue.
    path(
        "consentement/<uuid:reference>/<str:token>/retrait/",
        contact_views.withdraw_consent,
        name="dialogue-contact-withdraw",
    ),
]
