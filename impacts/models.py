"""Case files: the local impacts of one AI system, documented by community editors."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.items import public_pages
from hub.models import ImpactLevel, ItemIndexPage, ItemPage, Organization, Risk

from .blocks import CaseFileBodyBlock


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
        SynchronizedField("ai_system"),
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
        return pages.select_related("agency", "vendor").prefetch_related(links)

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


class Testimony(ClusterableModel):
    """The words of a person affected by an AI system, with the consent that lets them be shown.

    The public part (text, plain version, name as the person chose) appears on the case files that
    link to it; the consent record never leaves the admin. Withdrawal hides it everywhere at once."""

    class Identification(models.TextChoices):
        NAMED = "named", _("Named")
        PSEUDONYM = "pseudonym", _("Pseudonym")
        ANONYMOUS = "anonymous", _("Anonymous")

    text = models.TextField(_("testimony"), help_text=_("The person's words, as they agreed to share them."))
    language = models.CharField(_("language of the testimony"), max_length=5, choices=settings.LANGUAGES)
    plain_text = models.TextField(
        _("plain-language version"),
        blank=True,
        help_text=_("Optional. The same account in short sentences and everyday words."),
    )
    identification = models.CharField(
        _("identification"),
        max_length=10,
        choices=Identification.choices,
        default=Identification.ANONYMOUS,
        help_text=_("As chosen by the person."),
    )
    display_name = models.CharField(
        _("name or pseudonym shown"),
        max_length=120,
        blank=True,
        help_text=_("Required for a named or pseudonymous testimony; must be empty if anonymous."),
    )
    context = models.CharField(
        _("public context"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional, shown publicly: for example “Parent of a student, Laval”. Nothing identifying."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a photo or a scan the person agreed to share."),
    )
    image_alt = models.CharField(_("image alternative text"), max_length=250, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a transcript or a letter the person agreed to share."),
    )

    consent_collected_by = models.CharField(_("collected by"), max_length=200, blank=True)
    consent_collected_on = models.DateField(_("collected on"), null=True, blank=True)
    consent_text_version = models.CharField(
        _("version of the consent text"), max_length=50, blank=True, help_text=_("For example: 2026-03.")
    )
    consent_language = models.CharField(
        _("language of the consent"), max_length=5, choices=settings.LANGUAGES, blank=True
    )
    consent_casefiles = ParentalManyToManyField(
        "impacts.CaseFilePage",
        verbose_name=_("case files covered"),
        blank=True,
        related_name="+",
        help_text=_("The case files the person agreed to appear on (either language of each)."),
    )
    consent_web = models.BooleanField(_("publication on the web"), default=False)
    consent_exports = models.BooleanField(
        _("publication in exports"),
        default=False,
        help_text=_("Data downloads and the API. Without it the testimony only appears on the web pages."),
    )
    withdrawal_contact = models.CharField(
        _("withdrawal contact"),
        max_length=250,
        blank=True,
        help_text=_("Who the person contacts to withdraw the testimony."),
    )
    retention_until = models.DateField(
        _("keep until"), null=True, blank=True, help_text=_("Withdrawn automatically after this date.")
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("text"),
                FieldPanel("language"),
                FieldPanel("plain_text"),
                FieldRowPanel([FieldPanel("identification"), FieldPanel("display_name")]),
                FieldPanel("context"),
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("document"),
            ],
            heading=_("What is published"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("consent_collected_by"), FieldPanel("consent_collected_on")]),
                FieldRowPanel([FieldPanel("consent_text_version"), FieldPanel("consent_language")]),
                FieldPanel("consent_casefiles"),
                FieldRowPanel([FieldPanel("consent_web"), FieldPanel("consent_exports")]),
                FieldPanel("withdrawal_contact"),
                FieldPanel("retention_until"),
            ],
            heading=_("Consent record (never published)"),
        ),
    ]

    CONSENT_FIELDS = (
        "consent_collected_by",
        "consent_collected_on",
        "consent_text_version",
        "consent_language",
        "withdrawal_contact",
        "retention_until",
    )

    class Meta:
        verbose_name = _("testimony")
        verbose_name_plural = _("testimonies")
        ordering = ["-created_at"]
        permissions = [("withdraw_testimony", "Can withdraw a testimony")]

    def __str__(self):
        """Never the words nor the name: this string shows in revision comparisons and logs."""
        if self.is_withdrawn:
            return _("%(reference)s (withdrawn)") % {"reference": self.reference}
        return f"{self.reference} · {self.get_identification_display()}"

    @property
    def reference(self):
        return f"T-{self.pk:04d}" if self.pk else "T-new"

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def clean(self):
        super().clean()
        if self.identification == self.Identification.ANONYMOUS and self.display_name:
            raise ValidationError({"display_name": _("An anonymous testimony shows no name.")})
        if self.identification != self.Identification.ANONYMOUS and not self.display_name.strip():
            raise ValidationError({"display_name": _("Give the name or pseudonym the person chose.")})
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})

    def missing_consent(self):
        """Labels of the consent record's empty fields."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.CONSENT_FIELDS
            if not getattr(self, name)
        ]

    def covers(self, casefile):
        consented = getattr(self, "consent_casefile_list", None)  # loaded by ``search_related``
        if consented is None:
            consented = self.consent_casefiles.all()
        return casefile.translation_key in {page.translation_key for page in consented}

    def publication_problems(self, casefile):
        """Why this testimony may not appear on ``casefile``, as messages naming it."""
        problems = []
        missing = self.missing_consent()
        if missing:
            problems.append(
                _(
                    "Testimony %(reference)s cannot be published: its consent record is incomplete (%(missing)s)."
                )
                % {"reference": self.reference, "missing": ", ".join(missing)}
            )
        if not self.consent_web:
            problems.append(
                _(
                    "Testimony %(reference)s cannot be published: the person did not consent to publication on the web."
                )
                % {"reference": self.reference}
            )
        if not casefile.translation_key or not self.covers(casefile):
            problems.append(
                _(
                    "Testimony %(reference)s cannot be published: its consent does not cover this case file "
                    "(save a draft, then add the case file to the consent record)."
                )
                % {"reference": self.reference}
            )
        return problems

    def may_appear_on(self, casefile):
        return not self.is_withdrawn and not self.publication_problems(casefile)

    @property
    def shown_name(self):
        """The name a reader sees: only ever the one the person chose to show."""
        if self.identification == self.Identification.ANONYMOUS:
            return ""
        return self.display_name

    def public_record(self):
        """What an export may carry: never a consent detail."""
        return {
            "reference": self.reference,
            "language": self.language,
            "text": self.text,
            "plain_text": self.plain_text,
            "identification": self.identification,
            "name": self.shown_name,
            "context": self.context,
        }


class CaseFileTestimony(Orderable):
    """A testimony shown on a case file. The link is part of the page's content (so it goes
    through review); the words and the consent stay in the testimony."""

    page = ParentalKey(CaseFilePage, on_delete=models.CASCADE, related_name="testimony_links")
    testimony = models.ForeignKey(
        Testimony, verbose_name=_("testimony"), on_delete=models.PROTECT, related_name="casefile_links"
    )

    panels = [FieldPanel("testimony")]

    class Meta(Orderable.Meta):
        verbose_name = _("testimony on a case file")
