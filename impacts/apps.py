from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactsConfig(AppConfig):
    name = "impacts"
    verbose_name = _("Case files")

    def ready(self):
        """Testimonies decide when their photo and letter are public (hub.media_access)."""
        from hub.media_access import register_gate

        from .media_gate import TestimonyMediaGate

        register_gate(TestimonyMediaGate())
