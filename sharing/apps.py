from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    """What a link to the hub shows when shared: Open Graph and Twitter card tags in every page's
    head, and for every item a share image drawn on the server (``sharing.cards``)."""

    name = "sharing"
    verbose_name = _("Sharing")

    def ready(self):
        from . import checks  # noqa: F401  (registers the font check)
