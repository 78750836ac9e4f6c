"""Blocks of briefs: numbered recommendations."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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
