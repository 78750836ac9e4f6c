from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Vigie IA hub")

    def ready(self):
        from . import open_data, sitemap_cache, upload_limits

        open_data.connect()
        sitemap_cache.connect()
        upload_limits.connect()
