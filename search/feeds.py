"""Following a search: ``/fr/recherche/flux/?<filters>`` and ``/en/search/feed/?<filters>`` are
Atom feeds of the items the search finds, latest material update first (new items, and items
published again with a new public change note), at most FEED_SIZE of them.

The parameters are the search's, validated like every other surface's (``parse_request``: a bad
one gets 400 with the errors in JSON, as from the JSON API); the words and filters select, the
feed itself decides the sort and the page. ``HubSearch`` answers; nothing here builds a
search query."""

from dataclasses import dataclass, field, replace
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, rfc3339_date
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from .documents import UNKNOWN_TIME
from .links import address, feed_params
from .requests import parse_request
from .service import HubSearch
from .vocabulary import NOT_ASSESSED, all_facets, facet_vocabulary

FEED_SIZE = 50
# Facets whose values an entry lists as its categories, and the hit field that holds them.
CATEGORY_FIELDS = {"type": "item_type", "service": "services", "region": "regions", "risk": "risks"}


class InvalidSearch(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def to_second(moment):
    """Feeds give times to the second: a reader compares them to tell an entry was updated."""
    return moment.replace(microsecond=0)


@dataclass
class Category:
    term: str  # the facet value's key
    scheme: str  # the search page filtered on the facet: scheme + term is a working address
    label: str


@dataclass
class FeedEntry:
    title: str
    link: str
    guid: str
    language: str  # the language of the entry's text
    published: datetime
    updated: datetime
    summary: str  # plain text
    content: str  # HTML: the summary, the plain-language summary, a note if not translated
    categories: list = field(default_factory=list)
    # What an e-mail digest says of the entry besides (``search.alerts``).
    public_id: str = ""
    item_type: str = ""  # the item type's key
    page_id: int | None = None
    update: bool = False  # an update the item announces, not the item itself


@dataclass
class SearchFeedContent:
    """What one feed request shows: the validated search, in the feed's language, and its entries."""

    request: object
    query: object
    language: str
    entries: list

    def absolute(self, url_name, params=()):
        return self.request.build_absolute_uri(address(url_name, list(params)))


def search_in_words(query):
    """The words and filters of ``query`` as a reader says them: ``["Case files", "Health", ...]``."""
    parts = []
    if query.text:
        parts.append(_("“%(words)s”") % {"words": query.text})
    for facet in all_facets():
        selected = set(query.selected(facet))
        if not selected:
            continue
        labels = [
            str(_("Impact level not assessed")) if facet == "level" and key == NOT_ASSESSED else label
            for key, label in facet_vocabulary(facet, query.locale)
            if key in selected
        ]
        parts.append(str(get_text_list(labels)))  # "a, b or c", in Django's words
    return parts or [_("All published items")]


def feed_query(query, language):
    """The search of a feed (or of an e-mail digest) in ``language``: its words and filters, the
    latest updates first."""
    return replace(query, locale=language, sort="updated", page=1, page_size=FEED_SIZE)


def feed_entries(absolute, query, hits):
    """Entries for ``hits``, and for the updates of their own the items announce
    (``ItemPage.feed_updates``), latest first, at most FEED_SIZE; ``absolute(path)`` makes an
    address whole. A hit whose page is no longer live and public (the index follows a moment
    after the commit) is left out."""
    pages = Page.objects.live().public().filter(pk__in=[hit["page_id"] for hit in hits]).specific().in_bulk()
    first_published = {pk: page.first_published_at for pk, page in pages.items()}
    language = query.locale
    search_url = absolute(reverse("search"))
    vocabularies = {facet: dict(facet_vocabulary(facet, language)) for facet in CATEGORY_FIELDS}
    entries = []
    for hit in hits:
        published = first_published.get(hit["page_id"])
        if published is None:
            continue
        published = to_second(published)
        values = {
            facet: hit[name] if facet != "type" else [hit[name]] for facet, name in CATEGORY_FIELDS.items()
        }
        entries.append(
            FeedEntry(
                title=hit["title"],
                link=absolute(hit["url"]),
                guid=absolute(f"/cite/{hit['public_id']}/"),
                language=hit["content_locale"],
                published=published,
                # Never before the first publication, even from an index not rebuilt since the
                # field was added (it holds the epoch there until then).
                updated=max(to_second(hit["updated"] or published), published),
                summary=hit["summary"],
                content=entry_content(hit, language),
                categories=[
                    Category(key, f"{search_url}?{facet}=", vocabularies[facet].get(key, key))
                    for facet, keys in values.items()
                    for key in keys
                ],
                public_id=hit["public_id"],
                item_type=hit["item_type"],
                page_id=hit["page_id"],
            )
        )
        entries += update_entries(entries[-1], pages[hit["page_id"]].feed_updates())
    # Sorted by date alone, stable: the hits' own order holds among equal dates.
    return sorted(entries, key=lambda entry: entry.updated, reverse=True)[:FEED_SIZE]


def update_entries(item_entry, updates):
    """An entry for each update an item announces, beside the item's own (``item_entry``)."""
    return [
        replace(
            item_entry,
            title=update.title,
            guid=f"{item_entry.guid}#{update.key}",
            published=to_second(update.moment),
            updated=to_second(update.moment),
            summary=update.summary,
            content=str(format_html("<p>{}</p>", update.summary)),
            update=True,
        )
        for update in updates
    ]


def entry_content(hit, language):
    """An entry's HTML content: the summary, then the plain-language summary; first, for an item
    not translated into the feed's language, the note the search page shows."""
    content = format_html("<p>{}</p>", hit["summary"])
    if hit["plain_summary"]:
        content += format_html(
            "<p><strong>{}</strong></p><p>{}</p>", _("In plain words"), hit["plain_summary"]
        )
    if hit["content_locale"] != language:
        note = _("Not translated yet: shown in its original language.")
        content = format_html('<p lang="{}"><em>{}</em></p>', language, note) + content
    return str(content)


class SearchAtomFeed(Atom1Feed):
    """Django's Atom feed with what a search feed needs besides: the language of each entry, the
    summary as plain text, the plain-language summary in the content, and categories with their
    scheme and label."""

    def item_attributes(self, item):
        return {"xml:lang": item["language"]}

    def latest_post_date(self):
        """A feed that finds nothing is as old as the epoch (``UNKNOWN_TIME``), not the clock's
        time: the same search gives the same feed and ``Last-Modified`` until an item matches it."""
        if self.items:
            return super().latest_post_date()
        return UNKNOWN_TIME

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"], {"type": "text"})
        handler.addQuickElement("link", "", {"rel": "alternate", "type": "text/html", "href": item["link"]})
        handler.addQuickElement("id", item["unique_id"])
        handler.addQuickElement("published", rfc3339_date(item["pubdate"]))
        handler.addQuickElement("updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("summary", item["description"], {"type": "text"})
        handler.addQuickElement("content", item["content"], {"type": "html"})
        for category in item["facet_categories"]:
            handler.addQuickElement(
                "category", "", {"term": category.term, "scheme": category.scheme, "label": category.label}
            )


class SearchFeed(Feed):
    feed_type = SearchAtomFeed

    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidSearch as invalid:
            return JsonResponse({"errors": invalid.errors}, status=400)

    def get_object(self, request, *args, **kwargs):
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        parsed = parse_request(request, default_locale=language)
        if parsed.errors:
            raise InvalidSearch(parsed.errors)
        query = feed_query(parsed.query, language)
        entries = feed_entries(request.build_absolute_uri, query, HubSearch().hits(query))
        return SearchFeedContent(request, query, language, entries)

    # --- The feed ---------------------------------------------------------------------------

    def title(self, content):
        return " · ".join([settings.WAGTAIL_SITE_NAME, *search_in_words(content.query)])

    def subtitle(self, content):
        return _(
            "Items matching this search, latest first: new ones, and ones updated with a public note "
            "of what changed (at most %(count)s)."
        ) % {"count": FEED_SIZE}

    def link(self, content):
        return content.absolute("search", feed_params(content.query))

    def feed_url(self, content):
        """The ``rel="self"`` link: the address exactly as requested, every parameter kept."""
        return content.request.build_absolute_uri()

    def feed_guid(self, content):
        """The feed's id: the same search, however its parameters were written."""
        return content.absolute("search-feed", feed_params(content.query))

    def author_name(self, content):
        return settings.WAGTAIL_SITE_NAME

    def author_link(self, content):
        return content.request.build_absolute_uri(f"/{content.language}/")

    def items(self, content):
        return content.entries

    # --- Each entry -------------------------------------------------------------------------

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.guid

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated

    def item_description(self, entry):
        return entry.summary

    def item_extra_kwargs(self, entry):
        return {"language": entry.language, "content": entry.content, "facet_categories": entry.categories}
