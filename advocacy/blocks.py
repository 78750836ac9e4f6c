"""Blocks of briefs and agreements: numbered recommendations and dated commitments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class RecommendationBlock(blocks.StructBlock):
    """One recommendation; its number is its position, so reordering renumbers."""

    recommendation = blocks.TextBlock(label=_("Recommendation"))
    addressee = blocks.CharBlock(
        label=_("Addressee"), max_length=255, help_text=_("Who must act: a ministry, an agency, a city.")
    )
    rationale = blocks.TextBlock(label=_("Why"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Recommendation")
        template = "blocks/recommendation_block.html"


class RecommendationsBlock(blocks.StreamBlock):
    recommendation = RecommendationBlock()


class CommitmentBlock(blocks.StructBlock):
    commitment = blocks.TextBlock(label=_("Commitment"))
    owner = SnippetChooserBlock("hub.Organization", label=_("Party responsible"))
    due_date = blocks.DateBlock(label=_("Due date"), required=False)

    class Meta:
        icon = "tick"
        label = _("Commitment")
        template = "blocks/commitment_block.html"


class CommitmentsBlock(blocks.StreamBlock):
    commitment = CommitmentBlock()
