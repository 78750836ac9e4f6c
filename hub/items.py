"""The item types: each kind of public item (case file, brief, agreement, ...) is declared once,
by its own app, and every outlet (search, items API, feeds, citations, sitemaps, open data, the
home page, site setup, roles) iterates this registry instead of naming a page class.

A feature app declares its types in its ``items.py`` and registers them in its ``AppConfig.ready``::

    register(ItemType(key="workshop", prefix="WS", page_model="dialogues.WorkshopPage", ...))

What a type does differently from the others lives on its page class, as methods overriding
the defaults of ``hub.models.ItemPage`` (search text, records, citation data, print block).

Also here: the one meaning of "public" for pages (``ItemPageQuerySet.public``: live, with no view
restriction on the page or an ancestor) and of "as seen in a language" (``in_language``)."""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from wagtail.models import Locale, PageManager
from wagtail.query import PageQuerySet

PUBLIC_ID_RE = re.compile(r"^(?P<prefix>[A-Z]{2})-(?P<year>\d{4})-(?P<number>\d{4,})$")
PUBLIC_ID_ROUTE = r"[A-Z]{2}-\d{4}-\d{4,}"  # the same pattern, for URL routes
# A part of an item with an id of its own (``ItemPage.part``): the item's id, a letter, a number.
PART_ID_RE = re.compile(r"^(?P<item>[A-Z]{2}-\d{4}-\d{4,})-(?P<suffix>[A-Z][1-9][0-9]*)$")


def check_search_key(kind, key):
    """A facet's or a sort's key is a search parameter or value: plain lower-case words."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise ValueError(f"A {kind}'s key is lower-case letters, digits and _, not {key!r}.")


@dataclass(frozen=True)
class TypeFacet:
    """A search facet of one item type besides the facets every item has (type, service, region,
    risk, level): ``key`` is the search parameter and the facet's name in every answer; the
    page method named ``value_of`` gives an item's value (a key of ``choices``, a list of them
    when an item has several, or None when it has none); ``choices`` gives ``[(key, label)]`` in
    display order, labels in the active language (a callable, so that a type declared before its
    models are ready can name them). Values selected together keep the items having any of them,
    or, with ``match_all``, every one of them (needs: each must be met); ``hint`` says so."""

    key: str
    label: object
    choices: object
    value_of: str
    match_all: bool = False
    hint: object = None

    def __post_init__(self):
        check_search_key("facet", self.key)

    def vocabulary(self):
        return [(str(key), str(label)) for key, label in self.choices()]


@dataclass(frozen=True)
class TypeSort:
    """A sort of the search offered by one item type: the page method named ``value_of`` gives an
    item's rank, a whole number (None when it has none); the highest come first, ties newest
    first, and items without a rank (other types included) last, newest first."""

    key: str
    label: object
    value_of: str

    def __post_init__(self):
        check_search_key("sort", self.key)


@dataclass(frozen=True)
class FeedUpdate:
    """A dated public change of an item besides its publications (``ItemPage.feed_updates``): an
    entry of its own in the search's feeds. ``key`` tells it from the item's other updates, for
    good: a feed reader shows a new key as a new entry."""

    key: str
    moment: object  # an aware datetime: the entry's date
    title: str
    summary: str  # plain text: what changed


@dataclass(frozen=True, eq=False)
class ItemType:
    """One kind of public item, as every outlet needs to know it."""

    key: str  # "workshop": the search facet value, the API's ``type``
    prefix: str  # "WS": the first letters of its public ids
    page_model: str  # "dialogues.WorkshopPage"
    index_model: str  # "dialogues.WorkshopIndexPage": lists the items, one per home page
    section: str  # "workshops": sitemap section, open-data section and file names
    label: object  # "Workshop" (lazy translation): one item
    label_plural: object  # "Workshops": the section, the facet value
    index_titles: dict  # {"fr": "Ateliers", "en": "Workshops"}: the index page created by site setup
    index_slugs: dict  # {"fr": "dossiers", "en": "case-files"}
    index_intros: dict = field(default_factory=dict)
    latest_heading: object = None  # "Latest case files": the home page's list of the newest
    more_label: object = None  # "All case files": the home page's link to the index
    csl_type: str = "report"  # the CSL item type of a citation
    schema_type: str = "Report"  # the schema.org type of the item page's JSON-LD
    home_latest: int = 3  # how many of the newest items the home page shows
    # What the home page's headline figure of its items says, for a count (none without it):
    # ``npgettext_lazy("home figure", "Case file", "Case files", "count")``.
    home_figure: object = None
    # Who publishes: "review" (community editors write, a reviewer publishes, through the
    # community review workflow) or "partners" (municipal partners write and publish their own).
    publication: str = "review"
    # Whether the search offers this type's rows as a CSV download, ``/api/v1/<section>.csv``, in
    # the columns of its open-data file: the matching items, and the file itself when unfiltered.
    csv_download: bool = False
    # What its open-data files hold: the dotted path of an ``hub.data_files.ItemDataFile`` class,
    # named rather than imported (as ``page_model``) because it reads the type's models and formats.
    data_file_class: str = "hub.data_files.ItemDataFile"
    # Model permissions (``"app.codename"``) the people who write this type need besides its
    # pages, given by ``hub.roles`` to the groups of its publication road.
    editor_permissions: tuple = ()
    # Search facets and sorts of this type's own (``TypeFacet``, ``TypeSort``): the search stores,
    # filters, counts and sorts on them as on its own, and shows the facets when they apply.
    facets: tuple = ()
    sorts: tuple = ()
    # Optional text fields the benchmarks' synthetic items fill all the same, because a rule of the
    # model wants one of them (a report is about dialogues or a consultation held elsewhere).
    synthetic_text: tuple = ()

    def __post_init__(self):
        if not re.fullmatch(r"[A-Z]{2}", self.prefix):
            raise ValueError(f"An item type's prefix is two capital letters, not {self.prefix!r}.")
        if self.publication not in ("review", "partners"):
            raise ValueError(f"Unknown publication road {self.publication!r} for item type {self.key!r}.")

    @property
    def model(self):
        return apps.get_model(self.page_model)

    @property
    def index(self):
        return apps.get_model(self.index_model)

    @property
    def is_event(self):
        """Its items are events, with dates a calendar holds (``ItemPage.calendar_events``)."""
        return self.schema_type == "Event"

    @cached_property
    def data_file(self):
        """The type's ``ItemDataFile``: its columns, JSON items and vocabularies (open data)."""
        return import_string(self.data_file_class)(self)

    def __repr__(self):
        return f"<ItemType {self.key}>"


