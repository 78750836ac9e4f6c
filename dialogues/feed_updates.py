"""A dialogue's news in the search's Atom feeds: a session added, changed (time, place, format or
status: what raises its ``sequence``, ``schedule_changes``) or cancelled after the dialogue was
first published. Each change is an entry of its own, named by the session's key and sequence, so
a feed reader shows it as new; its summary says what the session now is."""

from django.utils import formats
from django.utils.translation import gettext as _

from hub.items import FeedUpdate

from .calendar import location_of
from .models import SessionStatus


def session_updates(page):
    published = page.original_version().first_published_at
    if published is None:
        return []
    updates = []
    for scheduled in page.shown_schedule:
        facts = scheduled.facts
        if facts.changed_at is None or facts.changed_at <= published:
            continue
        updates.append(
            FeedUpdate(
                key=f"session-{scheduled.key}-{facts.sequence}",
                moment=facts.changed_at,
                title=f"{page.title} · {what_happened(facts)}",
                summary=now_is(scheduled),
            )
        )
    return updates


def what_happened(facts):
    if facts.status == SessionStatus.CANCELLED:
        return _("Session cancelled")
    if facts.sequence == 0:
        return _("New session")
    return _("Session changed")


def now_is(scheduled):
    """The session as it now is: when, its status, where; its public note."""
    parts = [
        formats.date_format(scheduled.starts_at, "DATETIME_FORMAT"),
        str(scheduled.facts.get_status_display()),
        location_of(scheduled),
    ]
    text = " · ".join(part for part in parts if part)
    return f"{text}. {scheduled.words.status_note}" if scheduled.words.status_note else text
