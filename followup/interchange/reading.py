"""Checking the two files whole before anything is written: ``read_commitments`` and
``read_updates`` return their checked rows or raise ``ImportRefused`` with every problem, located
as ``line N, column C (name): message``. Each checks against what ``user`` may edit (None: a
command, everything): an item or commitment they may not edit is as unknown as one that does not
exist."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from hub import import_files
from hub.data_columns import clean_text
from hub.import_files import ImportRefused, Problem
from hub.items import PART_ID_RE
from hub.models import Organization

from ..models import Commitment, CommitmentStatus, CommitmentUpdate
from ..permissions import visible_updates
from .format import (
    COMMITMENT_COLUMNS,
    FALSE,
    LOCALES,
    SYNCHRONIZED,
    TRUE,
    UPDATE_COLUMNS,
    commitment_cells,
    commitment_ids,
    commitment_to_row,
    commitments_of,
    item_versions,
    update_cells,
    update_to_row,
)

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER_RE = re.compile(r"^\d{1,9}$")
OWNER_ROLE_MAX_LENGTH = Commitment._meta.get_field("owner_role").max_length


def problem(message, line, column=None, name=""):
    return Problem(line, message, column, name)


class Cells:
    """One row's cells and the problems found in them, each at its column."""

    def __init__(self, raw, line, columns):
        self.raw, self.line, self.columns, self.problems = raw, line, columns, []

    def report(self, column, message):
        self.problems.append(Problem(self.line, message, self.columns.index(column) + 1, column))

    def date(self, column, required=False):
        value = self.raw[column].strip()
        if not value:
            if required:
                self.report(column, _("required; this cell is empty"))
            return None
        try:
            if DATE_RE.match(value):
                return date.fromisoformat(value)
        except ValueError:
            pass
        self.report(column, _("“%s” is not a date: expected YYYY-MM-DD, e.g. 2026-06-30") % value)
        return None

    def number(self, column, maximum=None, message=None):
        value = self.raw[column].strip()
        if not value:
            return None
        if not NUMBER_RE.match(value) or (maximum is not None and int(value) > maximum):
            self.report(column, (message or _("“%s” is not a whole number")) % value)
            return None
        return int(value)

    def text(self, column, required=False, max_length=None):
        text = clean_text(self.raw[column])
        if required and not text:
            self.report(column, _("required; this cell is empty"))
        if max_length and len(text) > max_length:
            self.report(
                column,
                _("too long: %(length)d characters, at most %(max)d")
                % {"length": len(text), "max": max_length},
            )
        return text

    def choice(self, column, allowed):
        value = self.raw[column].strip().lower()
        if value not in allowed:
            self.report(
                column,
                _("“%(value)s” is not one of: %(allowed)s")
                % {"value": self.raw[column].strip(), "allowed": ", ".join(allowed)},
            )
            return None
        return value


def read_file(data, columns, checker):
    """The checked rows of a whole file, or ``ImportRefused``."""

    def check(cells, line):
        raw, problems = import_files.row_cells(cells, line, columns)
        if raw is None:
            return None, problems
        row = Cells(raw, line, columns)
        row.problems = problems
        checked = checker.check(row)
        return (checked if not row.problems else None), row.problems

    return import_files.read_csv(data, columns, check, problem)


@dataclass(frozen=True)
class FileProblem:
    """A problem of one of the two files, named by it."""

    file: str
    problem: Problem

    def __str__(self):
        return f"{self.file}: {self.problem}"


def read_files(commitments=None, updates=None, user=None):
    """The checked rows of both files (bytes; None: not given), or ``ImportRefused`` listing the
    problems of both as ``FileProblem``s."""
    problems, read = [], {}
    for name, data, reader in (
        ("commitments", commitments, read_commitments),
        ("updates", updates, read_updates),
    ):
        read[name] = ()
        if data is None:
            continue
        try:
            read[name] = reader(data, user)
        except ImportRefused as refusal:
            problems.extend(FileProblem(name, problem) for problem in refusal.problems)
    if problems:
        raise ImportRefused(problems)
    return read["commitments"], read["updates"]


# --- commitments -------------------------------------------------------------------------------


@dataclass
class CommitmentRow:
    line: int
    version: object  # the item's page in the row's language
    number: int | None  # None: a new commitment
    cells: dict
    changed: bool


