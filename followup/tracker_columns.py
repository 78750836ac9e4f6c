"""The columns of the commitment tracker's downloads (``followup.tracker_views``): its rows, one per
commitment, and their published progress updates, as CSV and as JSON objects with the same keys.
Declared here as ``hub.data_files.DataTable``s, so that the data dictionary documents them."""

from django.utils.translation import gettext_lazy as _

from hub.data_columns import SEPARATOR, Column, absolute_url, clean_text, date_cell
from hub.data_files import DataTable
from hub.items import type_of

from .models import CommitmentStatus

COMMITMENT_ID_MEANING = _(
    "The commitment's public id: its item's id, then -C and its number (for example AC-2026-0003-C2)."
)


def yes_no(value):
    return "yes" if value else "no"


def item_values(name, label, facet, meaning, vocabulary=None):
    """A column of the values of its item the tracker filters on (``followup.tracker.FACETS``)."""
    return Column(
        name,
        label=label,
        meaning=meaning,
        kind="keys" if vocabulary else "list",
        vocabulary=vocabulary,
        value=lambda row, c: SEPARATOR.join(row.values[facet]),
    )


COMMITMENT_COLUMNS = (
    Column("id", label=_("id"), meaning=COMMITMENT_ID_MEANING, value=lambda row, c: row.commitment.public_id),
    Column(
        "locale",
        label=_("language"),
        meaning=_(
            "The language of the commitment's text: its item's version in the reader's language, else its original."
        ),
        kind="code",
        vocabulary="locale",
        value=lambda row, c: row.item.locale.language_code,
    ),
    Column("commitment", "text", value=lambda row, c: clean_text(row.commitment.text)),
    Column("item_id", label=_("item id"), kind="id", value=lambda row, c: row.item.public_id),
    Column(
        "item_type",
        label=_("item type"),
        meaning=_("The kind of item the commitment was made in (the search's type facet)."),
        value=lambda row, c: type_of(row.item).key,
    ),
    Column("item_title", label=_("item title"), value=lambda row, c: clean_text(row.item.title)),
    Column(
        "owner",
        label=_("responsible organization (key)"),
        meaning=_("The organization's key, the same in every language."),
        value=lambda row, c: row.commitment.owner.key,
    ),
    Column(
        "owner_name",
        label=_("responsible organization"),
        meaning=_("Its name in the language of the download."),
        value=lambda row, c: row.commitment.owner_localized.name,
    ),
    Column("owner_role", "owner_role", value=lambda row, c: clean_text(row.commitment.owner_role)),
    Column("due_date", "due_date", kind="date", value=lambda row, c: date_cell(row.commitment.due_date)),
    Column(
        "status",
        label=_("status"),
        meaning=_("The status of its latest published progress update; planned while it has none."),
        kind="code",
        vocabulary="status",
        value=lambda row, c: row.commitment.status,
    ),
    Column(
        "progress",
        label=_("progress (%)"),
        meaning=_("The percentage its latest published progress update gave, or empty."),
        value=lambda row, c: "" if row.commitment.progress is None else str(row.commitment.progress),
    ),
    Column(
        "overdue",
        label=_("overdue"),
        meaning=_(
            "yes when its due date has passed and it is neither done nor abandoned, on the day of the download."
        ),
        kind="code",
        vocabulary="yes_no",
        value=lambda row, c: yes_no(row.values["overdue"] == ("yes",)),
    ),
    Column(
        "last_update",
        label=_("last update"),
        meaning=_("The date of its latest published progress update."),
        kind="date",
        value=lambda row, c: date_cell(row.commitment.last_update),
    ),
    item_values("services", _("public services"), "service", _("Those of its item."), vocabulary="services"),
    item_values("regions", _("regions"), "region", _("Those of its item."), vocabulary="regions"),
    item_values(
        "systems",
        _("AI systems"),
        "system",
        _("The public ids of the register's AI systems its item is about."),
    ),
    Column(
        "url",
        label=_("address"),
        meaning=_("The commitment's own page."),
        kind="url",
        value=lambda row, c: absolute_url(row.commitment.url),
    ),
)

UPDATE_COLUMNS = (
    Column(
        "id",
        label=_("id"),
        meaning=_("The update's number, for good: the anchor #update-<id> of its commitment's page."),
        value=lambda update, c: str(update.pk),
    ),
    Column(
        "commitment_id",
        label=_("commitment id"),
        meaning=COMMITMENT_ID_MEANING,
        value=lambda update, c: c[update.commitment_key].commitment.public_id,
    ),
    Column("date", "happened_on", kind="date", value=lambda update, c: date_cell(update.happened_on)),
    Column(
        "published",
        "published_at",
        meaning=_("When it was made public (ISO 8601, with its offset)."),
        value=lambda update, c: update.published_at.isoformat(),
    ),
    Column("status", "status", kind="code", vocabulary="status", value=lambda update, c: update.status),
    Column(
        "progress",
        "progress",
        value=lambda update, c: "" if update.progress is None else str(update.progress),
    ),
    Column("note", "note", value=lambda update, c: clean_text(update.note)),
    Column("language", "language", kind="code", vocabulary="locale", value=lambda update, c: update.language),
    Column("evidence_url", "evidence_url", kind="url", value=lambda update, c: update.evidence_url),
    Column("evidence_title", "evidence_title", value=lambda update, c: clean_text(update.evidence_title)),
    Column(
        "corrects",
        "corrects",
        meaning=_("The id of the published update this one corrects, or empty."),
        value=lambda update, c: str(update.corrects_id or ""),
    ),
    Column(
        "url",
        label=_("address"),
        meaning=_("The update on its commitment's page."),
        kind="url",
        value=lambda update, c: absolute_url(f"{c[update.commitment_key].commitment.url}#update-{update.pk}"),
    ),
)


class YesNo:
    choices = [("yes", _("yes")), ("no", _("no"))]


COMMITMENTS_TABLE = DataTable(
    "vigie-commitments",
    _("Commitments (the commitment tracker)"),
    "followup.Commitment",
    COMMITMENT_COLUMNS,
    choices={"status": CommitmentStatus, "yes_no": YesNo},
)
UPDATES_TABLE = DataTable(
    "vigie-commitment-updates",
    _("Published progress updates of the commitments"),
    "followup.CommitmentUpdate",
    UPDATE_COLUMNS,
    choices={"status": CommitmentStatus},
)
