"""The consultation report (bilan, ``BI-YYYY-NNNN``): what came out of one or more citizen
dialogues (or of a consultation held elsewhere), in the order a reader needs it: the mandate, the
method, who took part, what was heard, the recommendations with the public body's official
responses, the commitments that follow from them and the next review date."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import ItemIndexPage, ItemPage, Organization

from ..blocks import ThemesBlock
from ..numbering import number_parts
from ..report_forms import ReportPageForm
from ..report_outlets import ReportOutlets
from .commitments import Commitment
from .pages import HasCommitments

# At most this many people counted as present, as for a dialogue's attendance.
MAX_PARTICIPANTS = 100_000


class ReportIndexPage(ItemIndexPage):
    subpage_types = ["followup.ReportPage"]

    class Meta:
        verbose_name = _("consultation report index")


class ReportPage(ReportOutlets, HasCommitments, ItemPage):
    addressed_to = models.ForeignKey(
        Organization,
        verbose_name=_("public body addressed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The public body the report is addressed to, which answers its recommendations."),
    )
    # What it reports on: dialogues of the hub, or a consultation held elsewhere (``clean``).
    dialogues = ParentalManyToManyField(
        "dialogues.DialoguePage", verbose_name=_("dialogues"), blank=True, related_name="reports"
    )
    outside_consultation = models.CharField(
        _("consultation held elsewhere"),
        max_length=255,
        blank=True,
        help_text=_("The name of the consultation, when it was not a dialogue of the hub."),
    )
    outside_consultation_url = models.URLField(
        _("address of that consultation"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    # The mandate.
    commissioned_by = models.ForeignKey(
        Organization,
        verbose_name=_("who asked for the consultation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.TextField(
        _("who decides"), blank=True, help_text=_("Who takes the decision, and when.")
    )
    could_change = models.TextField(
        _("what could change"), blank=True, help_text=_("What the people consulted could still influence.")
    )
    # The method.
    method = models.TextField(
        _("method"),
        blank=True,
        help_text=_("Dates, places, formats, and how people were reached, in plain words."),
    )
    # Participation.
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    organizations_present = ParentalManyToManyField(
        Organization, verbose_name=_("organizations present"), blank=True, related_name="+"
    )
    missing = models.TextField(
        _("who was missing, and why"),
        blank=True,
        help_text=_("Who did not take part, and what kept them away."),
    )
    # What we heard.
    themes = StreamField(ThemesBlock(), verbose_name=_("what we heard"), blank=True)
    next_review_date = models.DateField(
        _("next review date"),
        null=True,
        blank=True,
        help_text=_("When the body will next report on its follow-up."),
    )
    # Linked items (a reverse relation named "reports" on each: the register's timeline finds
    # reports through it).
    casefiles = ParentalManyToManyField(
        "impacts.CaseFilePage", verbose_name=_("case files"), blank=True, related_name="reports"
    )
    systems = ParentalManyToManyField(
        "registry.SystemPage", verbose_name=_("AI systems"), blank=True, related_name="reports"
    )
    briefs = ParentalManyToManyField(
        "advocacy.AdvocacyBriefPage", verbose_name=_("briefs"), blank=True, related_name="reports"
    )
    agreements = ParentalManyToManyField(
        "advocacy.CollaborationAgreementPage",
        verbose_name=_("collaboration agreements"),
        blank=True,
        related_name="reports",
    )

    content_panels = [
        FieldPanel("title"),
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        MultiFieldPanel(
            [
                FieldPanel("dialogues"),
                FieldPanel("outside_consultation"),
                FieldPanel("outside_consultation_url"),
                FieldPanel("addressed_to"),
                FieldPanel("services"),
                FieldPanel("regions"),
            ],
            heading=_("What it reports on"),
        ),
        MultiFieldPanel(
            [FieldPanel("commissioned_by"), FieldPanel("decided_by"), FieldPanel("could_change")],
            heading=_("Mandate"),
        ),
        FieldPanel("method"),
        MultiFieldPanel(
            [FieldPanel("participants"), FieldPanel("organizations_present"), FieldPanel("missing")],
            heading=_("Participation"),
        ),
        FieldPanel("themes"),
        InlinePanel("recommendations", heading=_("Recommendations"), label=_("Recommendation")),
        InlinePanel(
            "commitments",
            heading=_("Commitments"),
            label=_("Commitment"),
            panels=[*Commitment.panels, FieldPanel("recommendation")],
        ),
        FieldPanel("next_review_date"),
        MultiFieldPanel(
            [FieldPanel("casefiles"), FieldPanel("systems"), FieldPanel("briefs"), FieldPanel("agreements")],
            heading=_("Linked items"),
        ),
        *ItemPage.change_panels,
    ]
    search_fields = ItemPage.search_fields + [
        index.SearchField("decided_by"),
        index.SearchField("could_change"),
        index.SearchField("method"),
        index.SearchField("missing"),
        index.SearchField("outside_consultation"),
        index.RelatedFields(
            "recommendations", [index.SearchField("text"), index.SearchField("response_reasons")]
        ),
        index.FilterField("next_review_date"),
    ]
    # Texts are translated; numbers, dates, choices and links are the same in every language.
    translatable_fields = ItemPage.item_translatable_fields + [
        SynchronizedField("addressed_to"),
        SynchronizedField("dialogues"),
        TranslatableField("outside_consultation"),
        SynchronizedField("outside_consultation_url"),
        SynchronizedField("commissioned_by"),
        TranslatableField("decided_by"),
        TranslatableField("could_change"),
        TranslatableField("method"),
        SynchronizedField("participants"),
        SynchronizedField("organizations_present"),
        TranslatableField("missing"),
        TranslatableField("themes"),
        TranslatableField("recommendations"),
        TranslatableField("commitments"),
        SynchronizedField("next_review_date"),
        SynchronizedField("casefiles"),
        SynchronizedField("systems"),
        SynchronizedField("briefs"),
        SynchronizedField("agreements"),
    ]

    parent_page_types = ["followup.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation report")
        verbose_name_plural = _("consultation reports")

    base_form_class = ReportPageForm

    def serializable_data(self):
        """Its new recommendations get their numbers before any revision holds them, like its
        commitments (``HasCommitments.serializable_data``)."""
        number_parts(self, "recommendations")
        return super().serializable_data()

    def clean(self):
        """What every road checks (the admin form says it first, field by field:
        ``followup.forms.ReportPageForm``), on the report as held in memory."""
        super().clean()
        errors = {}
        if not self.outside_consultation.strip() and not self.dialogues.all():
            errors["outside_consultation"] = _(
                "Say what this report is about: choose its dialogues, or name the consultation held elsewhere."
            )
        if self.outside_consultation_url and not self.outside_consultation.strip():
            errors["outside_consultation"] = _("Name the consultation this address leads to.")
        if self.participants is not None and self.participants > MAX_PARTICIPANTS:
            errors["participants"] = _("Count the people who took part, at most 100,000.")
        for recommendation in self.recommendations.all():
            for message in recommendation.response_problems(self.addressed_to_id).values():
                errors.setdefault("__all__", []).append(
                    _("Recommendation “%(text)s”: %(problem)s") % {"text": recommendation, "problem": message}
                )
        unknown = self.unknown_recommendation_numbers()
        if unknown:
            errors.setdefault("__all__", []).append(
                _("A commitment follows from a recommendation this report does not have: n° %(numbers)s.")
                % {"numbers": ", ".join(str(number) for number in sorted(unknown))}
            )
        if errors:
            raise ValidationError(errors)

    def unknown_recommendation_numbers(self):
        """The recommendation numbers its commitments name that none of its recommendations has
        (its new recommendations numbered first, as a revision will number them)."""
        number_parts(self, "recommendations")
        numbers = {recommendation.number for recommendation in self.recommendations.all()}
        named = {
            commitment.recommendation for commitment in self.commitments.all() if commitment.recommendation
        }
        return named - numbers
