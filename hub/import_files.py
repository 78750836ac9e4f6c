"""What every import of a file shares, whatever it holds: the file read whole and checked before
anything is written, its text (UTF-8 only), a CSV header checked column by column, the refusal that
lists every problem, the writing of all rows in one transaction under a write lock, and the
commands' reading of a file or standard input.

Each app says how its problems read (a ``problem(message, line, column=None, name="")`` factory),
so that a problem is located where the file's author finds it.
"""

import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import csv_cells
from .write_locks import exclusive

# Tab and line breaks are legitimate in a text; other control characters are not.
CONTROL_CHARACTER_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    """Something wrong in the file, located the way a spreadsheet user finds it."""

    line: int
    message: str
    column: int | None = None
    column_name: str = ""

    def __str__(self):
        if self.column is None:
            return f"line {self.line}: {self.message}"
        return f"line {self.line}, column {self.column} ({self.column_name}): {self.message}"


class ImportRefused(Exception):
    """The file cannot be imported; ``problems`` says why, and nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def decode(data, problem):
    """The text of a file, which must be UTF-8 (a byte order mark is tolerated)."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = _(
            "the file is not UTF-8 text (byte 0x%(byte)02x); save it as UTF-8 (“CSV UTF-8” in a "
            "spreadsheet) and try again"
        )
        raise ImportRefused([problem(message % {"byte": data[error.start]}, line)]) from None


def read_csv(data, columns, check_row, problem):
    """The checked rows of a whole CSV file (bytes or text) whose header must be ``columns``:
    ``check_row(cells, line)`` returns ``(row or None, problems)``. Raises ``ImportRefused``
    with every problem of the file."""
    problems, rows = [], []
    reader = csv_cells.Reader(io.StringIO(decode(data, problem), newline=""), strict=True)
    header_seen = False
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(problem(_("the CSV is malformed here (%s); check the quotes") % error, line))
            break
        if not any(cell.strip() for cell in cells):
            continue
        if not header_seen:
            header_seen = True
            if header := header_problems(cells, line, columns, problem):
                raise ImportRefused(header)
            continue
        row, row_problems = check_row(cells, line)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if not header_seen and not problems:
        message = _("the file is empty; the first line must be the header: %s") % ",".join(columns)
        problems.append(problem(message, 1))
    if problems:
        raise ImportRefused(problems)
    return rows


def row_cells(cells, line, columns):
    """``({column: cell}, problems)`` of a row of a file whose header is ``columns``: None instead
    of the cells when it has too few; extra cells with text and control characters other than tab
    and line breaks (PostgreSQL refuses NUL outright) are problems."""
    problems = []
    for position in range(len(columns), len(cells)):
        if cells[position].strip():
            message = _("unexpected extra cell “%s”") % cells[position]
            problems.append(Problem(line, message, position + 1, _("extra")))
    if len(cells) < len(columns):
        message = _("the row has %(found)d cells instead of %(expected)d") % {
            "found": len(cells),
            "expected": len(columns),
        }
        problems.append(Problem(line, message, len(cells) + 1, columns[len(cells)]))
        return None, problems
    raw = dict(zip(columns, cells, strict=False))
    for position, (column, value) in enumerate(raw.items(), start=1):
        if bad := CONTROL_CHARACTER_RE.search(value):
            message = _("contains a control character (U+%04X)") % ord(bad.group())
            problems.append(Problem(line, message, position, column))
    return raw, problems


def header_problems(cells, line, columns, problem):
    names = [cell.strip() for cell in cells]
    while names and not names[-1]:
        names.pop()
    if names == list(columns):
        return []
    problems = []
    for position in range(max(len(names), len(columns))):
        expected = columns[position] if position < len(columns) else None
        found = names[position] if position < len(names) else None
        if found == expected:
            continue
        if expected is None:
            message = _("unexpected column “%s”") % found
        elif found is None:
            message = _("missing column “%s”") % expected
        else:
            message = _("expected column “%(expected)s”, found “%(found)s”") % {
                "expected": expected,
                "found": found,
            }
        problems.append(problem(message, line, position + 1, expected or found))
    problems.append(problem(_("the header must be exactly: %s") % ",".join(columns), line))
    return problems


def write_all(lock, rows, start, validation_problems):
    """Write checked rows in one transaction, one import of ``lock`` at a time, so the next one
    starts from what this one committed. ``start()``, called inside, gives ``write(row)``, which
    says "created", "updated" or "unchanged"; a ``ValidationError`` becomes the row's
    ``validation_problems(row, error)``, and then nothing is written, not even what ``start``
    wrote."""
    result = ImportResult()
    with exclusive(lock):
        write = start()
        problems = []
        for row in rows:
            try:
                with transaction.atomic():
                    outcome = write(row)
            except ValidationError as error:
                problems.extend(validation_problems(row, error))
                continue
            setattr(result, outcome, getattr(result, outcome) + 1)
        if problems:
            raise ImportRefused(problems)
    return result


def read_input(name):
    """The bytes of the file a command was given, or of standard input for ``-``."""
    if name == "-":
        return getattr(sys.stdin, "buffer", sys.stdin).read()
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise CommandError(
            _("Cannot read %(file)s: %(reason)s") % {"file": name, "reason": error.strerror or error}
        ) from None


def write_output(name, data, stdout):
    """Write a command's file, or its bytes to standard output for ``-`` whatever the terminal's
    encoding when the stream allows it."""
    if name == "-":
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            stdout.write(data.decode("utf-8"), ending="")
        else:
            stdout.flush()
            buffer.write(data)
            buffer.flush()
        return
    try:
        Path(name).write_bytes(data)
    except OSError as error:
        raise CommandError(
            _("Cannot write %(file)s: %(reason)s") % {"file": name, "reason": error.strerror or error}
        ) from None


def refusal_message(count):
    """The sentence that closes the list of a refused import's ``count`` problems."""
    return ngettext(
        "%(count)d problem found; nothing was imported.",
        "%(count)d problems found; nothing was imported.",
        count,
    ) % {"count": count}


def refusal_error(refusal, stderr):
    """Print every problem of a refused import, one a line, and give the command's error."""
    for problem in refusal.problems:
        stderr.write(str(problem))
    return CommandError(refusal_message(len(refusal.problems)))
