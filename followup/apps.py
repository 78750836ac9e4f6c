from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        from hub.retention import register_retention

        from .following import delete_unconfirmed

        register_retention(delete_unconfirmed)
