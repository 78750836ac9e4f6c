"""Blocks of a consultation report: what was heard, theme by theme, each with a short account
and quotes. A quote may come from a testimony (``impacts.Testimony``): it is then shown only while
that testimony is shown publicly (``followup.quotes``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class HeardQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), help_text=_("Words heard, as people said them."))
    testimony = SnippetChooserBlock(
        "impacts.Testimony",
        label=_("Testimony"),
        required=False,
        help_text=_(
            "The testimony these words come from, if any: the quote is then shown only while the "
            "testimony is shown publicly, and links to it."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")


class ThemeBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Theme"), max_length=200)
    account = blocks.TextBlock(
        label=_("What we heard"),
        help_text=_("A short account in plain language: short sentences, everyday words."),
    )
    quotes = blocks.ListBlock(HeardQuoteBlock(), label=_("Quotes"), required=False)

    class Meta:
        icon = "group"
        label = _("Theme")


class ThemesBlock(blocks.StreamBlock):
    theme = ThemeBlock()
