"""The public pages ``bench_pages`` times, found in the database rather than listed: every
registered item type's index (first and last page), one of its items, its sitemap section and
its items-API record, in each interface language where the page has one; and the pages every hub
has (home, search, feed, sitemap index, open data, ``/cite/``, the search API)."""

import math
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from hub.item_urls import LANGUAGES
from hub.items import item_types
from hub.models import HomePage, Region, Service

# Words that match many synthetic items in each language (see ``benchmarks.corpus``).
SEARCH_WORDS = {"fr": "algorithme", "en": "algorithm"}


@dataclass(frozen=True)
class BenchPage:
    """One request to time: what the table calls it, and what the test client sends."""

    label: str
    url: str
    headers: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Timing:
    """A page's figures at one corpus size. ``first`` is the first request (caches cold);
    ``samples`` the runs after it."""

    status: int
    first_ms: float
    first_queries: int
    samples: list
    queries: int
    size: int

    @property
    def median_ms(self):
        ordered = sorted(self.samples)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    @property
    def p95_ms(self):
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def body_size(response):
    """Bytes of the answer, reading a streamed or file answer to its end (it is part of the work)."""
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
        response.close()
        return size
    return len(response.content)


def fetch(client, page):
    """One request, timed and counted: ``(milliseconds, queries, status, bytes)``."""
    # The connection logs at most 9,000 queries: once full, a capture would count none.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(page.url, headers=page.headers)
        size = body_size(response)
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, len(queries), response.status_code, size


def time_page(client, page, repeat):
    first_ms, first_queries, status, size = fetch(client, page)
    samples, queries = [], first_queries
    for _ in range(repeat):
        elapsed, queries, status, size = fetch(client, page)
        samples.append(elapsed)
    return Timing(status, first_ms, first_queries, samples, queries, size)


def bench_pages():
    """Every page to time, in table order."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    languages = [language for language in LANGUAGES if language in locales]
    pages = [BenchPage(f"home ({language})", home_url(language)) for language in languages]
    for item_type in item_types():
        for language in languages:
            index = item_type.index.objects.live().filter(locale=locales[language]).first()
            if index is None:
                continue
            last = max(1, math.ceil(index.get_items().count() / index.items_per_page))
            pages.append(BenchPage(f"{item_type.section} index first ({language})", index.url))
            pages.append(
                BenchPage(f"{item_type.section} index last ({language})", f"{index.url}?page={last}")
            )
        item = newest_item(item_type)
        if item is not None:
            pages += [
                BenchPage(f"{item_type.section} item ({language})", item.url_in(language))
                for language in languages
            ]
    services = Service.objects.filter(locale=locales.get("fr")).order_by("sort_order")
    regions = Region.objects.filter(locale=locales.get("fr")).order_by("sort_order")
    facets = {"service": services.first().key, "region": regions.first().key} if services and regions else {}
    for language in languages:
        search = localized_url("search", language)
        query = "&".join(f"{facet}={key}" for facet, key in facets.items())
        pages.append(BenchPage(f"search facets ({language})", f"{search}?{query}"))
        pages.append(BenchPage(f"search words ({language})", f"{search}?q={SEARCH_WORDS.get(language, '')}"))
    pages += [
        BenchPage(f"feed ({language})", localized_url("search-feed", language)) for language in languages
    ]
    pages.append(BenchPage("sitemap index", reverse("sitemap")))
    pages += [
        BenchPage(f"sitemap {section}", reverse("sitemap-section", args=[section]))
        for section in ["pages", *(item_type.section for item_type in item_types())]
    ]
    pages += [
        BenchPage(f"open data ({language})", localized_url("open-data", language)) for language in languages
    ]
    first_item = next(filter(None, (newest_item(item_type) for item_type in item_types())), None)
    if first_item is not None:
        cite = reverse("citations:cite", args=[first_item.public_id])
        pages += [
            BenchPage(f"cite redirect ({language})", f"{cite}?lang={language}") for language in languages
        ]
        pages.append(BenchPage("cite bibtex", f"{cite}?format=bibtex"))
    for item_type in item_types():
        item = newest_item(item_type)
        if item is not None:
            pages.append(
                BenchPage(f"API item {item_type.section}", reverse("api-v1-item", args=[item.public_id]))
            )
        pages.append(
            BenchPage(f"API list {item_type.section} p1", f"{reverse('search-api')}?type={item_type.key}")
        )
        if item_type.csv_download:
            pages.append(
                BenchPage(f"API CSV {item_type.section}", reverse("items-csv", args=[item_type.section]))
            )
    pages.append(BenchPage("API search words", f"{reverse('search-api')}?q={SEARCH_WORDS['fr']}"))
    return pages


def home_url(language):
    home = HomePage.objects.live().filter(locale__language_code=language).first()
    return home.url if home is not None else f"/{language}/"


def localized_url(name, language):
    with translation.override(language):
        return reverse(name)


def newest_item(item_type):
    """The newest public item of the type that has a translation, else the newest: its page is
    then read in its own language in one interface and through a translation in the other."""
    items = item_type.model.objects.public().order_by("-first_published_at", "-pk")
    keys = items.values("translation_key")
    translated = items.exclude(locale__language_code=LANGUAGES[0]).filter(translation_key__in=keys)
    translated_item = translated.first()
    if translated_item is not None:
        return items.filter(translation_key=translated_item.translation_key).order_by("pk").first()
    return items.first()
