"""Blocks of a case file's body: the narrative plus evidence, timeline and official responses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from hub.blocks import BaseStreamBlock, EvidenceBlock, TimelineEventBlock


class OfficialResponseBlock(blocks.StructBlock):
    """What the agency said, kept apart from the editors' narrative and marked as such."""

    organization = SnippetChooserBlock("hub.Organization", label=_("Organization"), required=False)
    date = blocks.DateBlock(label=_("Date"), required=False)
    response = blocks.TextBlock(label=_("Response"))
    source_url = blocks.URLBlock(label=_("Source URL"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Official response")
        template = "blocks/official_response_block.html"


class CaseFileBodyBlock(BaseStreamBlock):
    evidence = EvidenceBlock()
    timeline_event = TimelineEventBlock()
    official_response = OfficialResponseBlock()
