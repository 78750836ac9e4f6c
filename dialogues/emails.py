"""The e-mails a registered person receives, in the language they registered in: the
confirmation (with the online link and an ``.ics`` of the session), the waiting list, and the
place that opened up. Plain text only: nothing a person typed is ever read as markup.

Sent through Django's e-mail backend (the console in development, SMTP in production). A failure
is logged with the registration's reference only: a mail server's error names the recipient."""

import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from hub.calendars import calendar_host

from .calendar import calendar_of, event_of
from .models import RegistrationStatus

logger = logging.getLogger(__name__)


def absolute(request, path):
    """``path`` as a full address: the request's host, or the hub's address
    (``WAGTAILADMIN_BASE_URL``) when no request is at hand (a publication's promotions)."""
    return request.build_absolute_uri(path) if request else urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def session_calendar(scheduled, page, request, online_url):
    """The ``.ics`` of one session; for a registered person, the online link as RFC 7986's
    ``CONFERENCE``, which calendar applications offer as "Join". Its UID is the calendars' own
    (``calendar_host``), so that the event a person imports is the one a feed later updates."""
    url = absolute(request, page.get_url(request))
    event = event_of(scheduled, page, url, calendar_host())
    if online_url:
        event.add("conference", online_url, parameters={"value": "URI"})
    return calendar_of([event], page.title)


def send_status(registration, page, scheduled, request, promoted_from_waiting=False):
    """Tell the person where they stand: confirmed (with the calendar) or waiting. Nothing is
    sent to a person who gave only a phone number: the organizers call them."""
    if not registration.email:
        return
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    with translation.override(registration.language):
        status_url, cancel_url = (
            absolute(request, path) for path in page.person_paths(request, registration)
        )
        online_url = scheduled.facts.online_url if confirmed and scheduled.facts.is_online else ""
        context = {
            "registration": registration,
            "page": page,
            "session": scheduled,
            "page_url": absolute(request, page.get_url(request)),
            "status_url": status_url,
            "cancel_url": cancel_url,
            "online_url": online_url,
            "promoted": promoted_from_waiting,
            "retention_days": settings.DIALOGUE_REGISTRATION_RETENTION_DAYS,
            "contact_days": settings.DIALOGUE_CONTACT_RETENTION_DAYS,
        }
        if confirmed:
            subject = _("Your place is confirmed: %(title)s") % {"title": page.title}
        else:
            subject = _("You are on the waiting list: %(title)s") % {"title": page.title}
        body = render_to_string("dialogues/emails/registration_status.txt", context)
        message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[registration.email])
        if confirmed:
            message.attach(
                "session.ics", session_calendar(scheduled, page, request, online_url), "text/calendar"
            )
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 (the registration stands; the organizers see it)
        logger.error(
            "The e-mail to registration %s was not sent: %s", registration.reference, type(error).__name__
        )
