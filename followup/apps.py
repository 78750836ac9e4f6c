from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        """Declare the commitment tracker's downloads, so that the data dictionary documents them."""
        from hub.data_files import register_table

        from .data_columns import COMMITMENTS_TABLE, UPDATES_TABLE

        register_table(COMMITMENTS_TABLE)
        register_table(UPDATES_TABLE)
