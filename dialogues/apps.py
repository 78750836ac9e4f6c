from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Citizen dialogues")

    def ready(self):
        """Declare the dialogue to the item registry; number the sessions' changes."""
        from hub.items import register

        from . import schedule_changes
        from .items import DIALOGUE

        register(DIALOGUE)
        schedule_changes.connect()
