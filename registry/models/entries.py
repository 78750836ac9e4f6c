"""The register entry: an AI system a public body uses, its community record and, beside it,
what the organization itself has declared (``DeclaredRecord``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import ItemIndexPage, ItemPage, Organization
from hub.readability import split_sentences

from ..record import EXPECTED_KEYS, FIELD_KEYS, FIELDS, has_value
from .fields import RegisterRecord
from .links import SystemLinks
from .outlets import SystemOutlets

DESCRIPTION_LIMIT = 350  # the Dutch standard's limit for the short description
PLAIN_SENTENCES_LIMIT = 5  # the top of the page, read by people with little time


class DisclosureLevel(models.TextChoices):
    """The disclosure score in four bands: the facet a reader filters on."""

    NONE = "none", _("Nothing disclosed")
    LOW = "low", _("Little disclosed (under a third)")
    PARTIAL = "partial", _("Partly disclosed (a third to two thirds)")
    HIGH = "high", _("Mostly disclosed (two thirds or more)")

    @classmethod
    def of(cls, disclosed, expected):
        if not disclosed:
            return cls.NONE
        if disclosed * 3 < expected:
            return cls.LOW
        if disclosed * 3 < expected * 2:
            return cls.PARTIAL
        return cls.HIGH


class SystemIndexPage(ItemIndexPage):
    subpage_types = ["registry.SystemPage"]

    class Meta:
        verbose_name = _("AI system register")


class SystemPage(SystemOutlets, SystemLinks, ItemPage, RegisterRecord):
    """One AI system. Its fields here are the community's record, documented from case files and
    sources (``community_sources``); the organization's own declaration is a ``DeclaredRecord``."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The public body that uses the system."),
    )
    unit = models.CharField(_("unit"), max_length=255, blank=True, help_text=_("The branch or service."))

    content_panels = [
        FieldPanel("title", heading=_("Name of the system")),
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        MultiFieldPanel(
            [FieldPanel("organization"), FieldPanel("unit"), FieldPanel("services"), FieldPanel("regions")],
            heading=_("Who uses it, where"),
        ),
        *RegisterRecord.record_panels(),
        InlinePanel(
            "community_sources",
            heading=_("Community sources"),
            label=_("Source"),
            help_text=_("Where the community learned each field: a case file or a public source."),
        ),
        *ItemPage.change_panels,
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("unit"),
        index.SearchField("purpose"),
        index.SearchField("decision_role"),
        index.SearchField("data_sources"),
        index.FilterField("lifecycle_status"),
        index.FilterField("technique"),
    ]
    translatable_fields = ItemPage.item_translatable_fields + [
        SynchronizedField("organization"),
        TranslatableField("unit"),
        *RegisterRecord.record_translatable_fields(),
        SynchronizedField("community_sources"),
    ]

    parent_page_types = ["registry.SystemIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("AI system")
        verbose_name_plural = _("AI systems")

    def clean(self):
        super().clean()
        errors = {}
        if self.organization_id is None:
            errors["organization"] = _("Name the public body that uses the system.")
        if len(self.summary) > DESCRIPTION_LIMIT:
            errors["summary"] = _(
                "A register's short description holds at most %(limit)d characters (this one has %(count)d)."
            ) % {"limit": DESCRIPTION_LIMIT, "count": len(self.summary)}
        sentences = len(split_sentences(self.plain_summary))
        if sentences > PLAIN_SENTENCES_LIMIT:
            errors["plain_summary"] = _(
                "At the top of a register entry, at most %(limit)d short sentences (this one has %(count)d)."
            ) % {"limit": PLAIN_SENTENCES_LIMIT, "count": sentences}
        if errors:
            raise ValidationError(errors)

    # --- the declared record and the score ---

    def declared_record(self):
        """The organization's published declaration, in this page's language where it exists,
        else in another; None when the organization has declared nothing."""
        records = self.declared_records_model().objects.filter(
            live=True, system__translation_key=self.translation_key
        )
        return records.filter(locale_id=self.locale_id).first() or records.order_by("pk").first()

    @classmethod
    def declared_records_model(cls):
        return cls._meta.get_field("declared_records").related_model

    def disclosure(self, declared=None):
        """``(disclosed, expected)``: how many of the expected fields the organization has made
        public in its published declaration."""
        declared = declared if declared is not None else self.declared_record()
        if declared is None:
            return 0, len(EXPECTED_KEYS)
        return sum(1 for key in EXPECTED_KEYS if has_value(declared, key)), len(EXPECTED_KEYS)

    def disclosure_level(self, declared=None):
        return DisclosureLevel.of(*self.disclosure(declared))

    def field_value(self, key, declared=None):
        """The value a facet and a listing use: the organization's where it declared one, else the
        community's."""
        declared = declared if declared is not None else self.declared_record()
        if declared is not None and has_value(declared, key):
            return getattr(declared, key)
        return getattr(self, key)

    def field_rows(self, declared=None):
        """For each field, in the standards' order: ``(field, declared state, community state)``.
        The declared state is "disclosed", "not-disclosed" or "empty"; the community's is
        "documented" or "empty"."""
        declared = declared if declared is not None else self.declared_record()
        withheld = set(declared.not_disclosed) if declared is not None else set()
        rows = []
        for register_field in FIELDS:
            key = register_field.key
            if declared is not None and has_value(declared, key):
                declared_state = "disclosed"
            elif key in withheld:
                declared_state = "not-disclosed"
            else:
                declared_state = "empty"
            community_state = "documented" if has_value(self, key) else "empty"
            rows.append((register_field, declared_state, community_state))
        return rows


class CommunitySource(Orderable):
    """Where the community learned a field of the entry: one of its case files or a public source."""

    page = ParentalKey(SystemPage, on_delete=models.CASCADE, related_name="community_sources")
    field = models.CharField(
        _("field"),
        max_length=40,
        blank=True,
        choices=[(key, RegisterRecord._meta.get_field(key).verbose_name) for key in FIELD_KEYS],
        help_text=_("Leave empty for a source of the whole entry."),
    )
    casefile = models.ForeignKey(
        "impacts.CaseFilePage",
        verbose_name=_("case file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_title = models.CharField(_("source title"), max_length=255, blank=True)
    source_url = models.URLField(_("source address"), blank=True)

    panels = [
        FieldPanel("field"),
        FieldPanel("casefile"),
        FieldPanel("source_title"),
        FieldPanel("source_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("community source")

    def clean(self):
        super().clean()
        if self.casefile_id is None and not self.source_url:
            raise ValidationError(_("Give the case file or the address of the source."))