@dataclass
class VersionRows:
    """The checked rows of one language version of an item, in the file's order."""

    version: object
    rows: list = field(default_factory=list)


def read_commitments(data, user=None):
    """The checked rows of a commitments file, grouped by item version (``VersionRows``)."""
    rows = read_file(data, COMMITMENT_COLUMNS, CommitmentChecker(user))
    groups = {}
    for row in rows:
        groups.setdefault(row.version.pk, VersionRows(row.version)).rows.append(row)
    return list(groups.values())


class CommitmentChecker:
    def __init__(self, user):
        versions = item_versions(user)
        self.versions = {(page.public_id, page.locale.language_code): page for page in versions}
        self.item_ids = {page.public_id for page in versions}
        self.current = {
            version_pk: {commitment.number: commitment for commitment in commitments}
            for version_pk, commitments in commitments_of(versions).items()
        }
        self.recommendations = {}
        for page in versions:
            if hasattr(page, "recommendations"):
                self.recommendations[page.pk] = set(page.recommendations.values_list("number", flat=True))
        self.owner_keys = set(Organization.objects.values_list("key", flat=True))
        self.lines = {}  # (version pk, number) → line
        self.synchronized = {}  # (item id, number) → (line, {column: cell})

    def check(self, row):
        version = self.version(row)
        number = row.number(
            "number", message=_("“%s” is not a commitment number; leave it empty for a new commitment")
        )
        cells = commitment_cells(
            item=version.public_id if version else "",
            locale=version.locale.language_code if version else "",
            number=number,
            text=row.text("text", required=True),
            owner=self.owner(row),
            owner_role=row.text("owner_role", max_length=OWNER_ROLE_MAX_LENGTH),
            due_date=row.date("due_date"),
            recommendation=row.number("recommendation"),
        )
        if version is None:
            return None
        current = None
        if number is not None:
            current = self.existing(row, version, number)
            self.check_synchronized(row, cells)
        self.check_recommendation(row, version, cells)
        changed = current is None or commitment_to_row(version, current) != cells
        if changed and version.live and version.has_unpublished_changes:
            row.report(
                "item",
                _(
                    "%(item)s (%(locale)s) has changes not yet published: publish or discard them "
                    "before importing its commitments"
                )
                % {"item": version.public_id, "locale": version.locale.language_code},
            )
        return CommitmentRow(row.line, version, number, cells, changed)

    def version(self, row):
        public_id = row.raw["item"].strip().upper()
        locale = row.choice("locale", LOCALES)
        if public_id not in self.item_ids:
            row.report(
                "item",
                _("unknown item “%s”: give the id of an item with commitments that you may edit")
                % row.raw["item"].strip(),
            )
            return None
        if locale is None:
            return None
        version = self.versions.get((public_id, locale))
        if version is None:
            row.report(
                "locale",
                _("%(item)s has no version in this language (%(locale)s): translate it first")
                % {"item": public_id, "locale": locale},
            )
        return version

    def owner(self, row):
        key = row.raw["owner"].strip().lower()
        if not key:
            row.report("owner", _("required; give the organization's key"))
        elif key not in self.owner_keys:
            row.report(
                "owner",
                _(
                    "unknown organization “%s”: give the key of an organization of the hub (Admin → Organizations)"
                )
                % row.raw["owner"].strip(),
            )
        return key

    def existing(self, row, version, number):
        current = self.current[version.pk].get(number)
        if current is None:
            row.report(
                "number",
                _(
                    "%(item)s (%(locale)s) has no commitment C%(number)d; leave the number empty "
                    "for a new commitment"
                )
                % {"item": version.public_id, "locale": version.locale.language_code, "number": number},
            )
        seen = self.lines.setdefault((version.pk, number), row.line)
        if seen != row.line:
            row.report("number", _("the same commitment as line %d") % seen)
        return current

    def check_synchronized(self, row, cells):
        """Owner, due date and recommendation are the same in every language of a commitment."""
        key = (cells["item"], cells["number"])
        values = {column: cells[column] for column in SYNCHRONIZED}
        line, first = self.synchronized.setdefault(key, (row.line, values))
        for column in SYNCHRONIZED:
            if first[column] != values[column]:
                row.report(
                    column,
                    _(
                        "differs from line %d, the same commitment in another language: it is the same in every language"
                    )
                    % line,
                )

    def check_recommendation(self, row, version, cells):
        if not cells["recommendation"]:
            return
        numbers = self.recommendations.get(version.pk)
        if numbers is None:
            row.report("recommendation", _("this item has no recommendations; leave it empty"))
        elif int(cells["recommendation"]) not in numbers:
            row.report(
                "recommendation",
                _("%(item)s has no recommendation n° %(number)s")
                % {"item": version.public_id, "number": cells["recommendation"]},
            )


