"""Which dialogues a reader finds, in which order, and what each card says about its next session.

The index lists the upcoming dialogues first, soonest first, then the past ones, latest first;
a kiosk placed at a venue lists that venue's upcoming dialogues first, then those of its region.
Time decides the order (a dialogue becomes past when its last session ends), so the order is
asked of the database on each request, in one query, not kept like other indexes' lists. Facts
(times, places) come from the sessions of the original version (``DialoguePage.schedule``)."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Exists, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale

from .models import DialoguePage, ScheduledSession, Session, SessionStatus, Venue

# The groups of the index, in their order.
AT_VENUE, IN_REGION, UPCOMING, PAST = range(4)


def original_pk():
    """The pk of the live version a dialogue was first written in (``original_version``)."""
    return Subquery(
        DialoguePage.objects.live()
        .filter(translation_key=OuterRef("translation_key"))
        .order_by("pk")
        .values("pk")[:1]
    )


def _sessions(**filters):
    return Session.objects.filter(dialogue_id=OuterRef("original_pk"), **filters)


def ordered(pages, venue=None, now=None):
    """``pages`` (public dialogues, one per item) annotated with ``group`` and ``next_start`` and
    put in the index's order; ``venue`` (a ``Venue``) puts its dialogues and its region's first."""
    now = now or timezone.now()
    upcoming = _sessions(ends_at__gt=now)
    held = upcoming.exclude(status=SessionStatus.CANCELLED)
    pages = pages.annotate(original_pk=original_pk()).annotate(
        # Its next session that still takes place; a cancelled one when nothing else remains.
        next_start=Coalesce(
            Subquery(held.order_by("starts_at").values("starts_at")[:1]),
            Subquery(upcoming.order_by("starts_at").values("starts_at")[:1]),
        ),
        last_start=Subquery(_sessions().order_by("-starts_at").values("starts_at")[:1]),
    )
    groups = []
    if venue is not None:
        groups.append(When(Exists(upcoming.filter(venue__key=venue.key)), then=Value(AT_VENUE)))
        if venue.region_id:
            region_key = venue.region.key
            groups.append(When(Exists(upcoming.filter(venue__region__key=region_key)), then=Value(IN_REGION)))
    groups.append(When(next_start__isnull=False, then=Value(UPCOMING)))
    pages = pages.annotate(group=Case(*groups, default=Value(PAST), output_field=IntegerField()))
    return pages.order_by("group", "next_start", "-last_start", "-pk")


def dialogues_at(venue_key, language, now=None):
    """The public dialogues with a session still to come at the venue of ``venue_key``, as a
    reader of ``language`` finds them, soonest first."""
    now = now or timezone.now()
    pages = DialoguePage.objects.public().in_language(language).annotate(original_pk=original_pk())
    at_venue = _sessions(ends_at__gt=now, venue__key=venue_key)
    return (
        pages.filter(Exists(at_venue))
        .annotate(next_start=Subquery(at_venue.order_by("starts_at").values("starts_at")[:1]))
        .order_by("next_start", "pk")
    )


def coming_up_count(language, today=None):
    """How many public dialogues a reader of ``language`` finds with a session still to be held
    today or later (Québec's date; a cancelled session does not count): the home page's figure,
    the same all day long, as the home page is kept for the day."""
    today = today or timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    held = Session.objects.filter(ends_at__gte=start).exclude(status=SessionStatus.CANCELLED)
    # The dialogues that may count first: without it SQLite reads every page of the site to
    # choose each language's version (0.4 s at 100,000 items, after every publication).
    keys = DialoguePage.objects.filter(pk__in=held.values("dialogue_id")).values("translation_key")
    pages = DialoguePage.objects.public().filter(translation_key__in=keys).in_language(language)
    coming = _sessions(ends_at__gte=start).exclude(status=SessionStatus.CANCELLED)
    return pages.annotate(original_pk=original_pk()).filter(Exists(coming)).count()


def venue_in(key, language):
    """The venue of ``key`` in ``language``, else in its other language; None when unknown."""
    venues = Venue.objects.filter(key=key).select_related("region", "locale")
    return venues.filter(locale__language_code=language).first() or venues.order_by("pk").first()


def scheduled_sessions(facts, words, language):
    """``ScheduledSession``s of the original version's sessions ``facts``, in time order, with the
    words of the reader's version's sessions ``words`` where they have them and each venue in
    ``language`` (read in two queries)."""
    venues = localized_venues([session.venue_id for session in facts if session.venue_id], language)
    return _scheduled(facts, words, venues)


def schedules_of(pages):
    """``{page pk: its schedule()}`` for the stored dialogues ``pages``, each venue in its
    version's language: five queries, two more per language beyond the first."""
    originals = dict(
        DialoguePage.objects.live()
        .filter(translation_key__in={page.translation_key for page in pages})
        .order_by("-pk")
        .values_list("translation_key", "pk")
    )  # the lowest pk of each group comes last and stays: ``original_version``
    original_of = {page.pk: originals.get(page.translation_key, page.pk) for page in pages}
    sessions = {}
    for session in Session.objects.filter(dialogue_id__in={*original_of.values(), *original_of}):
        sessions.setdefault(session.dialogue_id, []).append(session)
    venue_ids = [session.venue_id for found in sessions.values() for session in found if session.venue_id]
    codes = locale_codes()
    venues = {code: localized_venues(venue_ids, code) for code in {codes[page.locale_id] for page in pages}}
    return {
        page.pk: _scheduled(
            sessions.get(original, []),
            [] if original == page.pk else sessions.get(page.pk, []),
            venues[codes[page.locale_id]],
        )
        for page, original in ((page, original_of[page.pk]) for page in pages)
    }


def _scheduled(facts, words, venues):
    by_key = {session.translation_key: session for session in words}
    return [
        ScheduledSession(
            session,
            by_key.get(session.translation_key, session),
            venues.get(session.venue_id) if session.venue_id else None,
        )
        for session in sorted(facts, key=lambda session: (session.starts_at, session.pk or 0))
    ]


def localized_venues(venue_ids, language):
    """``{venue id: the venue in language}`` for the venues of ``venue_ids``, in two queries,
    each venue in its own language when it has no translation."""
    venues = list(Venue.objects.filter(pk__in=set(venue_ids)).select_related("region", "locale"))
    translations = {
        venue.translation_key: venue
        for venue in Venue.objects.filter(
            translation_key__in=[venue.translation_key for venue in venues], locale__language_code=language
        ).select_related("region", "locale")
    }
    return {venue.pk: translations.get(venue.translation_key, venue) for venue in venues}


@dataclass
class Card:
    """What a dialogue's card says of its schedule: its next session (the last one for a past
    dialogue), its venue in the reader's language and how many sessions remain."""

    session: Session | None
    venue: Venue | None
    remaining: int


def cards_of(pages, language, venue_key=None, now=None):
    """``{page pk: Card}`` for ``pages`` (annotated with ``original_pk``), in three queries. A
    card shows the next session that takes place (a cancelled one when nothing else remains) and
    counts those; with ``venue_key``, its next session at that venue when it has one."""
    now = now or timezone.now()
    originals = {page.original_pk: page for page in pages if page.original_pk}
    sessions = {}
    for session in Session.objects.filter(dialogue_id__in=list(originals)).order_by("starts_at", "pk"):
        sessions.setdefault(session.dialogue_id, []).append(session)
    venues = localized_venues(
        [session.venue_id for found in sessions.values() for session in found if session.venue_id], language
    )
    cards = {}
    for original, page in originals.items():
        found = sessions.get(original, [])
        coming = [session for session in found if session.ends_at > now]
        held = [session for session in coming if session.status != SessionStatus.CANCELLED]
        candidates = held or coming
        if venue_key:
            candidates.sort(
                key=lambda session: not session.venue_id or venues[session.venue_id].key != venue_key
            )
        shown = candidates[0] if candidates else (found[-1] if found else None)
        venue = venues.get(shown.venue_id) if shown and shown.venue_id else None
        cards[page.pk] = Card(shown, venue, len(held))
    return cards


def locale_codes():
    """``{locale id: language code}``, in one query."""
    return dict(Locale.objects.values_list("pk", "language_code"))
