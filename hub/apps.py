from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Vigie IA hub")

    def ready(self):
        from . import admin_exports, changes, fragments, listings, site_address, upload_limits

        admin_exports.connect()
        changes.connect()
        fragments.connect()
        listings.connect()
        upload_limits.connect()
        post_migrate.connect(site_address.align_after_migrate, sender=self)
