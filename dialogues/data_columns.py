"""What the dialogues' open-data files hold (``hub.data_files``): ``vigie-dialogues.csv`` has one
row per session and language version (the dialogue's columns repeated on each), so that a
spreadsheet sorts and filters sessions by date, place or accessibility; ``vigie-data.json`` holds
each dialogue once with its sessions.

Sessions come from ``schedule()`` (the original version's facts, each version's words). The
online address of a session with registration on the hub is never written
(``public_online_url``), and nothing about registrants is."""

from django.utils.translation import gettext_lazy as _

from hub.data_columns import (
    FIRST_PUBLISHED_COLUMN,
    RISKS_COLUMN,
    SEPARATOR,
    URL_COLUMN,
    Column,
    clean_text,
    common_columns,
    iso,
    list_cell,
)
from hub.data_files import ItemDataFile, translation_entry

from .models import DialogueKind, RegistrationMode, SessionFormat, SessionStatus, VenueKind
from .outlets import held_at_venue, public_online_url

ROWS_MEANING = _(
    "Each row is one session of a dialogue in one language; rows sharing an id are one dialogue."
)


def organizations_cell(organizations):
    return list_cell(organization.name for organization in organizations)


DIALOGUE_COLUMNS = (
    *common_columns(ROWS_MEANING),
    RISKS_COLUMN,
    Column("kind", "kind", kind="code", vocabulary="dialogue_kind", value=lambda page, context: page.kind),
    Column(
        "organizers",
        "organizers",
        kind="list",
        value=lambda page, context: organizations_cell(page.organizers.all()),
    ),
    Column(
        "receiving_body",
        "receiving_body",
        value=lambda page, context: page.receiving_body.name if page.receiving_body_id else "",
    ),
    Column("question", "question", value=lambda page, context: clean_text(page.question)),
)


def venue_cell(name):
    return lambda scheduled: (
        clean_text(getattr(scheduled.venue, name)) if held_at_venue(scheduled.facts) else ""
    )


def accessibility_cell(scheduled):
    if not held_at_venue(scheduled.facts):
        return ""
    return SEPARATOR.join(field for field, _name, _label in scheduled.facts.venue.accessibility_features())


# The session's columns: (column, its cell from a ``ScheduledSession``).
SESSION_COLUMNS = (
    (
        Column("session", label=_("session"), meaning=_("The session's key, the same in every language.")),
        lambda scheduled: str(scheduled.key),
    ),
    (
        Column("session_title", label=_("title of the session")),
        lambda scheduled: clean_text(scheduled.words.title),
    ),
    (
        Column("starts_at", label=_("starts"), meaning=_("Québec time, with its offset (ISO 8601).")),
        lambda scheduled: scheduled.starts_at.isoformat(),
    ),
    (
        Column("ends_at", label=_("ends"), meaning=_("Québec time, with its offset (ISO 8601).")),
        lambda scheduled: scheduled.ends_at.isoformat(),
    ),
    (
        Column("format", label=_("format"), kind="code", vocabulary="session_format"),
        lambda scheduled: scheduled.facts.format,
    ),
    (
        Column("status", label=_("status"), kind="code", vocabulary="session_status"),
        lambda scheduled: scheduled.facts.status,
    ),
    (Column("status_note", label=_("public note on the status")), lambda s: clean_text(s.words.status_note)),
    (Column("venue", label=_("venue"), meaning=_("The venue's key.")), venue_cell("key")),
    (Column("venue_name", label=_("name of the venue")), venue_cell("name")),
    (
        Column("venue_kind", label=_("kind of place"), kind="code", vocabulary="venue_kind"),
        venue_cell("kind"),
    ),
    (Column("street_address", label=_("street address")), venue_cell("street_address")),
    (Column("municipality", label=_("municipality")), venue_cell("municipality")),
    (Column("postal_code", label=_("postal code")), venue_cell("postal_code")),
    (
        Column(
            "accessibility",
            label=_("accessibility of the venue"),
            meaning=_("The features the venue has confirmed (step_free_entrance, elevator...)."),
            kind="list",
        ),
        accessibility_cell,
    ),
    (
        Column(
            "online_url",
            label=_("online address"),
            meaning=_("Empty when people register on the hub: only they receive it."),
            kind="url",
        ),
        lambda scheduled: public_online_url(scheduled.facts),
    ),
    (
        Column("languages", label=_("languages spoken"), kind="list"),
        lambda scheduled: SEPARATOR.join(scheduled.facts.languages),
    ),
    (
        Column(
            "accommodations",
            label=_("accommodations"),
            meaning=_("What the session offers (lsq_interpretation, live_captions, childcare...)."),
            kind="list",
        ),
        lambda scheduled: SEPARATOR.join(field for field, _label in scheduled.facts.accommodations()),
    ),
    (
        Column("registration", label=_("registration"), kind="code", vocabulary="registration"),
        lambda scheduled: scheduled.facts.registration,
    ),
    (
        Column("registration_url", label=_("registration address"), kind="url"),
        lambda scheduled: scheduled.facts.registration_url,
    ),
    (
        Column("registration_phone", label=_("register by phone")),
        lambda scheduled: scheduled.facts.registration_phone,
    ),
    (
        Column("capacity", label=_("places")),
        lambda scheduled: str(scheduled.facts.capacity) if scheduled.facts.capacity else "",
    ),
)


