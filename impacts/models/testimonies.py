"""Testimonies: a person's words with the consent that lets them be shown, and their place on
case files."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable


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

    page = ParentalKey("impacts.CaseFilePage", on_delete=models.CASCADE, related_name="testimony_links")
    testimony = models.ForeignKey(
        Testimony, verbose_name=_("testimony"), on_delete=models.PROTECT, related_name="casefile_links"
    )

    panels = [FieldPanel("testimony")]

    class Meta(Orderable.Meta):
        verbose_name = _("testimony on a case file")