_types = {}  # key → ItemType, in registration order (the order every outlet lists them in)


def register(item_type):
    """Declare an item type; its key, prefix, section and models must be new."""
    for other in _types.values():
        for name in ("key", "prefix", "section", "page_model", "index_model"):
            if getattr(other, name) == getattr(item_type, name):
                raise ValueError(
                    f"Item types {other.key!r} and {item_type.key!r} share the {name} {getattr(other, name)!r}."
                )
        for kind in ("facets", "sorts"):
            taken = {entry.key for entry in getattr(other, kind)} & {
                entry.key for entry in getattr(item_type, kind)
            }
            if taken:
                raise ValueError(
                    f"Item types {other.key!r} and {item_type.key!r} both declare the {kind} {sorted(taken)}."
                )
    _types[item_type.key] = item_type
    return item_type


def unregister(key):
    _types.pop(key, None)


@contextmanager
def registered(item_type):
    """A type registered for the duration of a block (tests of a type no app declares)."""
    register(item_type)
    try:
        yield item_type
    finally:
        unregister(item_type.key)


def item_types():
    return list(_types.values())


def get_item_type(key):
    """The type with this key; KeyError when there is none."""
    return _types[key]


def type_for_public_id(public_id):
    """The type of a well-formed public id, else None."""
    match = PUBLIC_ID_RE.match(public_id or "")
    if not match:
        return None
    return next((item_type for item_type in _types.values() if item_type.prefix == match["prefix"]), None)


