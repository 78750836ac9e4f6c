"""The sitemap's files, kept rendered in the shared cache: building a section means reading every
published item, and crawlers ask for every file in turn.

Each file is cached under the current *generation* (a random token in the cache), per origin
(scheme and host: the addresses are absolute) and page. Whatever changes what a sitemap lists or
dates (publishing, unpublishing, moving or deleting a page, a privacy change, a glossary term)
starts a new generation at once, for the writer's own next request, and again once its
transaction commits (``hub.changes``), so a file another request built in between from the state
before the commit is never served after it; entries of older generations simply expire."""

from django.core.cache import cache
from django.http import HttpResponse

from hub.cache_generations import CacheGeneration
from hub.changes import items_changed, items_changing

GENERATION = CacheGeneration("sitemap:generation")
LIFETIME = 24 * 60 * 60  # seconds a file is kept when nothing changes
KEPT_HEADERS = ("Content-Type", "X-Robots-Tag", "Last-Modified")


def generation():
    return GENERATION.current()


def new_generation():
    GENERATION.renew()


def cached_file(request, name, render):
    """The response ``render()`` gives for the sitemap file ``name``, from the cache when this
    generation already has it. Only successful answers are kept."""
    page = request.GET.get("p", "")
    key = f"sitemap:{generation()}:{request.scheme}://{request.get_host()}/{name}?p={page}"
    kept = cache.get(key)
    if kept is not None:
        content, headers = kept
        response = HttpResponse(content)
        for header, value in headers.items():
            response[header] = value
        return response
    response = render()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        headers = {header: response[header] for header in KEPT_HEADERS if header in response}
        cache.set(key, (response.content, headers), LIFETIME)
    return response


def on_items_changed(sender, change, **kwargs):
    if change.pages or change.glossary:
        new_generation()


def connect():
    """Start a new generation after every committed change a sitemap shows. Idempotent."""
    items_changing.connect(on_items_changed, dispatch_uid="sitemap-items-changing")
    items_changed.connect(on_items_changed, dispatch_uid="sitemap-items-changed")
