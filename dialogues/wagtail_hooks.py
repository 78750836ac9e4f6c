"""Dialogues in the admin: the venues, a snippet every session chooses from."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.admin_visibility import ChoosesVisibleOnly, narrowed_chooser_viewset

from .models import Venue


def visible_venues(user):
    """Venues are for those who write dialogues: a venue only a draft dialogue uses is not public
    yet, and partners and public bodies have no dialogue to hold there (None: not theirs)."""
    if user.has_perm("dialogues.add_venue") or user.has_perm("dialogues.change_venue"):
        return Venue.objects.all()
    return None


@hooks.register("register_admin_visibility")
def venue_visibility():
    return Venue, visible_venues


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "region", "locale"]
    list_filter = ["kind", "keroul_rating", "locale"]
    search_fields = ["name", "municipality", "street_address"]
    chooser_viewset_class = narrowed_chooser_viewset(ChoosesVisibleOnly)


register_snippet(VenueViewSet)