def split_part_id(public_id):
    """``(item id, suffix)`` of a part's id (``AC-2026-0003-C2`` gives ``("AC-2026-0003", "C2")``);
    ``(public_id, None)`` for anything else."""
    match = PART_ID_RE.match(public_id or "")
    return (match["item"], match["suffix"]) if match else (public_id, None)


def export_order(public_id, language_code):
    """The order of every export (open data, the API's CSV, ``export_casefiles``): by id (prefix,
    year, number), then language in the site's order, French first."""
    match = PUBLIC_ID_RE.match(public_id)
    id_key = (match["prefix"], int(match["year"]), int(match["number"])) if match else (public_id, 0, 0)
    codes = [code for code, _name in settings.LANGUAGES]
    rank = codes.index(language_code) if language_code in codes else len(codes)
    return id_key, rank, language_code


def type_facets():
    """Every facet the registered types declare, in registration order."""
    return [facet for item_type in _types.values() for facet in item_type.facets]


def type_sorts():
    """Every sort the registered types declare, in registration order."""
    return [sort for item_type in _types.values() for sort in item_type.sorts]


def type_of(page_or_model):
    """The item type of a page, a page class or a model label; None for anything else."""
    label = page_or_model if isinstance(page_or_model, str) else _model_of(page_or_model)._meta.label
    return next((item_type for item_type in _types.values() if item_type.page_model == label), None)


def type_of_index(page_or_model):
    """The item type an index page (or its class) lists; None for any other page."""
    label = _model_of(page_or_model)._meta.label
    return next((item_type for item_type in _types.values() if item_type.index_model == label), None)


def _model_of(page_or_model):
    """A page class as given, or the specific class of a page (a plain ``Page`` row included)."""
    if isinstance(page_or_model, type):
        return page_or_model
    return page_or_model.specific_class or type(page_or_model)


def public_id_pattern():
    """A regular expression that matches the public id of any registered type, and only those
    (ASCII digits: Python's ``\\d`` is looser). Written in the syntax Python and ECMA-262 share,
    as the items API's OpenAPI schema publishes it: ``(XX|YY)-[0-9]{4}-[0-9]{4,}`` for types XX and YY."""
    prefixes = "|".join(re.escape(item_type.prefix) for item_type in _types.values()) or "(?!)"
    return rf"({prefixes})-[0-9]{{4}}-[0-9]{{4,}}"


def public_pages(pages):
    """The public pages among ``pages`` (of one item model), in their order: what a list of
    related items may show anyone, even one held in memory by a preview."""
    pages = [page for page in pages if page.pk]
    if not pages:
        return []
    public = set(
        type(pages[0])
        .objects.filter(pk__in=[page.pk for page in pages])
        .public()
        .values_list("pk", flat=True)
    )
    return [page for page in pages if page.pk in public]


def prepare_listed(pages):
    """``pages`` (specific pages of any models) loaded for a list: each item model's
    ``prepare_listed`` gets its own pages at once. Returns ``pages``."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, found in by_model.items():
        if hasattr(model, "prepare_listed"):
            model.prepare_listed(found)
    return pages


class ItemPageQuerySet(PageQuerySet):
    """Pages as every outlet asks for them."""

    def public(self):
        """What anyone may see: live pages with no view restriction on themselves or an ancestor."""
        return super().public().live()

    def in_language(self, locale):
        """Each item once, as a reader of ``locale`` (a Locale or a language code) finds it among
        these pages: its version in that language where there is one, else its other versions."""
        if not isinstance(locale, Locale):
            locale = Locale.objects.filter(language_code=locale).first()
            if locale is None:
                return self.none()
        # A correlated NOT EXISTS, which the (translation_key, locale) index answers row by row:
        # ``NOT IN (every key translated here)`` made the database list all of them first, for
        # every query (seconds at 100,000 items, even for the three newest).
        translated_here = self.filter(locale=locale, translation_key=OuterRef("translation_key"))
        return self.filter(Q(locale=locale) | ~Exists(translated_here))


ItemPageManager = PageManager.from_queryset(ItemPageQuerySet)
