from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ImpactsConfig(AppConfig):
    name = "impacts"
    verbose_name = _("Case files")

    def ready(self):
        """Declare the case file to the item registry; testimonies decide when their photo and
        letter are public (hub.media_access), announce the case files they change and are withdrawn
        past their retention date (hub.retention)."""
        from hub.items import register
        from hub.media_access import register_gate
        from hub.retention import register_retention

        from .items import CASEFILE
        from .media_gate import TestimonyMediaGate
        from .models import Testimony
        from .testimonies import on_testimony_change, retention_report

        register(CASEFILE)
        register_gate(TestimonyMediaGate())
        register_retention(retention_report)
        post_save.connect(on_testimony_change, sender=Testimony, dispatch_uid="impacts-testimony-changed")
