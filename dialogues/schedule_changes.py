"""A session's iCalendar ``SEQUENCE`` and ``LAST-MODIFIED``: raised when a publication changes
what a calendar holds of it (its time, end, venue, format or status), and only then: a typo fixed
in a title or a note must not make every subscribed calendar announce a change.

A session's row holds the live version's values: Wagtail writes a page's sessions only when it
saves the page itself (creation, publication by any road: the admin, a workflow's approval, a
scheduled publication, ``revision.publish()``), a draft lives in its revision. So the row about
to be overwritten is the previously published version, whatever road publishes, and the numbers
come from it, never from the revision being published: a revision drafted before the last
publication carries the numbers of its day."""

from django.db.models.signals import pre_save
from django.utils import timezone

# What a calendar holds of a session: a change to any of these is news for its subscribers.
CALENDAR_FIELDS = ("starts_at", "ends_at", "venue_id", "format", "status")


def changed_fields(before, after):
    """The ``CALENDAR_FIELDS`` whose value differs between two versions of a session."""
    return [name for name in CALENDAR_FIELDS if getattr(before, name) != getattr(after, name)]


def number_the_change(sender, instance, raw=False, **kwargs):
    """Before a session is written: keep its numbers, raising ``sequence`` and dating
    ``changed_at`` when a calendar field changed. A new session is dated when first written."""
    if raw:  # loading a fixture or a backup: the numbers are as saved
        return
    before = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    if before is None:
        instance.sequence = 0
        instance.changed_at = timezone.now()
        return
    instance.sequence, instance.changed_at = before.sequence, before.changed_at
    if changed_fields(before, instance):
        instance.sequence += 1
        instance.changed_at = timezone.now()


def connect():
    from .models import Session

    pre_save.connect(number_the_change, sender=Session, dispatch_uid="dialogues-session-sequence")
