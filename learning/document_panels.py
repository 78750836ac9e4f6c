"""The report of a resource's file in the resource's editor, next to the file chosen."""

from wagtail.admin.panels import Panel


class DocumentReportPanel(Panel):
    """Read-only: the accessibility report of the file as saved (choosing another file shows
    its report once the draft is saved)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "learning/admin/document_report_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            document_id = getattr(self.instance, "document_id", None)
            context["document"] = self.instance.document if document_id else None
            return context
