"""Case files: the local impacts of one AI system, documented by community editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.items import public_pages
from hub.models import ImpactLevel, ItemIndexPage, ItemPage, Organization, Risk

from ..blocks import CaseFileBodyBlock
from .testimonies import CaseFileTestimony


class CaseFilePageForm(WagtailAdminPageForm):
    """Refuses, on the editor's form, to publish or submit a case file showing a testimony that may
    not appear on it, naming the testimony and what is missing."""

    publishing_actions = ("action-publish", "action-submit", "action-workflow-action")

    def clean(self):
        cleaned_data = super().clean()
        if not any(action in self.data for action in self.publishing_actions):
            return cleaned_data
        page = self.instance
        formset = self.formsets.get("testimony_links")
        if formset is None or not formset.is_valid():
            return cleaned_data
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            testimony = data.get("testimony")
            if testimony is None or data.get("DELETE") or testimony.is_withdrawn:
                continue
            for problem in testimony.publication_problems(page):
                self.add_error(None, problem)
        return cleaned_data


class CaseFileIndexPage(ItemIndexPage):
    subpage_types = ["impacts.CaseFilePage"]

    class Meta:
        verbose_name = _("case file index")


class CaseFilePage(ItemPage):
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
    system = models.ForeignKey(
        "registry.SystemPage",
        verbose_name=_("AI system"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casefiles",
        help_text=_("The system's entry in the register."),
    )
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
                FieldPanel("system"),
                FieldPanel("vendor"),
                FieldPanel("decision_role"),
                FieldPanel("automation"),
                FieldPanel("status"),
                FieldPanel("first_reported"),
            ],
            heading=_("The AI system"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "testimony_links",
            heading=_("Testimonies"),
            label=_("Testimony"),
            help_text=_(
                "Only testimonies whose consent record is complete and covers this case file can be published."
            ),
        ),
        FieldPanel("related_casefiles"),
        *ItemPage.change_panels,
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
        SynchronizedField("system"),
        SynchronizedField("vendor"),
        TranslatableField("decision_role"),
        SynchronizedField("automation"),
        SynchronizedField("status"),
        SynchronizedField("first_reported"),
        TranslatableField("body"),
        SynchronizedField("related_casefiles"),
        SynchronizedField("testimony_links"),
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
        APIField("exportable_testimonies"),
    ]

    parent_page_types = ["impacts.CaseFileIndexPage"]
    subpage_types = []
    base_form_class = CaseFilePageForm

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
    def ai_system(self):
        """The name of the system, as the register names it: what the CSV's and the API's
        ``ai_system`` hold. Shown even when the entry awaits review, as the case file said it."""
        return self.system.title if self.system_id else ""

    def public_system(self, language):
        """The register entry a reader of ``language`` may follow: its public version in that
        language, else its first public version; None while no version is public."""
        if not self.system_id:
            return None
        entries = type(self.system).objects.public().filter(translation_key=self.system.translation_key)
        entries = list(entries.select_related("locale").order_by("pk"))
        in_language = [entry for entry in entries if entry.locale.language_code == language]
        return (in_language or entries or [None])[0]

    @property
    def vendor_name(self):
        return self.vendor.name if self.vendor else ""

    @property
    def related_casefile_ids(self):
        return sorted(page.public_id for page in public_pages(list(self.related_casefiles.all())))

    def linked_testimonies(self):
        """The testimonies this version of the page links to, in order (drafts and revisions
        included: the links live in the page's content, the testimonies outside it)."""
        links = getattr(self, "search_testimony_links", None)  # loaded by ``search_related``
        if links is None:
            links = self.testimony_links.all()
        return [link.testimony for link in links if link.testimony_id]

    def public_testimonies(self):
        """What a visitor may read: not withdrawn, consent complete, covering this case file and the web."""
        return [testimony for testimony in self.linked_testimonies() if testimony.may_appear_on(self)]

    def exportable_testimonies(self):
        """Public testimonies whose consent also covers exports, without anything personal."""
        return [
            testimony.public_record() for testimony in self.public_testimonies() if testimony.consent_exports
        ]

    def testimonies_for(self, request):
        """Public visitors get the public testimonies. In a preview (which also shows old
        revisions), editors see every testimony not withdrawn; administrators see withdrawn ones too."""
        if not getattr(request, "is_preview", False):
            return self.public_testimonies()
        is_admin = request.user.is_active and request.user.is_superuser
        return [
            testimony for testimony in self.linked_testimonies() if is_admin or not testimony.is_withdrawn
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["testimonies"] = self.testimonies_for(request)
        return context

    def testimony_problems(self):
        """Why this version cannot be published because of a testimony it shows, one message each."""
        problems = []
        for testimony in self.linked_testimonies():
            if testimony.is_withdrawn:
                continue
            problems.extend(testimony.publication_problems(self))
        return problems

    def publication_problems(self):
        """The last guard, whatever road publishes (see ``PublicationGuardsMixin.save``)."""
        return self.testimony_problems()

    def evidence_sources(self):
        """Source URLs of the evidence blocks, in body order: the ``sources`` column of the CSV."""
        return [record["url"] for record in self.evidence_records()]

    def evidence_records(self):
        """The evidence blocks as plain records, in body order (``date`` a date or None), for the
        exports and the API to format as they document."""
        return [
            {
                "title": block.value.get("title") or "",
                "url": block.value["source_url"],
                "publisher": block.value.get("publisher") or "",
                "date": block.value.get("date"),
                "archived_url": block.value.get("archived_url") or "",
            }
            for block in self.body
            if block.block_type == "evidence"
        ]

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        return {
            "dates": {"reported": api.date(self.first_reported)},
            "risks": api.terms(self.risks.all()),
            "impact_level": api.impact_level(self.impact_level),
            "status": api.choice(self, "status"),
            "municipality": self.municipality,
            "agency": api.organization(self.agency),
            "vendor": api.organization(self.vendor),
            "ai_system": self.ai_system,
            "system": self.api_system(api),
            "decision_role": self.decision_role,
            "automation": api.choice(self, "automation"),
            "evidence_sources": [
                {**record, "date": api.date(record["date"]), "archived_url": record["archived_url"] or None}
                for record in self.evidence_records()
            ],
            "related_casefiles": api.references(public_pages(list(self.related_casefiles.all()))),
            "cited_by": api.references(self.citing_briefs()),
            "exportable_testimonies": self.exportable_testimonies(),
        }

    def api_system(self, api):
        system = self.public_system(api.language)
        return api.reference(system) if system is not None else None

    def citing_briefs(self):
        """Public briefs citing any language version of this case file, once each, newest first.
        Briefs cite case files (advocacy depends on impacts), so the brief model is reached
        through the citations' relation rather than imported."""
        brief_model = self.citations.model._meta.get_field("brief").related_model
        briefs = (
            brief_model.objects.public()
            .filter(citations__casefile__translation_key=self.translation_key)
            .select_related("locale")
            .order_by("-publication_date", "title", "pk")
            .distinct()
        )
        unique = {}
        for brief in briefs:
            unique.setdefault(brief.translation_key, brief)
        return list(unique.values())

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        return _("Cite this case file")

    def citation_about(self):
        return (*super().citation_about(), "risks")

    # --- search: what it asks of an item ---
    @classmethod
    def search_related(cls, pages):
        """The testimony links and their consents as plain lists (``to_attr``): a related manager
        made per page and per testimony cost more than the rest of the document; consented case
        files as their translation keys only, which is all ``Testimony.covers`` reads."""
        consents = models.Prefetch(
            "testimony__consent_casefiles",
            queryset=CaseFilePage.objects.only("translation_key"),
            to_attr="consent_casefile_list",
        )
        links = models.Prefetch(
            "testimony_links",
            queryset=CaseFileTestimony.objects.select_related("testimony").prefetch_related(consents),
            to_attr="search_testimony_links",
        )
        return pages.select_related("agency", "vendor", "system").prefetch_related(links)

    def search_body_parts(self):
        parts = [*self.stream_text(self.body), self.ai_system, self.municipality, self.decision_role]
        parts += [self.agency_name, self.vendor_name]
        for testimony in self.public_testimonies():
            parts += [testimony.text, testimony.plain_text, testimony.context]
        return parts

    def sort_date(self):
        return self.first_reported or super().sort_date()

    def search_status(self):
        return self.status or super().search_status()

    def search_impact_level(self):
        return self.impact_level
