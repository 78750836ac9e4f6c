"""iCalendar files (RFC 5545), made with the ``icalendar`` library and never by hand: a whole
calendar around the events an item page gives (``ItemPage.calendar_events``), for one item or for
everything a search finds, without this module or the search knowing what the items are.

The time zones the events name are described by a VTIMEZONE covering only the years the events
span (a year either side), not every transition since 1970: a feed stays small and a calendar
application still places every event at the right hour."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, vDuration

PRODID = "-//Vigie IA//Calendars//FR"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# RFC 7986 REFRESH-INTERVAL: how often a subscribed calendar should look again.
REFRESH_INTERVAL = datetime.timedelta(hours=12)


def calendar_host():
    """The host in every UID: the hub's own address, the same whatever host a request named."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def calendar_of(events, name):
    """A whole calendar: its name (RFC 7986 ``NAME`` and the common ``X-WR-CALNAME``), the events
    and the VTIMEZONEs they need, as bytes with CRLF line ends and folded lines."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    for event in events:
        calendar.add_component(event)
    days = [day_of(event.decoded(name)) for event in events for name in ("dtstart", "dtend") if name in event]
    if days:
        year = datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=min(days) - year, last_date=max(days) + year)
    return calendar.to_ical()


def day_of(moment):
    return moment.date() if isinstance(moment, datetime.datetime) else moment
