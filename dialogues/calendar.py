"""Sessions as iCalendar events (RFC 5545), made with the ``icalendar`` library: one calendar for a
session (the confirmation e-mail's attachment), a dialogue or any search of dialogues.

A session's UID is its ``translation_key``: the same in both languages and across every edit, so a
calendar that subscribed updates the event (``SEQUENCE``, ``LAST-MODIFIED``) instead of adding a
second one. Times are written in Québec's zone with its VTIMEZONE (``hub.calendars.calendar_of``
makes the calendar around the events)."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from hub.calendars import calendar_host, calendar_of

from .models import SessionStatus
from .outlets import public_online_url

ZONE = ZoneInfo("America/Montreal")
STATUSES = {
    SessionStatus.CANCELLED: "CANCELLED",
    SessionStatus.POSTPONED: "TENTATIVE",
}


def session_uid(scheduled, host):
    return f"{scheduled.key}@{host}"


def location_of(scheduled):
    """Where, in words: the venue's name and address, "Online", or both."""
    facts = scheduled.facts
    parts = []
    if facts.venue_id and facts.status != SessionStatus.MOVED_ONLINE:
        venue = scheduled.venue
        parts.append(f"{venue.name}, {venue.street_address}, {venue.municipality}")
    if facts.is_online:
        parts.append(_("Online"))
    return " · ".join(parts)


def event_of(scheduled, page, url, host):
    """The event of one session (a ``ScheduledSession`` of ``page``), linking back to ``url``, the
    dialogue's page: calendar applications ignore ``URL``, so the description repeats it."""
    facts, words = scheduled.facts, scheduled.words
    event = Event()
    event.add("uid", session_uid(scheduled, host))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", facts.starts_at.astimezone(ZONE))
    event.add("dtend", facts.ends_at.astimezone(ZONE))
    event.add("summary", f"{page.title} · {words.title}" if words.title else page.title)
    description = [page.summary]
    if words.status_note:
        description.append(words.status_note)
    online_url = public_online_url(facts)
    if online_url:
        description.append(online_url)
    description.append(url)
    event.add("description", "\n\n".join(description))
    event.add("url", url)
    location = location_of(scheduled)
    if location:
        event.add("location", location)
    event.add("status", STATUSES.get(facts.status, "CONFIRMED"))
    event.add("sequence", facts.sequence)
    event.add("last-modified", facts.changed_at or page.last_published_at or timezone.now())
    return event


def dialogue_events(page, url, host=None):
    """The events of every session of ``page`` (cancelled ones too, ``STATUS:CANCELLED``)."""
    host = host or calendar_host()
    return [event_of(scheduled, page, url, host) for scheduled in page.shown_schedule]


def dialogue_calendar(page, url):
    """The ``.ics`` file of one dialogue, named by its title."""
    return calendar_of(dialogue_events(page, url), page.title)
