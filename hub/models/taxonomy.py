"""The vocabularies every item shares (services, regions, risks, impact levels) and the
organizations items name."""

import threading

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.signals import request_finished, request_started
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, models.Model):
    """A term with a stable ``key`` shared by all its translations and a translated label.

    Facets, URLs, CSV files and the API speak in keys; labels are looked up per language.
    """

    key = models.SlugField(
        _("key"), max_length=80, help_text=_("Stable identifier, the same in every language.")
    )
    label = models.CharField(_("label"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("key"), FieldPanel("label"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("key"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "label"]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget_labels(type(self))

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        forget_labels(type(self))
        return result

    def clean(self):
        super().clean()
        others = type(self).objects.filter(key=self.key, locale_id=self.locale_id).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"key": _("Another term already uses this key.")})
        if (
            self.translation_key
            and type(self)
            .objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .exclude(key=self.key)
            .exists()
        ):
            raise ValidationError({"key": _("A translation must keep the key of its source term.")})


def labels_cache_key(model):
    return f"hub:taxonomy-labels:{model._meta.label_lower}"


# While a request runs, the labels it looked up, ``{(model, language): {key: label}}``: a list of
# 20 cards asks for them 40 times. Started and dropped with each request; None outside one.
_request_labels = threading.local()


def _start_request(**kwargs):
    _request_labels.tables = {}


def _end_request(**kwargs):
    _request_labels.tables = None


request_started.connect(_start_request, dispatch_uid="hub-taxonomy-labels-start")
request_finished.connect(_end_request, dispatch_uid="hub-taxonomy-labels-end")


def forget_labels(model):
    """After a term changes: every process reads its taxonomy's labels again."""
    cache.delete(labels_cache_key(model))
    if getattr(_request_labels, "tables", None):
        _request_labels.tables = {}


def term_labels(model, language_code=None):
    """Return ``{key: label}`` for a taxonomy in one language, in display order, falling back
    to another language's label for a term not translated yet. Read once per request."""
    language_code = (language_code or get_language() or "fr")[:2]
    kept = getattr(_request_labels, "tables", None)
    if kept is not None and (model, language_code) in kept:
        return dict(kept[model, language_code])
    table = cache.get(labels_cache_key(model))
    if table is None:
        table = {}
        rows = model.objects.order_by("sort_order", "key").values_list(
            "key", "locale__language_code", "label"
        )
        for key, language, label in rows:
            table.setdefault(language, {})[key] = label
        cache.set(labels_cache_key(model), table, 3600)
    labels = {}
    for language in sorted(table, key=lambda code: code != "fr"):
        labels.update(table[language])
    labels.update(table.get(language_code, {}))
    if kept is not None:
        kept[model, language_code] = labels
    return dict(labels)


class Service(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("public service")
        verbose_name_plural = _("public services")
        unique_together = [("translation_key", "locale"), ("key", "locale")]


class Region(TaxonomyTerm):
    code = models.CharField(
        _("official code"), max_length=2, blank=True, help_text=_("Québec administrative region code, 01–17.")
    )

    panels = TaxonomyTerm.panels + [FieldPanel("code")]
    translatable_fields = TaxonomyTerm.translatable_fields + [SynchronizedField("code")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        unique_together = [("translation_key", "locale"), ("key", "locale")]


class Risk(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        unique_together = [("translation_key", "locale"), ("key", "locale")]


class ImpactLevel(models.IntegerChoices):
    """The four levels of Canada's Directive on Automated Decision-Making; null means not assessed."""

    LEVEL_1 = 1, _("Level I: little to no impact")
    LEVEL_2 = 2, _("Level II: moderate impact")
    LEVEL_3 = 3, _("Level III: high impact")
    LEVEL_4 = 4, _("Level IV: very high impact")


class Organization(TranslatableMixin, models.Model):
    class Kind(models.TextChoices):
        PUBLIC_BODY = "public-body", _("Public body")
        MUNICIPALITY = "municipality", _("Municipality")
        NON_PROFIT = "non-profit", _("Non-profit")
        RESEARCH = "research", _("Research")
        VENDOR = "vendor", _("Vendor")

    key = models.SlugField(_("key"), max_length=120, blank=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PUBLIC_BODY)
    website = models.URLField(_("website"), blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Québec's access law (chapter) names, in each public body, the person responsible for
    # access to documents: the register tells readers whom to write to, when it is known.
    access_officer = models.CharField(
        _("person responsible for access to documents"),
        max_length=255,
        blank=True,
        help_text=_("Their title, and their name or service, as the organization publishes them."),
    )
    access_request_url = models.URLField(
        _("how to file an access request"),
        blank=True,
        help_text=_("The organization's page or form for access-to-information requests."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("region"),
        FieldPanel("access_officer"),
        FieldPanel("access_request_url"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("key"),
        SynchronizedField("kind"),
        SynchronizedField("website"),
        SynchronizedField("region"),
        TranslatableField("access_officer"),
        SynchronizedField("access_request_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("key", "locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = unique_slug(Organization, self.name, locale_id=self.locale_id)
        super().save(*args, **kwargs)


def unique_slug(model, text, field="key", **scope):
    base = slugify(text)[:100] or "item"
    candidate, n = base, 2
    while model.objects.filter(**{field: candidate}, **scope).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate
