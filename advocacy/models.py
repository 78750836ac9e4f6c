"""Advocacy briefs that cite case files, and codesign agreements between public bodies and
community organizations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from followup.models import HasCommitments
from hub.blocks import BaseStreamBlock
from hub.items import public_pages
from hub.models import (
    ItemIndexPage,
    ItemPage,
    ItemPermissionTester,
    Organization,
    Risk,
    partner_organization_key,
)
from hub.organization_names import credited_names
from hub.roles import MUNICIPAL_PARTNERS

from .blocks import RecommendationsBlock


class AdvocacyBriefIndexPage(ItemIndexPage):
    subpage_types = ["advocacy.AdvocacyBriefPage"]

    class Meta:
        verbose_name = _("advocacy brief index")


class AdvocacyBriefPage(ItemPage):
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    version = models.CharField(_("version"), max_length=40, blank=True, default="1.0")
    risks = ParentalManyToManyField(Risk, verbose_name=_("risks"), blank=True, related_name="brief_pages")
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    recommendations = StreamField(RecommendationsBlock(), verbose_name=_("recommendations"), blank=True)
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = ItemPage.content_panels + [
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        InlinePanel("authors", heading=_("Authors"), label=_("Author"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("version"), FieldPanel("pdf")],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [FieldPanel("services"), FieldPanel("regions"), FieldPanel("risks")], heading=_("Topics")
        ),
        FieldPanel("body"),
        FieldPanel("recommendations"),
        InlinePanel("citations", heading=_("Cited case files"), label=_("Citation")),
        *ItemPage.change_panels,
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("recommendations"),
        index.FilterField("publication_date"),
    ]
    translatable_fields = ItemPage.item_translatable_fields + [
        SynchronizedField("publication_date"),
        SynchronizedField("version"),
        SynchronizedField("risks"),
        TranslatableField("body"),
        TranslatableField("recommendations"),
        SynchronizedField("pdf"),
        SynchronizedField("authors"),
        SynchronizedField("citations"),
    ]
    api_fields = ItemPage.item_api_fields + [
        APIField("publication_date"),
        APIField("version"),
        APIField("risk_keys"),
        APIField("author_names"),
        APIField("body"),
        APIField("recommendations"),
        APIField("cited_casefiles"),
        APIField("pdf"),
    ]

    parent_page_types = ["advocacy.AdvocacyBriefIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("advocacy brief")
        verbose_name_plural = _("advocacy briefs")

    @property
    def risk_keys(self):
        return sorted(risk.key for risk in self.risks.all())

    @property
    def author_names(self):
        return [str(author) for author in self.authors.all()]

    @property
    def cited_casefiles(self):

        citations = list(self.citations.select_related("casefile"))
        shown = {page.pk for page in public_pages([citation.casefile for citation in citations])}
        return [
            {"id": citation.casefile.public_id, "pinpoint": citation.pinpoint}
            for citation in citations
            if citation.casefile_id in shown
        ]

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        citations = list(self.citations.select_related("casefile__locale").order_by("sort_order", "pk"))
        cited = public_pages([citation.casefile for citation in citations])
        references = dict(zip([page.pk for page in cited], api.references(cited), strict=True))
        return {
            "dates": {"publication": api.date(self.publication_date)},
            "risks": api.terms(self.risks.all()),
            "version": self.version,
            "authors": [
                {"person": author.person_name, "organization": api.organization(author.organization)}
                for author in self.authors.select_related("organization")
            ],
            "cited_casefiles": [
                {**references[citation.casefile_id], "pinpoint": citation.pinpoint}
                for citation in citations
                if citation.casefile_id in references
            ],
        }

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        return _("Cite this brief")

    def citation_issued(self):
        """Its own publication date when it has one."""
        return self.publication_date or super().citation_issued()

    def citation_authors(self):
        """Each author: a person, an organization, or a person writing for an organization."""
        return credited_names(self.authors.all(), person_field="person_name")

    def citation_about(self):
        return (*super().citation_about(), "risks")

    # --- search: what it asks of an item ---
    @classmethod
    def search_related(cls, pages):
        return pages.prefetch_related("authors__organization")

    def search_body_parts(self):
        return [*self.stream_text(self.body), *self.stream_text(self.recommendations), *self.author_names]

    def sort_date(self):
        return self.publication_date or super().sort_date()


class BriefAuthor(Orderable):
    """An author: a person, an organization, or a person writing for an organization."""

    brief = ParentalKey(AdvocacyBriefPage, on_delete=models.CASCADE, related_name="authors")
    person_name = models.CharField(_("person"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("person_name"), FieldPanel("organization")]

    def __str__(self):
        parts = [self.person_name, self.organization.name if self.organization else ""]
        return " — ".join(part for part in parts if part)

    def clean(self):
        super().clean()
        if not self.person_name and not self.organization_id:
            raise ValidationError(_("Name a person, an organization, or both."))


class BriefCitation(Orderable):
    """A case file cited by a brief, with a pinpoint saying which part supports the argument."""

    brief = ParentalKey(AdvocacyBriefPage, on_delete=models.CASCADE, related_name="citations")
    casefile = models.ForeignKey(
        "impacts.CaseFilePage",
        verbose_name=_("case file"),
        on_delete=models.PROTECT,
        related_name="citations",
    )
    pinpoint = models.CharField(
        _("pinpoint"),
        max_length=255,
        blank=True,
        help_text=_("Which part: a section, a piece of evidence, a date."),
    )

    panels = [FieldPanel("casefile"), FieldPanel("pinpoint")]

    def __str__(self):
        return f"{self.casefile.public_id} {self.pinpoint}".strip()


def acts_as_partner(user):
    """Municipal partners are limited to their organization's agreements; administrators are not."""
    return (
        user.is_active
        and not user.is_superuser
        and any(group.name == MUNICIPAL_PARTNERS for group in user.groups.all())
    )


