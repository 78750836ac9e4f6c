"""StreamField blocks shared by every page type of the hub."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required: the hub serves screen-reader users."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        alt = (value.get("alt_text") or "").strip().lower()
        if alt in {"image", "photo", "picture", "img"}:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(_("Describe the image; a generic word is not enough."))
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class EvidenceBlock(blocks.StructBlock):
    """A source that supports a case file, with an optional archived copy in case the link dies."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=300)
    source_url = blocks.URLBlock(label=_("Source URL"))
    publisher = blocks.CharBlock(label=_("Publisher"), required=False, max_length=200)
    date = blocks.DateBlock(label=_("Date"), required=False)
    archived_url = blocks.URLBlock(label=_("Archived copy (URL)"), required=False)
    archived_document = DocumentChooserBlock(label=_("Archived copy (document)"), required=False)

    class Meta:
        icon = "link"
        label = _("Evidence")
        template = "blocks/evidence_block.html"


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Event"), max_length=300)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"
        label = _("Timeline event")
        template = "blocks/timeline_event_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """Narrative blocks every page body may use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
