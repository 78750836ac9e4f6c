"""Blocks of a dialogue: the materials it leaves behind (slides, minutes, recordings)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

MATERIAL_KINDS = [
    ("slides", _("Slides")),
    ("minutes", _("Minutes")),
    ("recording", _("Recording")),
    ("handout", _("Handout")),
    ("other", _("Other material")),
]


class MaterialDocumentBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=MATERIAL_KINDS, label=_("Kind"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    document = DocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "doc-full"
        label = _("Document")


class MaterialLinkBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=MATERIAL_KINDS, label=_("Kind"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link")


class MaterialsBlock(blocks.StreamBlock):
    document = MaterialDocumentBlock()
    link = MaterialLinkBlock()
