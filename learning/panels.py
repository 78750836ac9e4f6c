"""The readability of a resource's text in the page editor, as the summaries have it: the same
score (``hub.readability``), level and advice, for the text of the body blocks as saved. A
StreamField has no single field a script could follow, so the panel shows the saved version and
is up to date after each save."""

import re

from wagtail.admin.panels import Panel

from hub import readability
from hub.models import ItemPage

_ENDS_SENTENCE = re.compile(r"[.!?…:;]\s*$")


def body_text(body):
    """The text a reader sees in ``body``, each block a sentence of its own: a heading or a list
    item without a full stop is not run into the sentence after it."""
    pieces = [piece.strip() for piece in ItemPage.stream_text(body) if piece and piece.strip()]
    return " ".join(piece if _ENDS_SENTENCE.search(piece) else f"{piece}." for piece in pieces)


def body_readability(page):
    """The body's assessment in the page's language, or None when it has no text yet."""
    text = body_text(page.body)
    if not text:
        return None
    locale = page.locale if page.locale_id else page.get_default_locale()
    return readability.assess(text, locale.language_code)


class BodyReadabilityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "learning/admin/body_readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["result"] = body_readability(self.instance)
            context["threshold"] = readability.TOO_COMPLEX_BELOW
            return context
