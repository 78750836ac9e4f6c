"""Withdrawing a testimony: one transaction takes it off every public surface and records why."""

import posixpath
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction

from hub.changes import announce

from .models import CaseFilePage, Testimony

WITHDRAW_ACTION = "impacts.testimony.withdraw"
WITHDRAWN_COLLECTION_NAME = "Withdrawn testimonies"
RETENTION_REASON = "Retention date passed"


def withdrawn_collection():
    """A collection only administrators may open: Wagtail's document view refuses everyone else."""
    collection = Collection.objects.filter(name=WITHDRAWN_COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=WITHDRAWN_COLLECTION_NAME)
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    if restriction.restriction_type != CollectionViewRestriction.GROUPS or restriction.groups.exists():
        restriction.restriction_type = CollectionViewRestriction.GROUPS
        restriction.save()
        restriction.groups.clear()
    return collection


def _move_file_out_of_reach(field_file):
    """Store the file under a new unguessable name and delete the old one, so an address copied
    while the testimony was public stops working."""
    if not field_file:
        return
    storage = field_file.storage
    old_name = field_file.name
    extension = posixpath.splitext(old_name)[1]
    with storage.open(old_name, "rb") as handle:
        # A new base name too: renditions are named after it.
        new_name = storage.save(posixpath.join("withdrawn", f"{uuid.uuid4().hex}{extension}"), handle)
    field_file.name = new_name
    storage.delete(old_name)


def _hide_attachments(testimony):
    collection = withdrawn_collection()
    if testimony.image is not None:
        image = testimony.image
        for rendition in image.renditions.all():
            # Deleted now, not when Wagtail's clean-up task runs after the commit.
            rendition.file.storage.delete(rendition.file.name)
            rendition.delete()
        _move_file_out_of_reach(image.file)
        image.collection = collection
        image.save()
    if testimony.document is not None:
        document = testimony.document
        _move_file_out_of_reach(document.file)
        document.collection = collection
        document.save()


def casefile_ids_showing(testimony):
    return set(
        CaseFilePage.objects.filter(testimony_links__testimony=testimony).values_list("public_id", flat=True)
    )


def on_testimony_change(sender, instance, **kwargs):
    """Edited words, consent, links or a withdrawal change what the case files showing it say; any
    of them may take back what was public."""
    announce(casefile_ids_showing(instance), removal=True)


@transaction.atomic
def withdraw_testimony(testimony, reason, user=None):
    """Withdraw ``testimony`` for ``reason``; returns False if it already was (nothing changes)."""
    testimony = Testimony.objects.select_for_update().get(pk=testimony.pk)
    if testimony.is_withdrawn:
        return False
    reason = reason.strip()
    if not reason:
        raise ValueError(_("Give the reason for the withdrawal."))
    testimony.withdrawn_at = timezone.now()
    testimony.withdrawn_by = user if user is not None and user.is_authenticated else None
    testimony.withdrawal_reason = reason
    testimony.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason", "updated_at"])
    _hide_attachments(testimony)
    log(instance=testimony, action=WITHDRAW_ACTION, user=testimony.withdrawn_by, data={"reason": reason})
    return True


def retention_report():
    """``hub.retention``'s task: withdraw what is past its date, and say which."""
    withdrawn = apply_retention()
    if withdrawn:
        return f"Withdrew {len(withdrawn)} testimonies: {', '.join(withdrawn)}"
    return "No testimony past its retention date."


def apply_retention(today=None):
    """Withdraw every testimony kept past its retention date; returns the references withdrawn."""
    today = today or timezone.localdate()
    withdrawn = []
    expired = Testimony.objects.filter(withdrawn_at__isnull=True, retention_until__lt=today).order_by("pk")
    for testimony in expired:
        if withdraw_testimony(testimony, RETENTION_REASON):
            withdrawn.append(testimony.reference)
    return withdrawn
