from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning resources")

    def ready(self):
        """Declare the learning resource and the toolkit to the item registry."""
        from hub.items import register

        from .items import LEARNING_RESOURCE, TOOLKIT

        register(LEARNING_RESOURCE)
        register(TOOLKIT)
