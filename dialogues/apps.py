from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Citizen dialogues")

    def ready(self):
        """Declare the dialogue to the item registry; number the sessions' changes; give new
        places to the people waiting; registrations are deleted after their session
        (hub.retention)."""
        from django.db.models.signals import pre_save

        from hub.items import register
        from hub.retention import register_retention

        from . import schedule_changes
        from .items import DIALOGUE
        from .registering import promote_on_more_places, retention_report

        register(DIALOGUE)
        register_retention(retention_report)
        schedule_changes.connect()
        pre_save.connect(
            promote_on_more_places, sender=self.get_model("Session"), dispatch_uid="dialogues-places"
        )
