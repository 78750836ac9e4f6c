from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning resources")

    def ready(self):
        """Declare the learning resource and the toolkit to the item registry, and who may fetch
        the alternate versions of a recording (``media_gate``)."""
        from hub.items import register
        from hub.media_access import register_gate

        from .items import LEARNING_RESOURCE, TOOLKIT
        from .media_gate import AlternateVersionsGate

        register(LEARNING_RESOURCE)
        register(TOOLKIT)
        register_gate(AlternateVersionsGate())
