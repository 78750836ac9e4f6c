from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        """Keep the index in step with publications; the retention of search alerts nobody
        confirmed."""
        from hub.retention import register_retention

        from . import sync
        from .alerts import delete_unconfirmed

        sync.connect()
        register_retention(delete_unconfirmed)
