"""The glossary of AI terms: plain definitions, linked from the pages that use them."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..forms import GlossaryTermForm
from .taxonomy import unique_slug


class GlossaryTerm(TranslatableMixin, ClusterableModel):
    """A word of the AI glossary explained in plain language, linked from case files.

    The ``slug`` is the definition's anchor on the glossary page and is the same in every
    language, so a link survives translation. wagtail-localize cannot translate many-to-many
    relations: ``related_terms`` is synchronized (a translation points at the source's terms)
    and resolved to the reader's language by translation key when the glossary is shown."""

    term = models.CharField(_("term"), max_length=100)
    slug = models.SlugField(
        _("anchor"),
        max_length=120,
        blank=True,
        help_text=_(
            "The end of the definition's address on the glossary page, the same in every language. "
            "Made from the term when left empty."
        ),
    )
    other_forms = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_(
            "Other ways to write the term that should also link to it, one per line: plurals, "
            "acronyms (for example IA)."
        ),
    )
    definition = models.TextField(
        _("plain definition"),
        max_length=400,
        help_text=_("One or two short sentences in everyday words."),
    )
    example = models.TextField(
        _("example"), blank=True, max_length=600, help_text=_("A concrete case from public services.")
    )
    related_terms = ParentalManyToManyField(
        "self", verbose_name=_("related terms"), blank=True, symmetrical=False, related_name="+"
    )
    last_updated = models.DateTimeField(_("last updated"), auto_now=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("example"),
        FieldPanel("other_forms"),
        FieldPanel("related_terms", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = GlossaryTermForm
    translatable_fields = [
        TranslatableField("term"),
        SynchronizedField("slug"),
        TranslatableField("other_forms"),
        TranslatableField("definition"),
        TranslatableField("example"),
        SynchronizedField("related_terms"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(GlossaryTerm, self.term, field="slug", locale_id=self.locale_id)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug:
            return
        if GlossaryTerm.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Another term already uses this anchor.")})
        if (
            self.translation_key
            and GlossaryTerm.objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .exclude(slug=self.slug)
            .exists()
        ):
            raise ValidationError({"slug": _("A translation must keep the anchor of its source term.")})

    @property
    def forms(self):
        return term_forms(self.term, self.other_forms)


def term_forms(term, other_forms):
    """A glossary term and its other forms (one per line or comma-separated), each once, in the
    order written, spaces collapsed."""
    candidates = [term, *re.split(r"[\n,]", other_forms or "")]
    return list(dict.fromkeys(" ".join(form.split()) for form in candidates if form.strip()))
