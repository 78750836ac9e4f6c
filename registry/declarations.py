"""A declared record changes its entry: announce the entry (``hub.changes``) when one is
published, unpublished or deleted, whatever the road."""

from django.db.models.signals import post_delete
from wagtail.signals import published, unpublished

from hub.changes import announce

from .models import DeclaredRecord


def on_declaration_change(sender, instance, **kwargs):
    system = instance.system if instance.system_id else None
    if system is not None:
        announce({system.public_id}, pages=True, removal=True)


def connect():
    for signal, name in ((published, "published"), (unpublished, "unpublished"), (post_delete, "deleted")):
        signal.connect(on_declaration_change, sender=DeclaredRecord, dispatch_uid=f"registry-declared-{name}")
