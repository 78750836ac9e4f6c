"""Writing checked files: ``apply_import`` writes the commitments, then the updates, in one
transaction under one lock (one refused row and nothing is written), one import at a time.

Commitments are kept in their item's revisions, so an item version whose commitments change gets
a new revision, as its edit form would give it: a draft item is saved with it; a live item's is
published when the importer may publish it (a command, which acts as the system as
``import_casefiles`` does, or an agreement's partner), and otherwise left a draft to submit for
review. New commitments get the next numbers of their item (``followup.numbering``), at the end.
An import adds and changes; it never deletes a commitment or an update, and never changes a
published update (the model refuses it anyway)."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from hub import import_files
from hub.import_files import ImportResult, Problem
from hub.models import Organization
from hub.write_locks import exclusive

from ..models import Commitment, CommitmentUpdate
from .format import COMMITMENT_COLUMNS, UPDATE_COLUMNS
from .reading import FileProblem

LOCK = "import_commitments"
# Where a model validation error found while writing is reported.
UPDATE_FIELD_COLUMNS = {
    "happened_on": "date",
    "status": "status",
    "progress": "progress",
    "note": "note",
    "language": "language",
    "evidence_url": "evidence_url",
    "evidence_title": "evidence_title",
    "corrects": "corrects",
}
SAID = ("happened_on", "status", "progress", "note", "language", "evidence_url", "evidence_title")


@dataclass
class Outcome:
    """What an import did: commitments and updates created, updated or unchanged, and the item
    versions whose new revision waits for someone else to publish it."""

    commitments: ImportResult = field(default_factory=ImportResult)
    updates: ImportResult = field(default_factory=ImportResult)
    drafts: list = field(default_factory=list)

    def summary(self):
        """What it did, one sentence a line, in the active language."""
        return [
            _("Commitments created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.")
            % vars(self.commitments),
            _("Progress updates created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.")
            % vars(self.updates),
            *(
                _(
                    "%(item)s (%(language)s): saved as a draft; submit it for review to publish its commitments."
                )
                % {"item": page.public_id, "language": page.locale.language_code}
                for page in self.drafts
            ),
        ]


def apply_import(commitment_groups=(), update_rows=(), user=None):
    """Write checked rows (``read_commitments``, ``read_updates``) as ``user`` (None: a command);
    if the database refuses any, nothing is written and ``ImportRefused`` lists ``FileProblem``s."""
    outcome = Outcome()
    with exclusive(LOCK):
        for name, rows, writer in (
            ("commitments", commitment_groups, CommitmentWriter(user, outcome)),
            ("updates", update_rows, UpdateWriter(user, outcome)),
        ):
            try:
                import_files.write_all(LOCK, rows, lambda writer=writer: writer.write, writer.problems)
            except import_files.ImportRefused as refusal:
                raise import_files.ImportRefused([FileProblem(name, p) for p in refusal.problems]) from None
    return outcome


def first_line_problems(lines, columns, error, field_columns):
    """A model's ``ValidationError`` as problems at ``lines[0]``, at the column of its field."""
    messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    problems = []
    for name, errors in messages.items():
        column = field_columns.get(name)
        for message in errors:
            if column:
                problems.append(Problem(lines[0], message, columns.index(column) + 1, column))
            else:
                problems.append(
                    Problem(lines[0], message if not name or name == "__all__" else f"{name}: {message}")
                )
    return problems


class CommitmentWriter:
    def __init__(self, user, outcome):
        self.user, self.outcome = user, outcome

    def problems(self, group, error):
        lines = [row.line for row in group.rows if row.changed] or [group.rows[0].line]
        return first_line_problems(lines, COMMITMENT_COLUMNS, error, {"recommendation": "recommendation"})

    def write(self, group):
        """One item version's rows: its new revision when anything changes."""
        result = self.outcome.commitments
        changed = [row for row in group.rows if row.changed]
        result.unchanged += len(group.rows) - len(changed)
        if not changed:
            return "unchanged"
        page = type(group.version).objects.get(pk=group.version.pk)
        content = (
            page if page.live else (page.get_latest_revision_as_object() if page.latest_revision_id else page)
        )
        commitments = list(content.commitments.all())
        by_number = {commitment.number: commitment for commitment in commitments}
        for row in changed:
            commitment = by_number.get(row.number)
            if commitment is None:
                commitment = Commitment(page=content, locale=page.locale, sort_order=len(commitments))
                commitments.append(commitment)
                result.created += 1
            else:
                result.updated += 1
            self.fill(commitment, row.cells, page.locale_id)
        content.commitments = commitments
        if not page.live:
            content.save()  # a draft's edit form saves it: its commitments are its rows
        revision = content.save_revision(user=self.user, log_action=True)
        if page.live:
            if self.may_publish(content):
                revision.publish(user=self.user)
            else:
                self.outcome.drafts.append(page)
        return "updated"

    def fill(self, commitment, cells, locale_id):
        commitment.text = cells["text"]
        if commitment.owner_id is None or commitment.owner.key != cells["owner"]:
            owners = Organization.objects.filter(key=cells["owner"]).order_by("pk")
            commitment.owner = owners.filter(locale_id=locale_id).first() or owners.first()
        commitment.owner_role = cells["owner_role"]
        commitment.due_date = date.fromisoformat(cells["due_date"]) if cells["due_date"] else None
        commitment.recommendation = int(cells["recommendation"]) if cells["recommendation"] else None

    def may_publish(self, content):
        """The system publishes; a person when they may publish the version they just wrote."""
        return self.user is None or content.permissions_for_user(self.user).can_publish()


class UpdateWriter:
    def __init__(self, user, outcome):
        self.user, self.outcome = user, outcome

    def problems(self, row, error):
        return first_line_problems([row.line], UPDATE_COLUMNS, error, UPDATE_FIELD_COLUMNS)

    def write(self, row):
        result = self.outcome.updates
        if not row.changed:
            result.unchanged += 1
            return "unchanged"
        update = row.update
        if update is None:
            update = CommitmentUpdate(
                commitment_key=row.commitment_key, item_key=row.item_key, created_by=self.user
            )
            result.created += 1
        else:
            result.updated += 1
        for name in SAID:
            setattr(update, name, row.values[name])
        update.corrects = row.values["corrects"]
        update.full_clean()
        update.save()
        if row.values["published"]:
            update.publish(user=self.user)
        return "updated"
