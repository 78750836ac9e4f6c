from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Citizen dialogues")

    def ready(self):
        """Declare the dialogue to the item registry; number the sessions' changes; registrations
        are deleted after their session (hub.retention)."""
        from hub.items import register
        from hub.retention import register_retention

        from . import schedule_changes
        from .items import DIALOGUE
        from .registering import retention_report

        register(DIALOGUE)
        register_retention(retention_report)
        schedule_changes.connect()
