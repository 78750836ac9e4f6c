"""The register's fields as columns, shared by an entry's community record and the
organization's declared record (``registry.record`` lists them)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import Organization

from ..blocks import AssessmentsBlock, RisksBlock
from ..record import FIELDS, GROUPS

MONTH = RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("A month is written YYYY-MM, for example 2024-03."))


class Lifecycle(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_DEVELOPMENT = "in-development", _("In development")
    PILOT = "pilot", _("Pilot")
    IN_USE = "in-use", _("In use")
    SUSPENDED = "suspended", _("Suspended")
    RETIRED = "retired", _("Retired")


class Automation(models.TextChoices):
    FULLY = "fully-automated", _("Fully automated: the system decides")
    PARTLY = "partly-automated", _("Partly automated: a person decides with the system's output")
    ADVISORY = "advisory", _("Advisory: the system informs people who decide")


class Technique(models.TextChoices):
    RULE_BASED = "rule-based", _("Rule-based")
    MACHINE_LEARNING = "machine-learning", _("Machine learning")
    GENERATIVE = "generative", _("Generative AI")
    OTHER = "other", _("Other")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class RegisterRecord(models.Model):
    """Every field of the register. Empty means nobody has documented it yet; what the
    organization has not made public is said by the declared record's ``not_disclosed``."""

    accountable_role = models.CharField(
        _("accountable role"),
        max_length=255,
        blank=True,
        help_text=_("The position answerable for the system, for example: director of income support."),
    )
    contact = models.CharField(
        _("public contact"),
        max_length=255,
        blank=True,
        help_text=_("An e-mail address, a telephone or a form."),
    )
    public_page_url = models.URLField(_("public page"), blank=True)
    lifecycle_status = models.CharField(
        _("lifecycle status"), max_length=20, choices=Lifecycle.choices, blank=True
    )
    start_month = models.CharField(_("in use since (month)"), max_length=7, blank=True, validators=[MONTH])
    end_month = models.CharField(_("in use until (month)"), max_length=7, blank=True, validators=[MONTH])
    purpose = models.TextField(_("purpose and expected benefits"), blank=True)
    alternatives = models.TextField(_("alternatives considered"), blank=True)
    decision_role = models.TextField(
        _("what the system decides or helps decide"),
        blank=True,
        help_text=_("For example: ranks applications, flags files for review, answers questions."),
    )
    automation = models.CharField(
        _("human involvement"), max_length=20, choices=Automation.choices, blank=True
    )
    human_override = models.TextField(_("who can override it"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    recourse = models.TextField(_("appeal and recourse"), blank=True)
    data_sources = models.TextField(_("data used"), blank=True)
    personal_data = models.CharField(
        _("personal information used"), max_length=3, choices=YesNo.choices, blank=True
    )
    training_data = models.TextField(_("training data"), blank=True)
    technique = models.CharField(_("technique"), max_length=20, choices=Technique.choices, blank=True)
    vendors = ParentalManyToManyField(
        Organization, verbose_name=_("vendors"), blank=True, related_name="%(app_label)s_%(class)s_vendored"
    )
    source_code_url = models.URLField(_("source code"), blank=True)
    impact_assessments = StreamField(AssessmentsBlock(), verbose_name=_("impact assessments"), blank=True)
    risks_mitigations = StreamField(RisksBlock(), verbose_name=_("risks and mitigations"), blank=True)
    monitoring = models.TextField(_("monitoring and performance"), blank=True)
    consultation_held = models.CharField(
        _("consultation of the people affected"), max_length=3, choices=YesNo.choices, blank=True
    )
    consultation_url = models.URLField(_("consultation report"), blank=True)

    class Meta:
        abstract = True

    @classmethod
    def record_panels(cls):
        """The fields in the standards' groups, one panel per group."""
        return [
            MultiFieldPanel(
                [
                    FieldPanel(register_field.key)
                    for register_field in FIELDS
                    if register_field.group == group
                ],
                heading=heading,
            )
            for group, heading in GROUPS.items()
        ]

    @classmethod
    def record_translatable_fields(cls):
        """Words are translated; choices, months, links and organizations are the same in every language."""
        translated_kinds = ("text", "assessments", "risks")
        return [
            TranslatableField(register_field.key)
            if register_field.kind in translated_kinds
            else SynchronizedField(register_field.key)
            for register_field in FIELDS
        ]
