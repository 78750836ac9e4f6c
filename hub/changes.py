"""One announcement for every change the public outlets show: ``items_changed``.

Whatever the road (admin, API, workflow, scheduled publishing, command, ORM script), the
changes made in one transaction are gathered here as they happen and announced ONCE, after the
transaction commits, as a ``Change``: the public ids of the items whose public record may differ,
what else changed, and whether something public may have been taken back (``removal``), which the
outlets that coalesce their work must not keep showing. A rolled back transaction announces nothing. The search index, open data
and the sitemap cache subscribe; none of them listens to page or model signals of its own.

Feature apps announce what only they know through ``announce`` (a testimony's consent or words
change the case files that show it)."""

import logging
import threading
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .items import item_types, type_of, type_of_index
from .models import GlossaryTerm, Organization, Region, Risk, Service

logger = logging.getLogger(__name__)

items_changed = Signal()  # sent with change=Change(...), once per committed transaction
# Sent with each part of a change as it is announced, inside its transaction: for caches that
# must not answer the writer's own next request from before the change (a test's requests run
# inside a transaction that never commits). Anything that reads the database waits for
# ``items_changed``.
items_changing = Signal()


@dataclass(frozen=True)
class Change:
    public_ids: frozenset = frozenset()  # items whose public record may differ (deleted ones too)
    pages: bool = False  # a page's publication, place, privacy or existence (addresses, sitemap)
    vocabulary: bool = False  # a taxonomy term or an organization (labels, data dictionary)
    glossary: bool = False  # a glossary term (its public page, the sitemap)
    # A page that is not an item published or taken back, any page moved or deleted, any privacy
    # change: the site's sections, home pages and breadcrumbs may differ (an item's publication,
    # the frequent change, leaves them as they are).
    structure: bool = False
    # Something public may have been taken back: a page unpublished, deleted, moved or made
    # private, a testimony withdrawn or its consent narrowed.
    removal: bool = False

    def __or__(self, other):
        return Change(
            self.public_ids | other.public_ids,
            self.pages or other.pages,
            self.vocabulary or other.vocabulary,
            self.glossary or other.glossary,
            self.structure or other.structure,
            self.removal or other.removal,
        )


_pending = threading.local()  # what this thread changed since its last announcement


def announce(public_ids=(), *, pages=False, vocabulary=False, glossary=False, structure=False, removal=False):
    """Add to what this transaction changed; announced once it commits (at once outside one).

    Every call queues a callback; the first one to run after the commit announces everything
    gathered and the others find nothing left. (A callback is never reused across calls: a test's
    ``django_capture_on_commit_callbacks`` runs only those queued inside it.)"""
    public_ids = {public_id for public_id in public_ids if public_id}
    change = Change(
        frozenset(public_ids | showing(public_ids)), pages, vocabulary, glossary, structure, removal
    )
    gathered = getattr(_pending, "change", None)
    _pending.change = change if gathered is None else gathered | change
    items_changing.send(sender=Change, change=change)
    transaction.on_commit(send_pending)


def showing(public_ids):
    """The items whose public record shows one of ``public_ids``, as each type declares
    (``ItemPage.public_ids_showing``); read before the change's rows may go (a deletion)."""
    if not public_ids:
        return set()
    return set().union(*(item_type.model.public_ids_showing(public_ids) for item_type in item_types()))


def send_pending():
    change = getattr(_pending, "change", None)
    if change is None:
        return
    _pending.change = None
    for receiver, error in items_changed.send_robust(sender=Change, change=change):
        if isinstance(error, Exception):
            logger.error("A receiver of items_changed failed: %r", receiver, exc_info=error)


def item_ids_under(page, include_whole_types=True):
    """Public ids of the items in ``page``'s subtree and, unless told otherwise, of every item of
    a type whose index is in it: their addresses in the other language hang off that index."""
    ids = set()
    for item_type in item_types():
        model = item_type.model
        whole_type = (
            include_whole_types and item_type.index.objects.filter(path__startswith=page.path).exists()
        )
        pages = model.objects.all() if whole_type else model.objects.filter(path__startswith=page.path)
        ids.update(pages.values_list("public_id", flat=True))
    return ids


def ids_of_page(page):
    """What a change to ``page`` itself touches: its own id, or every item of the type it lists."""
    item_type = type_of(page)
    if item_type is not None:
        public_id = getattr(page, "public_id", None)
        if public_id is None:
            public_id = item_type.model.objects.filter(pk=page.pk).values_list("public_id", flat=True).first()
        return {public_id}
    listed = type_of_index(page)
    if listed is not None:
        return set(listed.model.objects.values_list("public_id", flat=True))
    return set()


def on_publication(sender, instance, **kwargs):
    announce(ids_of_page(instance), pages=True, structure=type_of(instance) is None)


def on_unpublication(sender, instance, **kwargs):
    announce(ids_of_page(instance), pages=True, structure=type_of(instance) is None, removal=True)


def on_move(sender, instance, **kwargs):
    """A move can take a page under a private one."""
    announce(item_ids_under(instance), pages=True, structure=True, removal=True)


def on_delete(sender, instance, **kwargs):
    announce(ids_of_page(instance), pages=True, structure=True, removal=True)


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    ids = item_ids_under(page, include_whole_types=False) if page else ()
    announce(ids, pages=True, structure=True, removal=True)


def on_vocabulary_change(sender, instance, **kwargs):
    """A renamed term or organization changes its label and the items that mention it."""
    ids = set()
    for item_type in item_types():
        model = item_type.model
        for model_field in model._meta.get_fields():
            if (
                model_field.is_relation
                and model_field.related_model is sender
                and not model_field.auto_created
            ):
                pages = model.objects.filter(**{model_field.name: instance})
                ids.update(pages.values_list("public_id", flat=True))
    announce(ids, vocabulary=True)


def on_glossary_change(sender, instance, **kwargs):
    announce(glossary=True)


def connect():
    """Listen to every road a public change takes. Idempotent."""
    page_published.connect(on_publication, dispatch_uid="changes-page-published")
    page_unpublished.connect(on_unpublication, dispatch_uid="changes-page-unpublished")
    post_page_move.connect(on_move, dispatch_uid="changes-page-moved")
    # Before the rows go: a deleted subtree's items are still there to be read.
    pre_delete.connect(on_delete, sender=Page, dispatch_uid="changes-page-deleted")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_restriction_change, sender=PageViewRestriction, dispatch_uid=f"changes-restriction-{name}"
        )
        signal.connect(on_glossary_change, sender=GlossaryTerm, dispatch_uid=f"changes-glossary-{name}")
    for model in (Service, Region, Risk, Organization):
        post_save.connect(
            on_vocabulary_change, sender=model, dispatch_uid=f"changes-term-{model._meta.label}"
        )
