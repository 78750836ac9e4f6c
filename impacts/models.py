"""Case files: the local impacts of one AI system, documented by community editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import ImpactLevel, ItemIndexPage, ItemPage, Organization, Risk, published_only

from .blocks import CaseFileBodyBlock


class CaseFileIndexPage(ItemIndexPage):
    item_model_path = "impacts.CaseFilePage"
    subpage_types = ["impacts.CaseFilePage"]

    class Meta:
        verbose_name = _("case file index")


class CaseFilePage(ItemPage):
    id_prefix = "CF"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        PILOT = "pilot", _("Pilot")
        DEPLOYED = "deployed", _("Deployed")
        SUSPENDED = "suspended", _("Suspended")
        RETIRED = "retired", _("Retired")

    class Automation(models.TextChoices):
        FULLY_AUTOMATED = "fully-automated", _("Fully automated")
        HUMAN_IN_THE_LOOP = "human-in-the-loop", _("Human in the loop")
        ADVISORY = "advisory", _("Advisory")

    municipality = models.CharField(_("municipality"), max_length=200, blank=True)
    risks = ParentalManyToManyField(Risk, verbose_name=_("risks"), blank=True, related_name="casefile_pages")
    impact_level = models.PositiveSmallIntegerField(
        _("impact level"),
        choices=ImpactLevel.choices,
        null=True,
        blank=True,
        help_text=_(
            "Levels of Canada's Directive on Automated Decision-Making. Leave empty if not assessed."
        ),
    )
    agency = models.ForeignKey(
        Organization,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The public body that uses the system."),
    )
    ai_system = models.CharField(_("AI system"), max_length=255, blank=True)
    vendor = models.ForeignKey(
        Organization,
        verbose_name=_("vendor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_role = models.TextField(
        _("what the system decides or assists"),
        blank=True,
        help_text=_("For example: ranks applications, flags files for review, answers questions."),
    )
    automation = models.CharField(
        _("degree of automation"), max_length=20, choices=Automation.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DEPLOYED)
    first_reported = models.DateField(_("first reported"), null=True, blank=True)
    body = StreamField(CaseFileBodyBlock(), verbose_name=_("body"), blank=True)
    related_casefiles = ParentalManyToManyField(
        "self", verbose_name=_("related case files"), blank=True, symmetrical=False
    )

    content_panels = ItemPage.content_panels + [
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("regions"),
                FieldPanel("municipality"),
                FieldPanel("risks"),
                FieldPanel("impact_level"),
            ],
            heading=_("Where and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("agency"),
                FieldPanel("ai_system"),
                FieldPanel("vendor"),
                FieldPanel("decision_role"),
                FieldPanel("automation"),
                FieldPanel("status"),
                FieldPanel("first_reported"),
            ],
            heading=_("The AI system"),
        ),
        FieldPanel("body"),
        FieldPanel("related_casefiles"),
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("ai_system", boost=2),
        index.SearchField("municipality"),
        index.SearchField("decision_role"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("impact_level"),
        index.FilterField("first_reported"),
    ]
    translatable_fields = ItemPage.item_translatable_fields + [
        SynchronizedField("municipality"),
        SynchronizedField("risks"),
        SynchronizedField("impact_level"),
        SynchronizedField("agency"),
        SynchronizedField("ai_system"),
        SynchronizedField("vendor"),
        TranslatableField("decision_role"),
        SynchronizedField("automation"),
        SynchronizedField("status"),
        SynchronizedField("first_reported"),
        TranslatableField("body"),
        SynchronizedField("related_casefiles"),
    ]
    api_fields = ItemPage.item_api_fields + [
        APIField("municipality"),
        APIField("risk_keys"),
        APIField("impact_level"),
        APIField("agency_name"),
        APIField("ai_system"),
        APIField("vendor_name"),
        APIField("decision_role"),
        APIField("automation"),
        APIField("status"),
        APIField("first_reported"),
        APIField("body"),
        APIField("related_casefile_ids"),
    ]

    parent_page_types = ["impacts.CaseFileIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case file")
        verbose_name_plural = _("case files")

    @property
    def risk_keys(self):
        return sorted(risk.key for risk in self.risks.all())

    @property
    def agency_name(self):
        return self.agency.name if self.agency else ""

    @property
    def vendor_name(self):
        return self.vendor.name if self.vendor else ""

    @property
    def related_casefile_ids(self):
        return sorted(
            page.public_id for page in published_only(CaseFilePage, list(self.related_casefiles.all()))
        )

    def evidence_sources(self):
        """Source URLs of the evidence blocks, in body order: the ``sources`` column of the CSV."""
        return [block.value["source_url"] for block in self.body if block.block_type == "evidence"]
