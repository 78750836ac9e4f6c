"""The order of the items each index page lists, read once and kept until a page changes.

An index lists every public item of its type once, as a reader of its language finds it
(``ItemPageQuerySet.in_language``), newest first, a page at a time. Counting them, and reaching
a page far from the first, means reading every item: at 100,000 items, seconds for each
request. So the ordered ids of each index are read in one query of ids, kept in the shared cache
and in this process's memory under a *generation* (a random token in the cache) that every
change of a page's publication, place or privacy replaces (``hub.changes``: at once for the
writer's own next request, and again once its transaction commits), as the sitemap's cache does.
A page of items is then read by id, from the index's own queryset: an id kept from before a
change that hid its page finds nothing, so a stale list never shows a draft or a private page."""

import threading
from array import array
from functools import cached_property

from django.core.cache import cache
from django.db import connection

from .cache_generations import CacheGeneration

GENERATION = CacheGeneration("hub:listings:generation")
LIFETIME = 24 * 60 * 60  # seconds a list is kept when nothing changes

_kept = threading.local()  # this thread's copy: (generation, {key: ids})


def generation():
    return GENERATION.current()


def new_generation():
    GENERATION.renew()


def ordered_ids(queryset, name):
    """The primary keys of ``queryset``, in its order, as an ``array``; ``name`` says which
    list it is (the same name must always mean the same queryset)."""
    token = generation()
    kept_token, kept = getattr(_kept, "lists", (None, {}))
    if kept_token != token:
        kept = {}
        _kept.lists = (token, kept)
    # The database's name too: a cache shared by two databases (a staging copy, a benchmark's
    # temporary one) must not give one the other's lists.
    key = f"hub:listing:{token}:{connection.settings_dict['NAME']}:{name}"
    ids = kept.get(key)
    if ids is None:
        data = cache.get(key)
        if data is None:
            data = array("q", queryset.values_list("pk", flat=True)).tobytes()
            cache.set(key, data, LIFETIME)
        ids = array("q")
        ids.frombytes(data)
        kept[key] = ids
    return ids


class Listing:
    """``queryset``'s items for a paginator: counted and sliced through its kept ids."""

    def __init__(self, queryset, name):
        self.queryset = queryset
        self.name = name

    @cached_property
    def ids(self):
        return ordered_ids(self.queryset, self.name)

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, window):
        """The items of a slice of the ids (a paginator reads its pages by slice), read when
        first used: a page whose cards are kept (``hub.fragments``) never reads them."""
        return Window(self.queryset, list(self.ids[window]))


class Window:
    """The items of some ids, in their order, read from ``queryset`` on first use: an id whose
    page the queryset no longer holds (a change since the ids were kept) is left out."""

    def __init__(self, queryset, ids):
        self.queryset = queryset
        self.ids = ids

    @cached_property
    def items(self):
        found = {page.pk: page for page in self.queryset.filter(pk__in=self.ids)}
        return [found[pk] for pk in self.ids if pk in found]

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, index):
        return self.items[index]


def on_items_changed(sender, change, **kwargs):
    if change.pages:
        new_generation()


def connect():
    """Start a new generation after every change of what an index lists. Idempotent."""
    from .changes import items_changed, items_changing

    items_changing.connect(on_items_changed, dispatch_uid="listings-items-changing")
    items_changed.connect(on_items_changed, dispatch_uid="listings-items-changed")
