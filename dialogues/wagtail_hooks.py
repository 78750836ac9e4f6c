"""Dialogues in the admin: the venues, a snippet every session chooses from."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "region", "locale"]
    list_filter = ["kind", "keroul_rating", "locale"]
    search_fields = ["name", "municipality", "street_address"]


register_snippet(VenueViewSet)
