"""The readability indicator under the plain-language summary in the page editor."""

from django.forms import Media
from django.urls import reverse
from wagtail.admin.panels import Panel

from . import readability


class ReadabilityPanel(Panel):
    """Shows the summary's score, level and advice as saved (so a reviewer opening the page sees
    them without JavaScript); the script updates them while the author types."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "hub/admin/readability_panel.html"

        @property
        def media(self):
            return Media(js=["hub/admin/readability.js"], css={"all": ["hub/admin/readability.css"]})

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context.update(
                {
                    "result": page.readability,
                    "threshold": readability.TOO_COMPLEX_BELOW,
                    "endpoint": reverse("hub_readability"),
                    "language": page.locale.language_code if page.locale_id else "",
                    "page_id": page.pk or "",
                    "parent_id": "" if page.pk else self.parent_id(),
                }
            )
            return context

        def parent_id(self):
            """A new page has no place in the tree yet: its parent is in the create view's URL."""
            match = getattr(self.request, "resolver_match", None)
            return match.kwargs.get("parent_page_id", "") if match else ""
