"""What the outlets (search, items API, citations, feeds, calendars, JSON-LD) ask of a dialogue:
the overrides of ``hub.models.ItemPage``'s defaults, and the values of the facets and the sort
the dialogue declares (``dialogues.items``).

Everything here reads ``schedule()``: the facts of the original version's sessions, so that a
cancellation reaches every language at once. The online address of a session whose registration
is on the hub is for its registrants only: nothing here gives it out."""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

# The "next session first" sort ranks upcoming dialogues above past ones whatever their dates:
# an upcoming one by how soon (the sooner, the higher), a past one by how recent. Minutes since
# 2000 stay far below this bound (and a 32-bit integer) for centuries.
RANK_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
RANK_BOUND = 1_000_000_000


def minutes_since_epoch(moment):
    return int((moment - RANK_EPOCH).total_seconds() // 60)


def session_choices():
    """The sessions' module, imported when first asked: the page class this mixin is part of is
    defined before the sessions that point at it."""
    from .models import sessions

    return sessions


def shown_format(facts):
    """A session's format as people attend it: a session moved online is online."""
    SessionFormat, SessionStatus = session_choices().SessionFormat, session_choices().SessionStatus
    return SessionFormat.ONLINE.value if facts.status == SessionStatus.MOVED_ONLINE else facts.format


def held_at_venue(facts):
    """Whether people go to the session's venue (in person or hybrid, not moved online)."""
    return bool(facts.venue_id) and shown_format(facts) != session_choices().SessionFormat.ONLINE


def public_online_url(facts):
    """The session's online address where anyone may have it: never when registration is on the
    hub (its registrants receive it), never for a session nobody attends online."""
    if facts.registration == session_choices().RegistrationMode.HUB or not facts.is_online:
        return ""
    return facts.online_url


class DialogueOutlets:
    # --- the schedule, read once per page object ---

    @property
    def shown_schedule(self):
        """``schedule()``, computed once per page object (several outlets read it per request)."""
        if "_shown_schedule" not in self.__dict__:
            self.__dict__["_shown_schedule"] = self.schedule()
        return self.__dict__["_shown_schedule"]

    def next_session(self):
        """The first session not yet over and not cancelled, else None."""
        now, cancelled = timezone.now(), session_choices().SessionStatus.CANCELLED
        return next(
            (
                scheduled
                for scheduled in self.shown_schedule
                if scheduled.facts.ends_at > now and scheduled.facts.status != cancelled
            ),
            None,
        )

    def last_session(self):
        return self.shown_schedule[-1] if self.shown_schedule else None

    # --- search: what it asks of an item ---

    def search_body_parts(self):
        """The question, what can and cannot change, who decides; each session's words and venue;
        the account of what happened."""
        parts = [self.get_kind_display(), self.question, self.can_change, self.cannot_change, self.decided_by]
        for scheduled in self.shown_schedule:
            parts += [scheduled.words.title, scheduled.words.status_note, scheduled.words.what_to_bring]
            if held_at_venue(scheduled.facts):
                venue = scheduled.venue
                parts += [venue.name, venue.municipality]
        parts.append(self.account)
        return parts

    def sort_date(self):
        """The day of the next session, else of the last one (in Québec time)."""
        scheduled = self.next_session() or self.last_session()
        return scheduled.starts_at.date() if scheduled else super().sort_date()

    def search_status(self):
        """``upcoming`` while a session is to come, ``cancelled`` when every session is, else ``past``."""
        if self.next_session():
            return "upcoming"
        statuses = {scheduled.facts.status for scheduled in self.shown_schedule}
        return "cancelled" if statuses == {session_choices().SessionStatus.CANCELLED} else "past"

    # The dialogue's facets and sort (``dialogues.items``): several values each, one per session.

    def kind_facet(self):
        return self.kind or None

    def attendance_mode_facet(self):
        return sorted({shown_format(scheduled.facts) for scheduled in self.shown_schedule})

    def accessibility_facet(self):
        """What any session offers: its venue's accessibility features, its accommodations."""
        features = set()
        for scheduled in self.shown_schedule:
            facts = scheduled.facts
            if held_at_venue(facts):
                features.update(field for field, _name, _label in facts.venue.accessibility_features())
            features.update(field for field, _label in facts.accommodations())
        return sorted(features)

    def month_facet(self):
        """``YYYY-MM`` of each session, in Québec time."""
        return sorted({f"{scheduled.starts_at:%Y-%m}" for scheduled in self.shown_schedule})

    def next_session_rank(self):
        """Upcoming dialogues first, the soonest first; then past ones, the latest first."""
        upcoming = self.next_session()
        if upcoming:
            return RANK_BOUND - minutes_since_epoch(upcoming.facts.starts_at)
        last = self.last_session()
        return minutes_since_epoch(last.facts.starts_at) - RANK_BOUND if last else None

    # --- feeds: what the search's Atom feeds ask of an item ---

    def feed_updates(self):
        """An entry for each session added, changed or cancelled since the dialogue was first
        published, dated when it changed (``changed_at``), saying what it now is."""
        from .feed_updates import session_updates

        return session_updates(self)

    # --- calendars: what the search's iCalendar feed asks of an item ---

    def calendar_events(self, request):
        """Every session, linking to the dialogue where the request's reader reads it."""
        from .calendar import dialogue_events

        return dialogue_events(self, request.build_absolute_uri(self.url_in(reader_language())))

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        from .records import dialogue_record

        return dialogue_record(self, api)

    # --- citations: what it asks of an item ---

    def citation_authors(self):
        """Its organizers, as an event is cited."""
        return [("", organization.name, {}) for organization in self.organizers.all()]

    def citation_event_date(self):
        """The day of its first session, in Québec time."""
        return self.shown_schedule[0].starts_at.date() if self.shown_schedule else None

    def citation_heading(self):
        return _("Cite this dialogue")

    def schema_org(self, data):
        """An ``Event`` (``dialogues.schema_org``), not a creative work."""
        from .schema_org import event_data

        return event_data(self, data)


def reader_language():
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]
