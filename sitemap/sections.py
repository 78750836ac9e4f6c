"""What the sitemap lists: every public page of the hub in each interface language, with its
hreflang alternates (and x-default: the French address), for search engines.

Home pages, index pages, content pages, the search, overview, open data and data dictionary
pages, the glossary pages of the languages that have terms, and every published language version of every
item of every registered type (``hub.items``), at the address the search links to
(``hub.item_urls.PageUrls``), each declared in the language it is written in. The route of an
index for an item not translated into its language shows the original, which names itself
canonical there: only the original is listed. Drafts and pages with a view restriction on themselves or an
ancestor are never listed. Each section is built from a few queries, whatever its size, and
holds at most URL_LIMIT addresses per file (``?p=`` pages it). Addresses are absolute, on the
scheme and host of the request."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from hub.item_urls import LANGUAGES
from hub.items import item_types, type_of_index
from hub.models import GlossaryTerm, HomePage

# Addresses per sitemap file. The protocol allows 50,000, but each address here carries three
# hreflang alternates: 5,000 keep a file near 2 MB, quick to build, send and parse.
URL_LIMIT = 5_000
VIEWS_OF_EVERY_ITEM = (
    "search",
    "overview",
    "open-data",
    "data-dictionary",
)  # pages of views, not of the tree


@dataclass
class SitemapUrl:
    path: str  # the address without scheme and host
    lastmod: datetime
    alternates: dict  # hreflang → path, x-default included


@dataclass
class ItemVersion:
    """What the sitemap needs of one language version of an item."""

    pk: int
    public_id: str
    language: str
    url_path: str
    lastmod: datetime


def site_path(url):
    """A page URL as a path: Wagtail gives a full URL only when several sites are configured."""
    if url.startswith(("http://", "https://")):
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return url


def with_x_default(alternates):
    if settings.LANGUAGE_CODE in alternates:
        alternates["x-default"] = alternates[settings.LANGUAGE_CODE]
    return alternates


def latest(*moments):
    return max((moment for moment in moments if moment is not None), default=None)


class HubSitemap(Sitemap):
    """A section of the sitemap, built once per request from a few queries, whatever its size."""

    def __init__(self, request):
        self.request = request
        self.limit = URL_LIMIT

    @cached_property
    def urls(self):
        return self.build()

    def build(self):
        raise NotImplementedError

    def items(self):
        return self.urls

    def location(self, url):
        return url.path

    def lastmod(self, url):
        return url.lastmod

    def get_latest_lastmod(self):
        return latest(*(url.lastmod for url in self.urls))

    def url_count(self):
        """How many addresses the section lists."""
        return len(self.urls)

    @property
    def paginator(self):
        """Django's paginator, over a list that counts the addresses without building them
        (the sitemap index only asks how many files each section fills)."""
        return Paginator(CountedUrls(self), self.limit)

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's URL entries, with this hub's alternates, absolute like the locations."""
        entries = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for entry in entries:
            entry["alternates"] = [
                {"lang_code": code, "location": origin + alternate}
                for code, alternate in entry["item"].alternates.items()
            ]
        return entries


class CountedUrls:
    """A section's addresses as a paginator sees them: counted by the section's ``url_count``,
    built only when a page of them is read."""

    def __init__(self, section):
        self.section = section

    def count(self):
        return self.section.url_count()

    def __getitem__(self, index):
        return self.section.urls[index]


