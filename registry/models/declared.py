"""What an organization has itself made public about one of its AI systems: the declared record,
with the document it comes from. Kept apart from the community's record so that a partner of the
organization writes this and nothing else (``registry.permissions``)."""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..record import FIELD_KEYS, FIELDS, has_value
from .entries import SystemPage
from .fields import RegisterRecord


def withheld_choices():
    return [
        (register_field.key, RegisterRecord._meta.get_field(register_field.key).verbose_name)
        for register_field in FIELDS
    ]


class DeclaredRecordForm(WagtailAdminModelForm):
    not_disclosed = forms.MultipleChoiceField(
        label=_("Not disclosed by the organization"),
        choices=withheld_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick what the organization has not made public. Left unticked and empty, a field reads "
            "“not documented yet”."
        ),
    )


class DeclaredRecord(TranslatableMixin, DraftStateMixin, RevisionMixin, ClusterableModel, RegisterRecord):
    system = models.ForeignKey(
        SystemPage, verbose_name=_("AI system"), on_delete=models.CASCADE, related_name="declared_records"
    )
    source_title = models.CharField(
        _("source document"),
        max_length=255,
        help_text=_("The organization's document this record comes from."),
    )
    source_url = models.URLField(_("source document address"), blank=True)
    source_date = models.DateField(_("date of the source document"))
    not_disclosed = models.JSONField(_("not disclosed"), default=list, blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="declaredrecord")

    base_form_class = DeclaredRecordForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("system"),
                FieldPanel("source_title"),
                FieldPanel("source_url"),
                FieldPanel("source_date"),
            ],
            heading=_("System and source"),
        ),
        FieldPanel("not_disclosed"),
        *RegisterRecord.record_panels(),
    ]
    translatable_fields = [
        SynchronizedField("system"),
        TranslatableField("source_title"),
        SynchronizedField("source_url"),
        SynchronizedField("source_date"),
        SynchronizedField("not_disclosed"),
        *RegisterRecord.record_translatable_fields(),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("declared record")
        verbose_name_plural = _("declared records")

    def __str__(self):
        return str(self.system.title) if self.system_id else str(_("declared record"))

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        unknown = [key for key in self.not_disclosed or () if key not in FIELD_KEYS]
        if unknown:
            raise ValidationError({"not_disclosed": _("Unknown fields: %s.") % ", ".join(unknown)})
        contradicted = [
            str(RegisterRecord._meta.get_field(key).verbose_name)
            for key in self.not_disclosed or ()
            if has_value(self, key)
        ]
        if contradicted:
            raise ValidationError(
                {"not_disclosed": _("Marked not disclosed but given a value: %s.") % ", ".join(contradicted)}
            )
        if self.system_id:
            others = (
                type(self)
                .objects.filter(system__translation_key=self.system.translation_key, locale_id=self.locale_id)
                .exclude(translation_key=self.translation_key)
            )
            if others.exists():
                raise ValidationError(
                    {"system": _("This system already has a declared record in this language.")}
                )

    def organization_key(self):
        """The translation key of the organization whose system this is (partners act for one)."""
        organization = self.system.organization if self.system_id else None
        return organization.translation_key if organization else None
