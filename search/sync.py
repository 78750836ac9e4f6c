"""Keeps the index in step with the pages: every change ``hub.changes`` announces after a commit
(publish, unpublish, delete, move, privacy, taxonomy and testimony edits) re-indexes the items it
touches. A write that fails is recorded, never raised into the editor's request; ``search_index
sync`` catches up."""

import logging

from hub.changes import items_changed
from hub.item_urls import PageUrls
from hub.items import type_for_public_id
from hub.write_locks import exclusive

from .backends import get_backend
from .documents import documents_for_versions
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


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
        by_type.setdefault(type_for_public_id(public_id), set()).add(public_id)
    documents = []
    for item_type, ids in by_type.items():
        if item_type is None:
            continue
        versions_by_id = {}
        for page in item_type.model.objects.public().filter(public_id__in=ids).select_related("locale"):
            versions_by_id.setdefault(page.public_id, []).append(page)
        for versions in versions_by_id.values():
            documents.extend(documents_for_versions(versions, page_urls))
    return documents


def on_items_changed(sender, change, **kwargs):
    """The items a committed transaction changed (``hub.changes``): their documents now, or a
    record for ``search_index sync`` if the backend fails."""
    try:
        reindex(change.public_ids)
    except Exception:
        logger.exception(
            "Search index update failed for %s; recorded for `search_index sync`.", sorted(change.public_ids)
        )
        for public_id in change.public_ids:
            PendingIndexUpdate.objects.get_or_create(public_id=public_id)


def connect():
    items_changed.connect(on_items_changed, dispatch_uid="search-items-changed")
