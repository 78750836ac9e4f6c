"""The site shell: taxonomies shared by every item, the home and content pages, and the
abstract item page that gives case files, briefs and agreements their stable public ids."""

import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import AbstractGroupApprovalTask, Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import readability
from .blocks import BaseStreamBlock
from .forms import GlossaryTermForm
from .items import PUBLIC_ID_RE, PUBLIC_ID_ROUTE, ItemPageManager, item_types, type_of, type_of_index
from .panels import ReadabilityPanel
from .publication_rules import (
    SUBMITTED_IT,
    PublicationGuardsMixin,
    PublicationRefused,
    ReviewedPermissionTester,
    ReviewedSectionPermissionTester,
    SelfPublicationRefused,
    is_administrator,
)
from .safe_urls import stream_strings, unsafe_links

# --- Taxonomies -----------------------------------------------------------------------------


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
        cache.delete(labels_cache_key(type(self)))

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(labels_cache_key(type(self)))
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


def term_labels(model, language_code=None):
    """Return ``{key: label}`` for a taxonomy in one language, in display order, falling back
    to another language's label for a term not translated yet."""
    language_code = (language_code or get_language() or "fr")[:2]
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
    return labels


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

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("region"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("key"),
        SynchronizedField("kind"),
        SynchronizedField("website"),
        SynchronizedField("region"),
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


# --- Glossary -------------------------------------------------------------------------------


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


# --- Stable public ids ----------------------------------------------------------------------


class PublicIdSequence(models.Model):
    """The last number handed out per prefix and year, so an id is never given twice,
    even after its page is deleted."""

    prefix = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("prefix", "year")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"

    @classmethod
    def next_id(cls, prefix, year=None):
        year = year or timezone.localdate().year
        with transaction.atomic():
            cls.objects.get_or_create(prefix=prefix, year=year)
            sequence = cls.objects.select_for_update().get(prefix=prefix, year=year)
            sequence.last_number += 1
            sequence.save(update_fields=["last_number"])
        return f"{prefix}-{year}-{sequence.last_number:04d}"

    @classmethod
    def reserve(cls, public_id):
        """Record an id given from outside (an import) so the sequence never hands it out again."""
        match = PUBLIC_ID_RE.match(public_id)
        if not match:
            raise ValueError(f"not a public id: {public_id}")
        with transaction.atomic():
            sequence, _created = cls.objects.select_for_update().get_or_create(
                prefix=match["prefix"], year=int(match["year"])
            )
            if sequence.last_number < int(match["number"]):
                sequence.last_number = int(match["number"])
                sequence.save(update_fields=["last_number"])


# --- Pages ----------------------------------------------------------------------------------


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    plain_intro = models.TextField(
        _("plain-language introduction"), blank=True, help_text=_("Short sentences, everyday words.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("plain_intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("plain_intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "impacts.CaseFileIndexPage",
        "advocacy.AdvocacyBriefIndexPage",
        "advocacy.CollaborationAgreementIndexPage",
        "hub.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        indexes = {type(section): section for section in context["sections"]}
        context["latest"] = [
            {
                "type": item_type,
                "items": item_type.model.objects.public()
                .in_language(self.locale)
                .order_by("-first_published_at")[: item_type.home_latest],
                "index": indexes.get(item_type.index),
            }
            for item_type in item_types()
        ]
        return context


class ValidatedStreamsMixin:
    """For pages whose StreamFields must hold only valid blocks and safe links at the model."""

    def clean_streams(self):
        """Validate every StreamField whatever road its content took (the editor's form does it
        for its own fields; translation overrides and imports do not), and refuse links a reader
        cannot safely follow, rich text included."""
        errors = {}
        for field in self._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            value = getattr(self, field.name)
            try:
                field.stream_block.clean(value)
            except ValidationError as error:
                errors[field.name] = error
                continue
            # The prepared value, not ``raw_data``: wagtail-localize writes translations into the
            # blocks, and ``raw_data`` would still show the source's links.
            prepared = field.stream_block.get_prep_value(value)
            unsafe = [url for text in stream_strings(prepared) for url in unsafe_links(text)]
            if unsafe:
                errors[field.name] = ValidationError(
                    _("Links must use http, https or mailto: %(links)s") % {"links": ", ".join(unsafe)}
                )
        if errors:
            raise ValidationError(errors)


class StandardPage(ValidatedStreamsMixin, Page):
    """A plain content page: about, methodology, how to contribute."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = ["hub.StandardPage"]

    def clean(self):
        super().clean()
        self.clean_streams()

    class Meta:
        verbose_name = _("standard page")


class ItemIndexPage(RoutablePageMixin, Page):
    """Lists the items of one type in the visitor's language and serves, under
    ``<index>/<public id>/``, items that have no translation in this index's language yet."""

    items_per_page = 20

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
    ]
    parent_page_types = ["hub.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def item_model(cls):
        return type_of_index(cls).model

    def get_items(self):
        return (
            self.item_model().objects.public().in_language(self.locale).order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_items(), self.items_per_page)
        context["items"] = paginator.get_page(request.GET.get("page"))
        return context

    def permissions_for_user(self, user):
        return ReviewedSectionPermissionTester(user, self)

    def item_url(self, item):
        """Where this index shows ``item``: its own page, or the fallback route of this index."""
        if item.locale_id == self.locale_id:
            return item.url
        return self.url + self.reverse_subpage("untranslated_item", kwargs={"public_id": item.public_id})

    @re_path(rf"^(?P<public_id>{PUBLIC_ID_ROUTE})/$", name="untranslated_item")
    def untranslated_item(self, request, public_id):
        versions = self.item_model().objects.public().filter(public_id=public_id)
        translated = versions.filter(locale=self.locale).first()
        if translated:
            return redirect(translated.url)
        original = versions.order_by("pk").first()
        if original is None:
            raise Http404
        return original.serve(request, interface_index=self)


def publication_log(page_ids):
    """``{page id: [(published at, public change note)]}``, oldest first: the publications of
    these pages in Wagtail's log, with the note of each published revision, in one query."""
    from wagtail.models import PageLogEntry

    log = {page_id: [] for page_id in page_ids}
    rows = (
        PageLogEntry.objects.filter(page_id__in=list(log), action="wagtail.publish")
        .order_by("page_id", "timestamp", "pk")
        .values_list("page_id", "timestamp", "revision__content__change_note")
    )
    for page_id, timestamp, note in rows:
        log[page_id].append((timestamp, note))
    return log


def with_new_notes(publications):
    """``publications`` (``[(published at, note)]``, oldest first) with each note kept only where
    it is new: a note equal to the previous one was carried over, not written for that version."""
    previous = ""
    for published_at, note in publications:
        note = (note or "").strip()
        yield published_at, (note if note != previous else "")
        previous = note or previous


class ItemPermissionTester(ReviewedPermissionTester):
    """Items are unpublished, not deleted, by everyone but administrators: a public id stays
    citable and a deletion cannot be undone (moving needs the same right)."""

    def can_delete(self, ignore_bulk=False):
        return self.user.is_active and self.user.is_superuser


class ItemPage(PublicationGuardsMixin, ValidatedStreamsMixin, Page):
    """Fields and behaviour every public item shares: a stable public id, summaries for every
    reader, and the taxonomies that make it findable."""

    objects = ItemPageManager()

    public_id = models.CharField(
        _("public id"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("Assigned once when the item is created; never changes, never reused."),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for a hurried reader."))
    plain_summary = models.TextField(
        _("plain-language summary"),
        help_text=_("Short sentences and everyday words, for people who read with difficulty."),
    )
    plain_summary_score = models.FloatField(
        _("plain-language summary reading ease"), null=True, blank=True, editable=False
    )
    plain_summary_level = models.CharField(
        _("plain-language summary level"),
        max_length=20,
        blank=True,
        editable=False,
        choices=readability.LEVEL_CHOICES,
    )
    services = ParentalManyToManyField(
        Service, verbose_name=_("public services"), related_name="%(class)s_pages"
    )
    regions = ParentalManyToManyField(Region, verbose_name=_("regions"), related_name="%(class)s_pages")
    change_note = models.CharField(
        _("public change note"),
        max_length=300,
        blank=True,
        help_text=_(
            "What changed in this version, in plain words. Shown publicly with the publication date; "
            "a note already published is not repeated. Never put reviewer comments here."
        ),
    )

    change_panels = [FieldPanel("change_note")]
    summary_panels = [
        FieldPanel("public_id", read_only=True),
        FieldPanel("summary"),
        FieldPanel("plain_summary"),
        ReadabilityPanel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("public_id", boost=5),
        index.SearchField("summary", boost=2),
        index.SearchField("plain_summary"),
        index.FilterField("public_id"),
        index.FilterField("locale_id"),
    ]
    item_api_fields = [
        APIField("public_id"),
        APIField("summary"),
        APIField("plain_summary"),
        APIField("service_keys"),
        APIField("region_keys"),
        APIField("content_language"),
    ]
    item_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("public_id"),
        TranslatableField("summary"),
        TranslatableField("plain_summary"),
        SynchronizedField("services"),
        SynchronizedField("regions"),
        TranslatableField("change_note"),
    ]

    # Copying (admin view, admin API, ``page.copy()``, copying for translation) leaves the id
    # out of the copy and of every revision it carries, so ``assign_public_id`` decides it.
    exclude_fields_in_copy = ["public_id"]

    class Meta:
        abstract = True

    @classproperty
    def item_type(cls):
        """This page class's entry in the item-type registry (``hub.items``)."""
        return type_of(cls)

    @classproperty
    def id_prefix(cls):
        return cls.item_type.prefix

    def full_clean(self, *args, **kwargs):
        self.assign_public_id()
        self.update_readability()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.assign_public_id()
        self.update_readability()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "plain_summary" in update_fields:
            kwargs["update_fields"] = {*update_fields, "plain_summary_score", "plain_summary_level"}
        super().save(*args, **kwargs)

    @property
    def readability(self):
        """The plain-language summary assessed in the page's own language (advice included)."""
        locale = self.locale if self.locale_id else self.get_default_locale()
        return readability.assess(self.plain_summary, locale.language_code)

    def update_readability(self):
        """Store the summary's score in the page's own language. ``save_revision`` calls
        ``full_clean`` before it serialises the page, so drafts and reviewed revisions carry it;
        a translation is saved in its own locale, so it gets a score of its own."""
        result = self.readability
        self.plain_summary_score = result.score
        self.plain_summary_level = result.level

    def assign_public_id(self):
        """Give the item its id once. A translation shares its source's translation key, so it
        takes the id of its group; a new page under a new key (a copy, which arrives without an
        id or holding its source's) gets an id of its own."""
        if self.public_id and (self.pk or not self.public_id_taken()):
            return
        self.public_id = self.translation_group_public_id() or PublicIdSequence.next_id(self.id_prefix)

    def translation_group_public_id(self):
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .exclude(public_id="")
            .values_list("public_id", flat=True)
            .first()
        )

    def public_id_taken(self):
        return (
            type(self)
            .objects.filter(public_id=self.public_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )

    def clean(self):
        super().clean()
        self.clean_streams()
        if not PUBLIC_ID_RE.match(self.public_id) or not self.public_id.startswith(self.id_prefix + "-"):
            raise ValidationError({"public_id": _("Not a valid id for this kind of item.")})
        clash = (
            type(self).objects.filter(public_id=self.public_id, locale_id=self.locale_id).exclude(pk=self.pk)
        )
        if clash.exists():
            raise ValidationError({"public_id": _("Another item in this language already has this id.")})
        if (
            self.translation_key
            and type(self)
            .objects.filter(public_id=self.public_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        ):
            raise ValidationError({"public_id": _("This id belongs to another item.")})

    @property
    def service_keys(self):
        return sorted(term.key for term in self.services.all())

    @property
    def region_keys(self):
        return sorted(term.key for term in self.regions.all())

    @cached_property
    def content_language(self):
        return self.locale.language_code

    def get_context(self, request, *args, interface_index=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["interface_index"] = interface_index
        context["content_language"] = self.content_language
        return context

    def public_history(self):
        """``[(published_at, note)]``, newest first: the dates this page's versions went live and
        the public note each brought (a note is not repeated; a second publication the same day
        without a new note adds nothing). Read from the publication log and the published
        revisions' ``change_note`` only, so draft content and reviewer comments never show."""
        history = []
        for published_at, note in with_new_notes(publication_log([self.pk])[self.pk]):
            same_day = history and timezone.localdate(history[-1][0]) == timezone.localdate(published_at)
            if same_day and not note:
                continue
            history.append((published_at, note))
        return history[::-1]

    def permissions_for_user(self, user):
        return ItemPermissionTester(user, self)

    def get_translation_in(self, language_code):
        """The live translation of this item in ``language_code``, or None."""
        return (
            type(self)
            .objects.public()
            .filter(translation_key=self.translation_key, locale__language_code=language_code)
            .first()
        )

    def index_for(self, language_code):
        """The index page of this item type in ``language_code`` (its fallback route lives there)."""
        parent = self.get_parent().specific
        return (
            type(parent)
            .objects.live()
            .filter(translation_key=parent.translation_key, locale__language_code=language_code)
            .first()
        )

    def url_in(self, language_code):
        """Where a visitor using ``language_code`` reads this item."""
        if self.content_language == language_code:
            return self.url
        translation = self.get_translation_in(language_code)
        if translation:
            return translation.url
        index_page = self.index_for(language_code)
        return index_page.item_url(self) if index_page else self.url


def ensure_locales():
    """The hub's two content locales, in the order the interface lists them."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "en")]


class DemoMarker(models.Model):
    """Present once ``load_demo`` has run: every public page then says the content is fictional."""

    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("demo marker")

    def __str__(self):
        return f"Demo loaded {self.loaded_at:%Y-%m-%d %H:%M}"


# --- Roles and review -----------------------------------------------------------------------


class PartnerMembership(models.Model):
    """The one organization a municipal partner account acts for: it may edit and publish only
    the collaboration agreements to which that organization is a party."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="partner_membership",
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="partner_members"
    )

    panels = [FieldPanel("user"), FieldPanel("organization")]

    class Meta:
        verbose_name = _("partner membership")
        verbose_name_plural = _("partner memberships")

    def __str__(self):
        return f"{self.user} → {self.organization}"


def partner_organization_key(user):
    """The translation key of the organization a partner account acts for, or None."""
    membership = PartnerMembership.objects.filter(user_id=user.pk).select_related("organization").first()
    return membership.organization.translation_key if membership else None


class CommunityReviewTask(AbstractGroupApprovalTask):
    """A reviewer group's approval, by a second person: whoever submitted the item cannot approve
    it (administrators excepted), and a reviewer must give a comment to request changes."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if self.may_approve(obj.current_workflow_state, user):
            return actions
        return [action for action in actions if action[0] != "approve"]

    @staticmethod
    def may_approve(workflow_state, user):
        return is_administrator(user) or workflow_state is None or workflow_state.requested_by_id != user.pk

    def on_action(self, task_state, user, action_name, **kwargs):
        """Checked here too, not only in the actions offered: a script or a crafted request calls
        this directly. Approving publishes, so the version's testimonies are checked first,
        before the task is marked approved."""
        if action_name == "approve":
            workflow_state = task_state.workflow_state
            if not self.may_approve(workflow_state, user):
                raise SelfPublicationRefused(SUBMITTED_IT)
            version = workflow_state.content_object.get_latest_revision_as_object()
            problems = getattr(version, "publication_problems", list)()
            if problems:
                raise PublicationRefused(problems)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_form_for_action(self, action):
        from .forms import ReviewCommentForm

        if action == "reject":
            return ReviewCommentForm
        return super().get_form_for_action(action)

    @classmethod
    def get_description(cls):
        return _(
            "A member of the chosen groups, other than the person who submitted, approves or requests changes."
        )

    class Meta:
        verbose_name = _("community review task")
        verbose_name_plural = _("community review tasks")