class ItemSitemap(HubSitemap):
    """Every published public item of one type, once per interface language, by public id."""

    def __init__(self, request, item_type, page_urls):
        super().__init__(request)
        self.item_type = item_type
        self.page_urls = page_urls  # a function returning the PageUrls of this request

    def build(self):
        rows = (
            self.versions()
            .order_by("public_id", "pk")
            .values_list(
                "pk",
                "public_id",
                "translation_key",
                "locale__language_code",
                "url_path",
                "last_published_at",
                "first_published_at",
            )
        )
        items = defaultdict(list)
        for pk, public_id, translation_key, language, url_path, last_published, first_published in rows:
            items[translation_key].append(
                ItemVersion(pk, public_id, language, url_path, last_published or first_published)
            )
        urls = []
        for versions in sorted(items.values(), key=lambda versions: versions[0].public_id):
            paths = {version.language: self.path_of(version, version.language) for version in versions}
            alternates = with_x_default(dict(paths))
            urls += [SitemapUrl(paths[version.language], version.lastmod, alternates) for version in versions]
        return urls

    def versions(self):
        return self.item_type.model.objects.public().filter(locale__language_code__in=LANGUAGES)

    def url_count(self):
        """One address per language version, counted in the database unless the addresses are
        built already."""
        if "urls" in self.__dict__:
            return len(self.urls)
        return self.versions().count()

    def get_latest_lastmod(self):
        """The latest change of a version the section shows, read in the database unless the
        addresses are built already."""
        if "urls" in self.__dict__:
            return super().get_latest_lastmod()
        return self.versions().aggregate(last=Max(Coalesce("last_published_at", "first_published_at")))[
            "last"
        ]

    def path_of(self, version, language):
        url = self.page_urls().address(
            self.item_type, version.language, version.public_id, version.url_path, language
        )
        if url is None:  # a page outside its language's home: rare, asked of the page itself
            url = Page.objects.get(pk=version.pk).get_url(self.request)
        return site_path(url)


class PagesSitemap(HubSitemap):
    """Home, index and content pages, grouped with their translations, and the search pages. A
    home or index page changes whenever an item it lists does; the search pages whenever any does."""

    def build(self):
        latest_items = {}
        for item_type in item_types():
            moments = item_type.model.objects.public().aggregate(
                last=Max("last_published_at"), first=Max("first_published_at")
            )
            latest_items[item_type] = latest(moments["last"], moments["first"])
        groups = defaultdict(dict)
        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .not_type(*[item_type.model for item_type in item_types()])
            .select_related("locale")
            .order_by("path")
        )
        for page in pages:
            url = page.get_url(self.request)
            if url is None:  # not under any site's root
                continue
            model = page.specific_class
            listed_type = type_of_index(model) if model is not None else None
            if model is not None and issubclass(model, HomePage):
                listed = latest(*latest_items.values())
            elif listed_type is not None:
                listed = latest_items[listed_type]
            else:
                listed = None
            lastmod = latest(page.last_published_at, page.first_published_at, listed)
            groups[page.translation_key][page.locale.language_code] = (site_path(url), lastmod)
        urls = []
        for versions in groups.values():
            alternates = with_x_default({language: url for language, (url, _lastmod) in versions.items()})
            urls += [SitemapUrl(url, lastmod, alternates) for url, lastmod in versions.values()]
        # The search and the open data change whenever an item does.
        searched = latest(*latest_items.values()) or latest(*(url.lastmod for url in urls))
        for name in VIEWS_OF_EVERY_ITEM:
            paths = {}
            for language in LANGUAGES:
                with translation.override(language):
                    paths[language] = reverse(name)
            alternates = with_x_default(dict(paths))
            urls += [SitemapUrl(paths[language], searched, alternates) for language in LANGUAGES]
        return urls + glossary_urls()


def glossary_urls():
    """The glossary page in each language that has terms, changed when its last term changed."""
    changed = dict(
        GlossaryTerm.objects.order_by()
        .values("locale__language_code")
        .annotate(last=Max("last_updated"))
        .values_list("locale__language_code", "last")
    )
    paths = {}
    for language in LANGUAGES:
        if language in changed:
            with translation.override(language):
                paths[language] = reverse("glossary")
    alternates = with_x_default(dict(paths))
    return [SitemapUrl(path, changed[language], alternates) for language, path in paths.items()]
