from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        """Declare the consultation report to the item registry, and the tracker's downloads so
        that the data dictionary documents them; the retention of requests to follow a commitment
        nobody confirmed. A testimony's change (its words, consent, withdrawal) changes the
        reports quoting it, as it does the case files showing it, and so does a case file showing
        it taken back from the public. A report's publication tells its dialogues' registrants."""
        from django.apps import apps
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from hub.changes import items_changed
        from hub.data_files import register_table
        from hub.items import register
        from hub.retention import register_retention

        from .following import delete_unconfirmed
        from .items import REPORT
        from .quotes import on_items_changed, on_testimony_change
        from .report_mail import on_publication
        from .tracker_columns import COMMITMENTS_TABLE, UPDATES_TABLE

        register(REPORT)
        register_table(COMMITMENTS_TABLE)
        register_table(UPDATES_TABLE)
        register_retention(delete_unconfirmed)
        items_changed.connect(on_items_changed, dispatch_uid="followup-quoted-casefiles")
        post_save.connect(
            on_testimony_change,
            sender=apps.get_model("impacts", "Testimony"),
            dispatch_uid="followup-testimony-changed",
        )
        page_published.connect(
            on_publication, sender=self.get_model("ReportPage"), dispatch_uid="followup-report-mail"
        )
