"""Keeps the index in step with the pages: publish, unpublish, delete, move, privacy changes and
taxonomy edits each re-index the items they touch, after the transaction commits. A write that
fails is recorded, never raised into the editor's request; ``search_index sync`` catches up."""

import logging

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from hub.models import Organization, Region, Risk, Service
from hub.write_locks import exclusive

from .backends import get_backend
from .documents import INDEX_TYPES, ITEM_TYPES, PageUrls, documents_for_versions, item_model, publishable

logger = logging.getLogger(__name__)
PREFIX_TYPES = {"CF": "casefile", "BR": "brief", "AC": "agreement"}


def reindex(public_ids, backend=None):
    """Rebuild the documents of these items from the database, or drop them if nothing public remains.

    Under the index lock from reading the pages to writing the documents: two updates of one
    item (two publications in a row) then write in the order they read, never the older last.
    A backend's failure is raised once the lock's transaction has kept what was written (a
    mirrored backend's fallback stays current while its primary is down)."""
    public_ids = {public_id for public_id in public_ids if public_id}
    if not public_ids:
        return
    backend = backend or get_backend()
    failure = None
    with exclusive("search_index"):
        documents = current_documents(public_ids)
        try:
            backend.replace(public_ids, documents)
        except Exception as error:
            failure = error
    if failure is not None:
        raise failure


def current_documents(public_ids):
    """The documents of these items as the database has them now."""
    page_urls = PageUrls.load()
    by_type = {}
    for public_id in public_ids:
        by_type.setdefault(PREFIX_TYPES.get(public_id[:2]), set()).add(public_id)
    documents = []
    for item_type, ids in by_type.items():
        if item_type is None:
            continue
        versions_by_id = {}
        for page in publishable(item_model(item_type)).filter(public_id__in=ids).select_related("locale"):
            versions_by_id.setdefault(page.public_id, []).append(page)
        for versions in versions_by_id.values():
            documents.extend(documents_for_versions(versions, page_urls))
    return documents


def reindex_after_commit(public_ids):
    public_ids = set(public_ids)
    if public_ids:
        transaction.on_commit(lambda: _reindex_or_record(public_ids))


def _reindex_or_record(public_ids):
    from .models import PendingIndexUpdate

    try:
        reindex(public_ids)
    except Exception:
        logger.exception(
            "Search index update failed for %s; recorded for `search_index sync`.", sorted(public_ids)
        )
        for public_id in public_ids:
            PendingIndexUpdate.objects.get_or_create(public_id=public_id)


def item_ids_under(page, include_whole_types=True):
    """Public ids of items in ``page``'s subtree, and of every item of a type whose index is in
    it: their addresses in the other language hang off that index."""
    ids = set()
    for item_type, index_label in INDEX_TYPES.items():
        model = item_model(item_type)
        whole_type = include_whole_types and (
            apps.get_model(index_label).objects.filter(path__startswith=page.path).exists()
        )
        queryset = model.objects.all() if whole_type else model.objects.filter(path__startswith=page.path)
        ids.update(queryset.values_list("public_id", flat=True))
    return ids


def on_publish_change(sender, instance, **kwargs):
    if hasattr(instance, "public_id"):
        reindex_after_commit({instance.public_id})
    elif instance.specific_class and instance.specific_class._meta.label in INDEX_TYPES.values():
        reindex_after_commit(item_ids_under(instance))


def on_page_delete(sender, instance, **kwargs):
    from .models import IndexedItem

    public_ids = set(IndexedItem.objects.filter(page_id=instance.pk).values_list("public_id", flat=True))
    if getattr(instance, "public_id", None):
        public_ids.add(instance.public_id)
    reindex_after_commit(public_ids)


def on_page_move(sender, instance, **kwargs):
    reindex_after_commit(item_ids_under(instance))


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_after_commit(item_ids_under(page, include_whole_types=False))


def on_term_change(sender, instance, **kwargs):
    """A renamed term or organization changes the documents that mention it."""
    ids = set()
    for item_type in ITEM_TYPES:
        model = item_model(item_type)
        for field_name in ("services", "regions", "risks", "agency", "vendor"):
            field = next((f for f in model._meta.get_fields() if f.name == field_name), None)
            if field is not None and field.related_model is sender:
                ids.update(model.objects.filter(**{field_name: instance}).values_list("public_id", flat=True))
    reindex_after_commit(ids)


def on_testimony_change(sender, instance, **kwargs):
    """Edited words, consent or links change what the case files showing the testimony say."""
    reindex_after_commit(
        item_model("casefile")
        .objects.filter(testimony_links__testimony=instance)
        .values_list("public_id", flat=True)
    )


def connect():
    page_published.connect(on_publish_change, dispatch_uid="search-page-published")
    page_unpublished.connect(on_publish_change, dispatch_uid="search-page-unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="search-page-moved")
    pre_delete.connect(on_page_delete, sender=Page, dispatch_uid="search-page-deleted")
    for model_label in ITEM_TYPES.values():
        post_delete.connect(
            on_page_delete, sender=model_label, dispatch_uid=f"search-item-deleted-{model_label}"
        )
    post_save.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restriction-saved"
    )
    post_delete.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted"
    )
    post_save.connect(on_testimony_change, sender="impacts.Testimony", dispatch_uid="search-testimony-saved")
    for model in (Service, Region, Risk, Organization):
        post_save.connect(on_term_change, sender=model, dispatch_uid=f"search-term-{model._meta.label}")
