"""Registering for a session, cancelling, the waiting list and retention.

Places are counted and the registration written under the session's write lock
(``hub.write_locks.exclusive``): two people asking for the last place at the same moment are
served one after the other, so the second one reads the first one's registration and goes on the
waiting list. A cancellation frees its place under the same lock and gives it to the first person
waiting. E-mails leave once the transaction has committed."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from hub.write_locks import exclusive

from . import emails
from .contact import contactable_registrations
from .models import DialoguePage, Registration, RegistrationMode, RegistrationStatus, Session, SessionStatus

logger = logging.getLogger(__name__)

# A session in one of these states still takes registrations, until it starts.
OPEN_STATUSES = {
    SessionStatus.SCHEDULED,
    SessionStatus.RESCHEDULED,
    SessionStatus.POSTPONED,
    SessionStatus.MOVED_ONLINE,
}


def lock_name(session_key):
    return f"dialogue-registration:{session_key}"


def find_session(page, session_key):
    """The ``ScheduledSession`` of ``page`` whose key is ``session_key``, or None."""
    return next((scheduled for scheduled in page.schedule() if str(scheduled.key) == str(session_key)), None)


def takes_registrations(scheduled):
    return scheduled is not None and scheduled.facts.registration == RegistrationMode.HUB


def is_open(scheduled):
    """Registration on the hub, not cancelled nor held, not started yet."""
    facts = scheduled.facts
    return (
        takes_registrations(scheduled) and facts.status in OPEN_STATUSES and facts.starts_at > timezone.now()
    )


def confirmed_count(session_key):
    return Registration.objects.filter(session_key=session_key, status=RegistrationStatus.CONFIRMED).count()


def places_left(scheduled):
    return max(0, (scheduled.facts.capacity or 0) - confirmed_count(scheduled.key))


def places_left_on_page(page, scheduled):
    """``places_left`` for a session of a page that lists several: the confirmed registrations
    of all its sessions are counted once and kept on the page object."""
    counts = getattr(page, "_confirmed_counts", None)
    if counts is None:
        keys = [session.key for session in page.schedule()]
        rows = (
            Registration.objects.filter(session_key__in=keys, status=RegistrationStatus.CONFIRMED)
            .values_list("session_key")
            .annotate(count=Count("pk"))
        )
        counts = page._confirmed_counts = dict(rows)
    return max(0, (scheduled.facts.capacity or 0) - counts.get(scheduled.key, 0))


def register(page, scheduled, fields, request):
    """A new registration for ``scheduled`` (a session of ``page``, open): confirmed while places
    are left, on the waiting list after. ``fields`` are the form's cleaned data."""
    with exclusive(lock_name(scheduled.key)):
        full = confirmed_count(scheduled.key) >= (scheduled.facts.capacity or 0)
        registration = Registration.objects.create(
            session_key=scheduled.key,
            dialogue=page.original_version(),
            language=page.locale.language_code,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            **fields,
        )
        transaction.on_commit(lambda: emails.send_status(registration, page, scheduled, request))
    return registration


def cancel(registration, request):
    """Cancel ``registration``; when it held a place, the first people waiting take the places
    left and are told by e-mail. False when it was already cancelled."""
    with exclusive(lock_name(registration.session_key)):
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return False
        held_a_place = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "changed_at"])
        if held_a_place:
            promote_waiting(registration.dialogue, registration.session_key, request)
    return True


def promote_on_more_places(sender, instance, raw=False, **kwargs):
    """Before a session is written (by any road that publishes it): when its capacity rises, the
    people waiting longest take the new places once the publication has committed."""
    if raw or instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("capacity", flat=True).first()
    if (instance.capacity or 0) > (before or 0):
        key, dialogue_id = instance.translation_key, instance.dialogue_id
        transaction.on_commit(lambda: promote_after_publication(dialogue_id, key))


def promote_after_publication(dialogue_id, session_key):
    dialogue = DialoguePage.objects.filter(pk=dialogue_id).first()
    if dialogue is not None:
        with exclusive(lock_name(session_key)):
            promote_waiting(dialogue.original_version(), session_key, None)


def promote_waiting(dialogue, session_key, request):
    """Confirm the people waiting longest, as many as there are places left (under the lock)."""
    scheduled = find_session(dialogue, session_key)
    if scheduled is None or not is_open(scheduled):
        return
    left = places_left(scheduled)
    waiting = Registration.objects.filter(session_key=session_key, status=RegistrationStatus.WAITING)
    for promoted in list(waiting.order_by("created_at", "pk")[:left]):
        promoted.status = RegistrationStatus.CONFIRMED
        promoted.save(update_fields=["status", "changed_at"])
        page = version_for(dialogue, promoted.language)
        words = find_session(page, session_key) or scheduled
        transaction.on_commit(
            lambda promoted=promoted, page=page, words=words: emails.send_status(
                promoted, page, words, request, promoted_from_waiting=True
            )
        )


def version_for(dialogue, language):
    """The live version of ``dialogue`` in ``language``, or ``dialogue`` itself."""
    return (
        DialoguePage.objects.live()
        .filter(translation_key=dialogue.translation_key, locale__language_code=language)
        .first()
        or dialogue
    )


def apply_retention(now=None):
    """Apply the retention of registrations to sessions that ended more than
    ``DIALOGUE_REGISTRATION_RETENTION_DAYS`` ago (counted from the latest end any version of the
    session states; a registration whose session was removed counts from when it was made).

    Such a registration is deleted, unless the person agreed to be told what came of the dialogue
    (``dialogues.contact``): then only what that needs is kept (the address, the language, the
    dialogue) and the rest erased, until ``DIALOGUE_CONTACT_RETENTION_DAYS`` after the session or
    until they withdraw. Returns ``(deleted, reduced)``."""
    now = now or timezone.now()
    deleted = _past(now, settings.DIALOGUE_REGISTRATION_RETENTION_DAYS)
    kept_for_contact = contactable_registrations(deleted).exclude(
        pk__in=_past(now, settings.DIALOGUE_CONTACT_RETENTION_DAYS).values("pk")
    )
    reduced = (
        Registration.objects.filter(pk__in=kept_for_contact.values("pk"))
        .exclude(name="", phone="", accommodations=[], accommodations_details="")
        .update(name="", phone="", accommodations=[], accommodations_details="")
    )
    removed, _by_model = deleted.exclude(pk__in=kept_for_contact.values("pk")).delete()
    return removed, reduced


def _past(now, days):
    """The registrations whose session ended more than ``days`` ago."""
    cutoff = now - datetime.timedelta(days=days)
    still_needed = Session.objects.filter(ends_at__gte=cutoff).values("translation_key")
    return Registration.objects.filter(created_at__lt=cutoff).exclude(session_key__in=still_needed)


def retention_report():
    """``hub.retention``'s task: delete what is past its time, and say how much."""
    deleted, reduced = apply_retention()
    lines = []
    if deleted:
        lines.append(f"Deleted {deleted} dialogue registrations past their retention.")
    if reduced:
        lines.append(
            f"Reduced {reduced} dialogue registrations past their retention to the address their "
            "person agreed to be told at."
        )
    return "\n".join(lines) or "No dialogue registration past its retention."