# --- updates -----------------------------------------------------------------------------------


@dataclass
class UpdateRow:
    line: int
    update: object  # the stored update, None for a new one
    commitment_key: object
    item_key: object
    cells: dict
    values: dict  # the model's fields

    @property
    def changed(self):
        return self.update is None or self.cells != update_to_row(self.update, self.cells["commitment"])


def read_updates(data, user=None):
    """The checked rows of an updates file (``UpdateRow``)."""
    return read_file(data, UPDATE_COLUMNS, UpdateChecker(user))


class UpdateChecker:
    def __init__(self, user):
        ids = commitment_ids(item_versions(user))
        self.commitments = {public_id: (key, item_key) for key, (public_id, item_key) in ids.items()}
        visible = CommitmentUpdate.objects.all() if user is None else visible_updates(user)
        self.updates = {
            update.pk: update
            for update in (visible if visible is not None else CommitmentUpdate.objects.none()).filter(
                commitment_key__in=ids
            )
        }
        self.user = user
        self.lines = {}
        self.statuses = [value for value, _label in CommitmentStatus.choices]

    def check(self, row):
        update = self.stored(row, "id")
        commitment_id = row.raw["commitment"].strip().upper()
        found = self.commitments.get(commitment_id) if PART_ID_RE.match(commitment_id) else None
        if found is None:
            row.report(
                "commitment",
                _("unknown commitment “%s”: give the id of a commitment you may update, e.g. AC-2026-0003-C2")
                % row.raw["commitment"].strip(),
            )
        values = {
            "happened_on": row.date("date", required=True),
            "status": row.choice("status", self.statuses),
            "progress": row.number(
                "progress", 100, _("“%s” is not a percentage: a whole number from 0 to 100")
            ),
            "note": row.text("note", required=True),
            "language": row.choice("language", LOCALES),
            "evidence_url": row.text("evidence_url"),
            "evidence_title": row.text("evidence_title"),
            "corrects": self.stored(row, "corrects"),
            "published": row.choice("published", (TRUE, FALSE)) == TRUE,
        }
        cells = update_cells(
            pk=update.pk if update else None,
            commitment=commitment_id,
            **{**values, "corrects": values["corrects"].pk if values["corrects"] else None},
        )
        if found is None or row.problems:
            return None
        key, item_key = found
        checked = UpdateRow(row.line, update, key, item_key, cells, values)
        if update is not None:
            self.check_stored(row, checked)
        return checked

    def stored(self, row, column):
        value = row.raw[column].strip()
        if not value:
            return None
        update = self.updates.get(int(value)) if NUMBER_RE.match(value) else None
        if update is None:
            message = _("unknown update “%s”") % value
            if column == "id":
                message = _("%s; leave it empty for a new update") % message
            row.report(column, message)
        elif column == "id":
            seen = self.lines.setdefault(update.pk, row.line)
            if seen != row.line:
                row.report("id", _("the same update as line %d") % seen)
        return update

    def check_stored(self, row, checked):
        """A published update is final; a draft is changed by its author only."""
        update = checked.update
        if update.commitment_key != checked.commitment_key:
            row.report("commitment", _("update %d is about another commitment") % update.pk)
            return
        current = update_to_row(update, checked.cells["commitment"])
        differing = [column for column in UPDATE_COLUMNS if current[column] != checked.cells[column]]
        if not differing:
            return
        if update.is_published:
            row.report(
                differing[0],
                _(
                    "update %(id)d is published: it is final and cannot change; add a new update that "
                    "corrects it (corrects: %(id)d)"
                )
                % {"id": update.pk},
            )
        elif self.user is not None and not (self.user.is_superuser or update.created_by_id == self.user.pk):
            row.report(
                "id", _("update %d is a draft by someone else: only its author changes it") % update.pk
            )
