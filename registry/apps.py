from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("AI system register")

    def ready(self):
        """Declare the register entry to the item registry; a declared record published or
        unpublished changes what its entry's page, search and exports say."""
        from hub.items import register

        from .declarations import connect
        from .items import SYSTEM

        register(SYSTEM)
        connect()
