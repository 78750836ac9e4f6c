"""The "Add to calendar" links of a session: the ``.ics`` file of its dialogue (any calendar
application), and Google Calendar's and Outlook's own forms filled in, for people who use those
on the web. Plain links: nothing needs JavaScript."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..calendar import location_of

register = template.Library()

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


@register.simple_tag(takes_context=True)
def calendar_links(context, page, session):
    """``{"ics", "google", "outlook"}`` for ``session`` (a ``ScheduledSession`` of ``page``)."""
    request = context["request"]
    page_url = request.build_absolute_uri(page.url)
    title = f"{page.title} · {session.words.title}" if session.words.title else page.title
    details = f"{page.summary}\n\n{page_url}"
    location = location_of(session)
    starts, ends = session.facts.starts_at, session.facts.ends_at
    google = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{starts:%Y%m%dT%H%M%SZ}/{ends:%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": location,
        "ctz": "America/Montreal",
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": starts.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "enddt": ends.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "body": details,
        "location": location,
    }
    return {
        "ics": reverse("dialogue-ics", kwargs={"public_id": page.public_id}),
        "google": f"{GOOGLE}?{urlencode(google)}",
        "outlook": f"{OUTLOOK}?{urlencode(outlook)}",
    }
