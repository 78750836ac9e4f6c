"""E-mail alerts of a search (``SearchAlert``, a subscription of ``hub.subscriptions``: double
opt-in, one-click unsubscription, sending, retention): asking, and the digests
``send_search_alerts`` sends, daily or weekly, of what the search's Atom feed shows as new since
the last digest (``search.feeds``: new items, items published again with a public change note,
the updates items announce). Only public live items, as in the feed. No e-mail when nothing is
new.

Once per period: a run claims each alert for the period with one conditional UPDATE (the row
still at the period it read), so that two runs at once, or two in a day, send one digest; a
digest that fails to leave gives its claim back, and the next run sends it."""

import logging
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hub import subscriptions
from hub.items import item_types
from hub.models import publication_log, with_new_notes

from .feeds import feed_entries, feed_query, search_in_words, to_second
from .links import feed_params
from .models import SearchAlert
from .requests import parse_params
from .service import HubSearch

logger = logging.getLogger(__name__)
Frequency = SearchAlert.Frequency


def parse_search(query_string, language):
    """``(query, None)`` for a search's parameters as a query string, in ``language``; ``(None,
    errors)`` by parameter name when one is not valid."""
    parsed = parse_params(QueryDict(query_string), default_locale=language)
    if parsed.errors:
        return None, parsed.errors
    return feed_query(parsed.query, language), None


def normalised(query):
    """The query string an alert keeps: the search's words and filters, in a stable order, so that
    the same search asked twice is one alert."""
    return urlencode(feed_params(query))


def search_url(query_string, language):
    """The search page of an alert's search, in ``language``."""
    with translation.override(language):
        path = reverse("search")
    return subscriptions.absolute(f"{path}?{query_string}" if query_string else path)


def ask(query, email, frequency, language):
    """``email`` asks for the digests of ``query``: a pending alert is made (or found) and the
    confirmation e-mail sent; nothing to an address that already has this alert."""
    alert = subscriptions.pending(SearchAlert, email, language, query_string=normalised(query))
    if alert is None:
        return
    if alert.frequency != frequency:
        alert.frequency = frequency
        alert.save(update_fields=["frequency"])
    confirm_url, _unsubscribe_url = subscriptions.subscription_urls(alert)
    with translation.override(language):
        context = {
            "search": search_in_words(query),
            "search_url": search_url(alert.query_string, language),
            "frequency": alert.get_frequency_display(),
            "confirm_url": confirm_url,
            "unconfirmed_days": settings.SEARCH_ALERTS_UNCONFIRMED_DAYS,
        }
        subject = _("Confirm: e-mail alerts of a search")
        subscriptions.send(alert, subject, render_to_string("search/emails/alert_confirm.txt", context))


def period_of(frequency, moment):
    """The period a digest covers, as ``last_sent_period`` keeps it: the day (``2026-12-05``) or
    the ISO week (``2026-W49``) of ``moment`` on the site's clock."""
    day = timezone.localtime(moment).date()
    if frequency == Frequency.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


@dataclass
class DigestLine:
    entry: object  # a search.feeds.FeedEntry
    type_label: str
    change: str  # what changed, in words


def digest_lines(query, since, until):
    """What a digest of ``query`` lists: the entries of its feed dated after ``since``
    and up to ``until`` (to the second, as the feed dates them), latest first, each with its
    type's name and what changed. Call in the alert's language."""
    entries = feed_entries(subscriptions.absolute, query, HubSearch().hits(query))
    entries = [entry for entry in entries if to_second(since) < entry.updated <= to_second(until)]
    notes = publication_log({entry.page_id for entry in entries if not entry.update})
    types = {item_type.key: str(item_type.label) for item_type in item_types()}
    return [DigestLine(entry, types.get(entry.item_type, ""), change(entry, notes)) for entry in entries]


def change(entry, notes):
    if entry.update:
        return entry.summary
    if entry.updated == entry.published:
        return _("New")
    latest = [note for _moment, note in with_new_notes(notes[entry.page_id]) if note]
    return _("Updated: %(note)s") % {"note": latest[-1]} if latest else _("Updated")


def claim(alert, period, until):
    """Whether this run may send ``alert``'s digest for ``period``: the row is moved to the period
    only if it is still where ``alert`` read it (no other run claimed it since)."""
    claimed = SearchAlert.objects.filter(
        pk=alert.pk, last_sent_period=alert.last_sent_period, last_sent_at=alert.last_sent_at
    ).update(last_sent_period=period, last_sent_at=until)
    return claimed == 1


def give_back(alert, period):
    SearchAlert.objects.filter(pk=alert.pk, last_sent_period=period).update(
        last_sent_period=alert.last_sent_period, last_sent_at=alert.last_sent_at
    )


def send_digest(alert, period, until):
    """The digest of one claimed alert: ``"sent"``, ``"empty"``, ``"failed"`` or ``"invalid"`` (its
    search no longer valid: a filter's value gone)."""
    since = alert.last_sent_at or alert.confirmed_at
    query, errors = parse_search(alert.query_string, alert.language)
    if errors:
        logger.warning("The search of %s is no longer valid: %s", alert, sorted(errors))
        return "invalid"
    _confirm_url, unsubscribe_url = subscriptions.subscription_urls(alert)
    with translation.override(alert.language):
        lines = digest_lines(query, since, until)
        if not lines:
            return "empty"
        words = search_in_words(query)
        context = {
            "lines": lines,
            "search": words,
            "search_url": search_url(alert.query_string, alert.language),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = _("New in your search: %(search)s") % {"search": " · ".join(map(str, words))}
        body = render_to_string("search/emails/alert_digest.txt", context)
    if subscriptions.send(alert, subject[:150], body, unsubscribe_url):
        return "sent"
    give_back(alert, period)
    return "failed"


def send_digests(frequency, now=None):
    """Every confirmed ``frequency`` alert not sent in the period of ``now``: its digest. Returns
    the period and how many alerts ended each way."""
    now = now or timezone.now()
    period = period_of(frequency, now)
    until = to_second(now)
    outcomes = Counter()
    due = SearchAlert.objects.filter(frequency=frequency, confirmed_at__isnull=False, confirmed_at__lte=now)
    for alert in due.exclude(last_sent_period=period).order_by("pk"):
        if claim(alert, period, until):
            outcomes[send_digest(alert, period, until)] += 1
    return period, outcomes


def delete_unconfirmed():
    """Retention: the alerts nobody confirmed within ``SEARCH_ALERTS_UNCONFIRMED_DAYS`` days."""
    deleted = subscriptions.delete_unconfirmed(SearchAlert, settings.SEARCH_ALERTS_UNCONFIRMED_DAYS)
    return f"Unconfirmed search alerts deleted: {deleted}."
