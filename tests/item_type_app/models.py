from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from hub.blocks import BaseStreamBlock
from hub.items import ItemType
from hub.models import ItemIndexPage, ItemPage


class FieldNoteIndexPage(ItemIndexPage):
    subpage_types = ["item_type_app.FieldNotePage"]


class FieldNotePage(ItemPage):
    """A short note from the field: only what every item has, and a body."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + ItemPage.summary_panels + [FieldPanel("body")]
    parent_page_types = ["item_type_app.FieldNoteIndexPage"]
    template = "item_type_app/field_note_page.html"
    translatable_fields = ItemPage.item_translatable_fields


FIELD_NOTE = ItemType(
    key="fieldnote",
    prefix="FN",
    page_model="item_type_app.FieldNotePage",
    index_model="item_type_app.FieldNoteIndexPage",
    section="fieldnotes",
    label=_("Field note"),
    label_plural=_("Field notes"),
    index_titles={"fr": "Notes de terrain", "en": "Field notes"},
    index_slugs={"fr": "notes", "en": "field-notes"},
    csl_type="report",
    schema_type="Report",
    latest_heading=_("Latest field notes"),
    more_label=_("All field notes"),
    csv_download=True,
)
