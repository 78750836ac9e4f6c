"""A consultation report's recommendation and the public body's official response to it.

Like a commitment, a recommendation is a part of its report with a number given once, the same in
every language and never reused (``followup.numbering``), so ``<report id>-R<n>`` is its public id
and citations name it. The response is the body's own words, dated and attributed, never the
hub's: blank while awaited."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import ItemPart, Organization

from ..numbering import next_number

# The response facet's value of a recommendation still waiting for its response.
AWAITING = "awaiting"
NAME_THE_BODY = _("Name the body that responded, or the body the report is addressed to.")


class RecommendationResponse(models.TextChoices):
    """The public body's official response to a recommendation."""

    ACCEPTED = "accepted", pgettext_lazy("response to a recommendation", "Accepted")
    PARTLY_ACCEPTED = "partly-accepted", pgettext_lazy("response to a recommendation", "Partly accepted")
    REJECTED = "rejected", pgettext_lazy("response to a recommendation", "Rejected")
    UNDER_STUDY = "under-study", pgettext_lazy("response to a recommendation", "Under study")


def response_choices():
    """Every value of the response facet, awaiting included, labelled in the active language."""
    return [
        *RecommendationResponse.choices,
        (AWAITING, pgettext_lazy("response to a recommendation", "Awaiting a response")),
    ]


class Recommendation(ItemPart, TranslatableMixin, Orderable):
    page = ParentalKey("followup.ReportPage", on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(
        _("recommendation"), help_text=_("What the people consulted ask for, in plain words.")
    )
    response = models.CharField(
        _("official response"),
        max_length=20,
        blank=True,
        choices=RecommendationResponse.choices,
        help_text=_("The public body's response; leave empty while it is awaited."),
    )
    response_reasons = models.TextField(
        _("reasons given"),
        blank=True,
        help_text=_("The reasons the body gave for its response, in its words."),
    )
    response_date = models.DateField(_("date of the response"), null=True, blank=True)
    responding_body = models.ForeignKey(
        Organization,
        verbose_name=_("responding body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: the body the report is addressed to."),
    )
    # Given once, the next of its report on the first save (``followup.numbering``), never reused.
    number = models.PositiveIntegerField(_("number"), editable=False)

    panels = [
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("response"), FieldPanel("response_date")]),
                FieldPanel("responding_body"),
                FieldPanel("response_reasons"),
            ],
            heading=_("Official response of the public body"),
        ),
    ]
    translatable_fields = [
        TranslatableField("text"),
        SynchronizedField("response"),
        TranslatableField("response_reasons"),
        SynchronizedField("response_date"),
        SynchronizedField("responding_body"),
        SynchronizedField("number"),
    ]

    label = _("Recommendation")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="followup_recommendation_number_per_page")
        ]

    def __str__(self):
        return f"R{self.number}" if self.number else Truncator(self.text).words(8)

    def save(self, *args, **kwargs):
        if self.number is None:
            self.number = next_number(self.page, "recommendations")
        super().save(*args, **kwargs)

    # --- what an editor may write ---

    def response_problems(self, addressed_to_id):
        """``{field: message}``: why this response may not be published as it is, given the body
        the report is addressed to (``addressed_to_id``, which answers when no body is named)."""
        problems = self.own_problems()
        if self.response and not self.responding_body_id and not addressed_to_id:
            problems.setdefault("responding_body", NAME_THE_BODY)
        return problems

    def own_problems(self):
        """What is wrong whatever its report says: a response without its date, a date to come,
        reasons or a date without a response."""
        problems = {}
        if self.response and not self.response_date:
            problems["response_date"] = _("Give the date of the official response.")
        if not self.response and (self.response_reasons.strip() or self.response_date):
            problems["response"] = _("Say what the response is, or leave its reasons and date empty.")
        if self.response_date and self.response_date > timezone.localdate():
            problems["response_date"] = _("A response already given: its date cannot be in the future.")
        return problems

    def clean(self):
        """Its own rules; the report checks who responded (``ReportPage.clean``), since an inline
        form does not know the report's new values."""
        super().clean()
        problems = self.own_problems()
        if problems:
            raise ValidationError(problems)

    # --- what a reader sees ---

    @property
    def response_key(self):
        """The response facet's value: the response, or "awaiting"."""
        return self.response or AWAITING

    def get_response_key_display(self):
        return dict(response_choices())[self.response_key]

    @cached_property
    def answering_body(self):
        """Who responded: the body named, else the one the report is addressed to."""
        return self.responding_body or self.item.addressed_to

    # --- a part of its report, with an id of its own (``hub.models.ItemPart``) ---

    @cached_property
    def item(self):
        return self.page

    @property
    def suffix(self):
        return f"R{self.number}"

    @property
    def url(self):
        return f"{self.item.url}#recommendation-{self.number}"

    def url_in(self, language_code):
        """Its place on the version of its report in ``language_code`` when that version is public
        and has it, else on the version it belongs to."""
        item = self.item
        if item.content_language != language_code:
            translation = item.get_translation_in(language_code)
            if translation is not None and translation.recommendations.filter(number=self.number).exists():
                return f"{translation.url}#recommendation-{self.number}"
            return f"{item.url_in(language_code)}#recommendation-{self.number}"
        return self.url

    def citation_title(self):
        return Truncator(" ".join(self.text.split())).words(25)

    def citation_heading(self):
        return _("Cite this recommendation")
