"""What the public pages share between visitors, kept in the shared cache until anything public
changes: the sections of the menus, the footer, the home page's content, the first page of each
index.

Why: at any number of items, a page spent most of its time asking again what every visitor of
that language sees the same way (the sections under the home page, the newest items, the cards
of an index). Everything kept here is read under a *generation* that every announced change
replaces (``hub.changes``: publication, place, privacy, an item's record, a term, the glossary;
at once for the writer's own next request, and again after its commit), so no process serves it
after a change; what depends only on the pages that are not items is kept under the structure's
generation, which only a change of the structure replaces. What varies by request is never kept:
previews of drafts and old revisions render as they are, and a fragment's key names everything it
depends on (language, page)."""

import hashlib
import time

from django.core.cache import cache
from django.db import connection

from .cache_generations import CacheGeneration

GENERATION = CacheGeneration("hub:fragments:generation")
# What depends only on the pages that are not items (sections, home pages, breadcrumbs) is kept
# under its own generation, which only a change of the site's structure replaces
# (``Change.structure``): not worked out again after each item's publication.
STRUCTURE = CacheGeneration("hub:fragments:structure")
LIFETIME = 24 * 60 * 60  # seconds a fragment is kept when nothing changes
WAIT = 5  # seconds a request waits for a fragment another is working out
POLL = 0.02  # seconds between two looks at the cache while waiting


def key(name, *parts, generation=GENERATION):
    """The cache key of fragment ``name`` for ``parts`` (what it depends on), in this database
    (a cache shared with a staging copy must not give one the other's pages)."""
    digest = hashlib.sha256(repr((connection.settings_dict["NAME"], parts)).encode()).hexdigest()[:32]
    return f"hub:fragment:{generation.current()}:{name}:{digest}"


def kept(name, parts, compute, structural=False):
    """The value of fragment ``name`` for ``parts``: from the cache, else ``compute()`` kept.
    ``structural``: it depends on nothing but the pages that are not items (``STRUCTURE``)."""
    cache_key = key(name, *parts, generation=STRUCTURE if structural else GENERATION)
    value = cache.get(cache_key)
    if value is None:
        value = computed_once(cache_key, compute)
    return value


def kept_showing(name, parts, compute):
    """Like ``kept`` for markup that shows items: ``compute()`` gives ``(markup, ids of the pages
    it shows)``. A kept markup is given only while every page it shows is still public (one query):
    a change that escaped the announcements (a raw update) never shows a draft or a private page."""
    cache_key = key(name, *parts)
    value = cache.get(cache_key)
    if value is None or not all_public(value[1]):
        value = computed_once(cache_key, compute, usable=lambda kept: all_public(kept[1]))
    return value[0]


def home_sections(home):
    """The live, public pages right under ``home``, as their own classes, kept until the
    structure changes: the menus, the footer and the home page list them for every visitor."""
    return kept(
        "sections",
        (home.pk,),
        lambda: list(home.get_children().live().public().specific().select_related("locale")),
        structural=True,
    )


def computed_once(cache_key, compute, usable=lambda value: True):
    """``compute()`` kept under ``cache_key``, worked out by one request at a time across the
    processes: after a publication every fragment is new, and the visitors arriving meanwhile
    would otherwise all ask the database the same thing at once. The others wait for its value
    (up to WAIT seconds, then compute it themselves: a process that died holding the turn)."""
    turn = f"{cache_key}:computing"
    ours = cache.add(turn, True, WAIT)
    if not ours:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            time.sleep(POLL)
            value = cache.get(cache_key)
            if value is not None and usable(value):
                return value
    try:
        value = compute()
        cache.set(cache_key, value, LIFETIME)
    finally:
        if ours:
            cache.delete(turn)
    return value


def all_public(page_ids):
    from wagtail.models import Page

    wanted = set(page_ids)
    return (
        not wanted
        or set(Page.objects.live().public().filter(pk__in=wanted).values_list("pk", flat=True)) == wanted
    )


def on_items_changed(sender, change, **kwargs):
    GENERATION.renew()
    if change.structure:
        STRUCTURE.renew()


def connect():
    """Start a new generation after every announced change, and a new structure generation
    after a change of the structure. Idempotent."""
    from .changes import items_changed, items_changing

    items_changing.connect(on_items_changed, dispatch_uid="fragments-items-changing")
    items_changed.connect(on_items_changed, dispatch_uid="fragments-items-changed")