class PartyPermissionTester(ItemPermissionTester):
    """A municipal partner keeps the section's permissions only on agreements to which their
    organization is a party (checked on the live parties, in any language of the organization)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if acts_as_partner(user) and not page.has_party(partner_organization_key(user)):
            self.permissions = set()


class CollaborationAgreementPageForm(WagtailAdminPageForm):
    """A partner cannot create or keep an agreement that leaves out their own organization."""

    def clean(self):
        cleaned_data = super().clean()
        user = self.for_user
        if user is None or not acts_as_partner(user):
            return cleaned_data
        key = partner_organization_key(user)
        formset = self.formsets.get("parties")
        if formset is None or not formset.is_valid():
            return cleaned_data
        keys = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("organization") and not data.get("DELETE"):
                keys.add(data["organization"].translation_key)
        if key is None or key not in keys:
            self.add_error(None, _("Your organization must be one of the parties to this agreement."))
        return cleaned_data


class CollaborationAgreementIndexPage(ItemIndexPage):
    subpage_types = ["advocacy.CollaborationAgreementPage"]

    class Meta:
        verbose_name = _("collaboration agreement index")


class CollaborationAgreementPage(HasCommitments, ItemPage):
    class Status(models.TextChoices):
        NEGOTIATING = "negotiating", _("Under negotiation")
        SIGNED = "signed", _("Signed")
        IN_FORCE = "in-force", _("In force")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    scope = models.TextField(
        _("scope"), help_text=_("Which services, systems and decisions the agreement covers.")
    )
    citizen_role = models.TextField(
        _("role of citizens in governance"),
        help_text=_(
            "The formal role given to citizens: seats on a committee, a veto, a right to be consulted."
        ),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEGOTIATING)
    signed_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed document (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # By name: advocacy does not import the register (its page lists them through this relation).
    systems = ParentalManyToManyField(
        "registry.SystemPage",
        verbose_name=_("AI systems covered"),
        blank=True,
        related_name="agreements",
        help_text=_("The entries of the AI system register this agreement governs."),
    )

    content_panels = ItemPage.content_panels + [
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        InlinePanel("parties", heading=_("Parties"), label=_("Party"), min_num=2),
        InlinePanel("signatories", heading=_("Signatories"), label=_("Signatory")),
        FieldPanel("scope"),
        FieldPanel("systems"),
        FieldPanel("citizen_role"),
        InlinePanel("commitments", heading=_("Commitments"), label=_("Commitment")),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("signed_document"),
            ],
            heading=_("Dates and status"),
        ),
        MultiFieldPanel([FieldPanel("services"), FieldPanel("regions")], heading=_("Topics")),
        *ItemPage.change_panels,
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("scope"),
        index.SearchField("citizen_role"),
        index.RelatedFields("commitments", [index.SearchField("text"), index.SearchField("owner_role")]),
        index.FilterField("status"),
        index.FilterField("start_date"),
    ]
    translatable_fields = ItemPage.item_translatable_fields + [
        TranslatableField("scope"),
        TranslatableField("citizen_role"),
        TranslatableField("commitments"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("status"),
        SynchronizedField("signed_document"),
        SynchronizedField("parties"),
        SynchronizedField("signatories"),
        SynchronizedField("systems"),
    ]
    api_fields = ItemPage.item_api_fields + [
        APIField("party_list"),
        APIField("signatory_list"),
        APIField("scope"),
        APIField("citizen_role"),
        APIField("commitments"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("signed_document"),
    ]

    parent_page_types = ["advocacy.CollaborationAgreementIndexPage"]
    subpage_types = []
    base_form_class = CollaborationAgreementPageForm

    class Meta:
        verbose_name = _("collaboration agreement")
        verbose_name_plural = _("collaboration agreements")

    def permissions_for_user(self, user):
        return PartyPermissionTester(user, self)

    def has_party(self, organization_key):
        """Whether the organization with this translation key is a party (saved parties)."""
        if organization_key is None or self.pk is None:
            return False
        return AgreementParty.objects.filter(
            agreement_id=self.pk, organization__translation_key=organization_key
        ).exists()

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date comes before the start date.")})

    @property
    def party_list(self):
        return [
            {"organization": party.organization.key, "name": party.organization.name, "role": party.role}
            for party in self.parties.select_related("organization")
        ]

    @property
    def signatory_list(self):
        return [
            {"name": s.name, "title": s.title, "organization": s.organization.key if s.organization else None}
            for s in self.signatories.select_related("organization")
        ]

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        return {
            "dates": {"start": api.date(self.start_date), "end": api.date(self.end_date)},
            "status": api.choice(self, "status"),
            "scope": self.scope,
            "citizen_role": self.citizen_role,
            "parties": [
                {"organization": api.organization(party.organization), "role": api.choice(party, "role")}
                for party in self.parties.select_related("organization")
            ],
            "signatories": [
                {
                    "name": signatory.name,
                    "title": signatory.title,
                    "organization": api.organization(signatory.organization),
                    "signed_on": api.date(signatory.signed_on),
                }
                for signatory in self.signatories.select_related("organization")
            ],
            "commitments": [commitment.api_record(api) for commitment in self.shown_commitments()],
        }

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        return _("Cite this agreement")

    def citation_authors(self):
        """Its parties."""
        return credited_names(self.parties.all())

    # --- search: what it asks of an item ---
    @classmethod
    def search_related(cls, pages):
        return pages.prefetch_related("parties__organization", "commitments")

    def search_body_parts(self):
        parties = [party.organization.name for party in self.parties.all()]
        commitments = [
            part for commitment in self.commitments.all() for part in (commitment.text, commitment.owner_role)
        ]
        return [*commitments, self.scope, self.citizen_role, *parties]

    def sort_date(self):
        return self.start_date or super().sort_date()

    def search_status(self):
        return self.status or super().search_status()


class AgreementParty(Orderable):
    class Role(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        PUBLIC_BODY = "public-body", _("Public body")
        NON_PROFIT = "non-profit", _("Non-profit")
        RESEARCH = "research", _("Research partner")
        CITIZEN_COMMITTEE = "citizen-committee", _("Citizen committee")

    agreement = ParentalKey(CollaborationAgreementPage, on_delete=models.CASCADE, related_name="parties")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    panels = [FieldPanel("organization"), FieldPanel("role")]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class AgreementSignatory(Orderable):
    agreement = ParentalKey(CollaborationAgreementPage, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("organization"), FieldPanel("signed_on")]

    def __str__(self):
        return self.name
