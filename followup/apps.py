from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        """The tracker's downloads, declared so that the data dictionary documents them; the
        retention of requests to follow a commitment nobody confirmed."""
        from hub.data_files import register_table
        from hub.retention import register_retention

        from .following import delete_unconfirmed
        from .tracker_columns import COMMITMENTS_TABLE, UPDATES_TABLE

        register_table(COMMITMENTS_TABLE)
        register_table(UPDATES_TABLE)
        register_retention(delete_unconfirmed)
