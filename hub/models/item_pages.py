"""The abstract item and item index pages that give every item type its stable public id,
summaries, taxonomies, history and addresses in every language."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.models import Page, PageLogEntry
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import readability
from ..items import PUBLIC_ID_RE, PUBLIC_ID_ROUTE, ItemPageManager, type_of, type_of_index
from ..listings import Listing
from ..panels import ReadabilityPanel
from ..publication_rules import (
    PublicationGuardsMixin,
    ReviewedPermissionTester,
    ReviewedSectionPermissionTester,
)
from ..stream_text import searchable_content
from .pages import ValidatedStreamsMixin
from .public_ids import PublicIdSequence
from .taxonomy import Region, Service


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
        context = super().get_context(request, *args, **kwargs)
        listing = Listing(self.get_items(), f"{self._meta.label_lower}:{self.locale_id}")
        paginator = Paginator(listing, self.items_per_page)
        context["items"] = paginator.get_page(request.GET.get("page"))
        # The list's markup is kept per page number (``hub.fragments``) unless the address holds
        # more than the page number: the pagination links repeat the rest of the query.
        context["kept_page_number"] = context["items"].number if set(request.GET) <= {"page"} else None
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
        # Every version in one query found by its public id: asked for "the one in this locale,
        # in tree order", SQLite walked the locale's pages instead (30-70 ms at 100,000 items).
        versions = list(self.item_model().objects.public().filter(public_id=public_id).order_by("pk"))
        translated = next((version for version in versions if version.locale_id == self.locale_id), None)
        if translated:
            return redirect(translated.url)
        if not versions:
            raise Http404
        return versions[0].serve(request, interface_index=self)


def publication_log(page_ids):
    """``{page id: [(published at, public change note)]}``, oldest first: the publications of
    these pages in Wagtail's log, with the note of each published revision, in one query."""
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


class ItemPart:
    """A part of an item with a public id of its own, ``<item id>-<suffix>``, a page of its own
    and a citation of its own (a commitment of an agreement: ``AC-2026-0003-C2``). Its item's page
    finds it (``ItemPage.part``); what the outlets ask of it is below."""

    label = None  # what the part is, lazily translated ("Commitment"): a citation's genre

    @property
    def item(self):
        """The version of the item page the part belongs to."""
        raise NotImplementedError

    @property
    def suffix(self):
        """What follows the item's id in the part's ("C2"): a capital letter and a number."""
        raise NotImplementedError

    @property
    def public_id(self):
        return f"{self.item.public_id}-{self.suffix}"

    def url_in(self, language_code):
        """Where a visitor using ``language_code`` reads the part."""
        raise NotImplementedError

    def citation_title(self):
        """How a reference names the part."""
        raise NotImplementedError

    def citation_heading(self):
        """The heading of the part's cite box."""
        raise NotImplementedError


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

    # --- changes: what the one change announcement asks of an item type ---

    @classmethod
    def public_ids_showing(cls, public_ids):
        """Public ids of this type's items whose public record names or shows one of the items
        ``public_ids`` (a toolkit lists its public resources): a change to those is a change to
        these, whatever its road (``hub.changes.announce``)."""
        return set()

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        """What this item's record in the items API (``/api/v1/items/<id>/``) holds beyond what
        every item has (id, type, title, summaries, languages, addresses, publication dates,
        services, regions): ``{field: value}``, each field one the API's ``ItemSerializer``
        declares (``"dates"``: a dict merged into the record's dates); the record holds its empty
        value for every declared field a type leaves out. ``api`` (``search.api.records.
        RecordFormat``) writes dates, terms, organizations and references to other items."""
        return {}

    # --- feeds: what the search's Atom feeds ask of an item ---

    def feed_updates(self):
        """``[hub.items.FeedUpdate]``: the item's public changes that are news of their own
        besides its publications (a session moved or cancelled), each an entry. None by default."""
        return []

    # --- calendars: what the search's iCalendar feed asks of an item ---

    def calendar_events(self, request):
        """The iCalendar events (``icalendar.Event``) of this item, as a reader of the request's
        language sees them (``hub.calendars``): none by default, an item that is not an event."""
        return []

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        """The heading of the item's cite box."""
        return _("Cite this item")

    def citation_issued(self):
        """The day the item was first published: by default, the day it went live on the hub."""
        return timezone.localdate(self.first_published_at) if self.first_published_at else None

    def citation_event_date(self):
        """The day an event item took place (CSL's ``event-date``); None for any other item."""
        return None

    def citation_authors(self):
        """``[(person name, organization name, {language: organization name})]``, in order
        (``hub.organization_names.credited_names``): who the item is by. Nobody by default: the
        hub then stands as its author."""
        return []

    def schema_org(self, data):
        """The item's schema.org description (JSON-LD), given ``data``, the one every item has
        (``citations.json_ld``: its type, id, name, summary, languages, authors, dates): as is by
        default; a type that is not a creative work (an event) reshapes it."""
        return data

    def citation_about(self):
        """The taxonomy fields that say what the item is about, in the order a citation lists them."""
        return ("services", "regions")

    # --- parts with ids of their own: what citations ask of an item ---

    def part(self, suffix):
        """The public part of this item whose id is ``<item id>-<suffix>`` (an ``ItemPart``), or
        None: an item has no parts by default."""
        return None

    # --- search: what it asks of an item ---
    @classmethod
    def search_related(cls, pages):
        """``pages`` loading in bulk what ``search_body_parts`` reads (a rebuild reads every item)."""
        return pages

    @classmethod
    def prepare_listed(cls, pages):
        """Load at once, onto each page of the list ``pages``, what the outlets read of each
        beyond its queryset's reach (``search_related``); a list of items calls it so that its
        queries do not grow with its length. Nothing to load by default."""

    def search_body_parts(self):
        """Every piece of text a reader sees in the item besides its title and summaries, in
        reading order; empty pieces are left out by the caller."""
        return []

    def sort_date(self):
        """The date the item is sorted by: when it happened (a type with a date of its own says
        so), else the day it went live on the hub; None for a page never published."""
        published = self.first_published_at or self.last_published_at
        return published.date() if published else None

    def search_status(self):
        """The status a search result shows and filters on."""
        return "published"

    def search_impact_level(self):
        """The level facet's value (1-4), None when not assessed. Not an ``impact_level``
        attribute: the items API and open data tell a type without levels by its absence."""
        return None

    @staticmethod
    def stream_text(stream):
        """The text a reader sees in a StreamField's blocks."""
        return searchable_content(stream.stream_block, stream)