class DialogueDataFile(ItemDataFile):
    prefetch = ("organizers", "risks")
    row_key = ("id", "locale", "session")  # a row per session
    choices = {
        "dialogue_kind": DialogueKind,
        "session_format": SessionFormat,
        "session_status": SessionStatus,
        "venue_kind": VenueKind,
        "registration": RegistrationMode,
    }

    def load_chunk(self, pages, context):
        """Every dialogue's schedule at once (its rows are its sessions)."""
        if pages:
            type(pages[0]).prepare_listed(pages)
        return super().load_chunk(pages, context)

    def columns(self):
        return (
            *DIALOGUE_COLUMNS,
            *(column for column, _cell in SESSION_COLUMNS),
            URL_COLUMN,
            FIRST_PUBLISHED_COLUMN,
        )

    def json_columns(self):
        return (
            Column(
                "sessions",
                label=_("sessions"),
                meaning=_("Each session with the columns above that describe one, in time order."),
            ),
            Column(
                "session_titles",
                label=_("titles of the sessions"),
                meaning=_("Per language: each session's title, by its key, where it has one."),
            ),
        )

    def rows(self, page, context):
        """One row per session of this language version: the dialogue's cells, then the session's."""
        dialogue = [column.value(page, context) for column in DIALOGUE_COLUMNS]
        after = [URL_COLUMN.value(page, context), FIRST_PUBLISHED_COLUMN.value(page, context)]
        return [
            [*dialogue, *(cell(scheduled) for _column, cell in SESSION_COLUMNS), *after]
            for scheduled in page.shown_schedule
        ]

    def translation(self, page, context):
        entry = translation_entry(page, context)
        entry["question"] = page.question
        entry["can_change"] = page.can_change
        entry["cannot_change"] = page.cannot_change
        entry["decided_by"] = page.decided_by
        entry["session_titles"] = {str(s.key): s.words.title for s in page.shown_schedule if s.words.title}
        return entry

    def item_fields(self, original, versions, context):
        return {
            "kind": original.kind,
            "risks": sorted({term.key for term in original.risks.all()}),
            "organizers": [organization.name for organization in original.organizers.all()],
            "receiving_body": original.receiving_body.name if original.receiving_body_id else None,
            "sessions": [
                {
                    column.name: cell(scheduled)
                    for column, cell in SESSION_COLUMNS
                    if column.name != "session_title"
                }
                | {"starts_at": iso(scheduled.starts_at), "ends_at": iso(scheduled.ends_at)}
                for scheduled in original.shown_schedule
            ],
        }
