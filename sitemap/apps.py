from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitemapConfig(AppConfig):
    """The sitemap of the hub (``django.contrib.sitemaps``, whose label is ``sitemaps``, serves
    its files)."""

    name = "sitemap"
    label = "sitemap"
    verbose_name = _("Sitemap")

    def ready(self):
        from . import cache

        cache.connect()
