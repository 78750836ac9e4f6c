"""Reading and checking a whole file before anything is written: ``read_csv`` and ``read_json``
return its records or raise ``ImportRefused`` with every problem, each located where its author
finds it: line and column in a CSV file, record and property in a JSON file.
"""

import csv
import io
import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from hub import csv_cells

from .checks import RecordChecker
from .csv_format import decode_cell
from .format import COLUMNS
from .json_format import FORMAT_NAME, SYSTEM_PROPERTIES, TOP_PROPERTIES, VERSION, json_path
from .json_format import system_to_record as json_system_to_record

# Tab and line breaks are legitimate in a text; other control characters are not, and
# PostgreSQL refuses NUL outright.
CONTROL_CHARACTER_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file: at a line (and column) of a CSV file, or at a record (and
    property) of a JSON file."""

    message: str
    line: int | None = None
    column: int | None = None
    name: str = ""
    record: int | None = None

    def __str__(self):
        if self.record is not None:
            where = f"record {self.record}"
        elif self.column is None:
            where = f"line {self.line}"
        else:
            where = f"line {self.line}, column {self.column}"
        if self.name:
            where = f"{where} ({self.name})"
        return f"{where}: {self.message}"


class ImportRefused(Exception):
    """The file cannot be imported; ``problems`` says why, and nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def problem_at(record, column, message):
    """A problem of a checked record, at its line and column (CSV) or record and property (JSON)."""
    if "_line" in record:
        if column is None:
            return Problem(message, line=record["_line"])
        return Problem(message, line=record["_line"], column=COLUMNS.index(column) + 1, name=column)
    return Problem(message, record=record["_record"], name=".".join(json_path(column)) if column else "")


def decode(data):
    """The text of a file, which must be UTF-8 (a byte order mark is tolerated)."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = _("the file is not UTF-8 text (byte 0x%(byte)02x); save it as UTF-8 and try again")
        raise ImportRefused([Problem(message % {"byte": data[error.start]}, line=line)]) from None


def check_controls(record, report):
    for column, value in record.items():
        if isinstance(value, str) and (bad := CONTROL_CHARACTER_RE.search(value)):
            report(column, _("contains a control character (U+%04X)") % ord(bad.group()))


# --- CSV ---------------------------------------------------------------------------------------


def read_csv(data):
    """Check a whole CSV file (bytes or text); return its records or raise ``ImportRefused``."""
    checker = RecordChecker()
    problems, records = [], []
    reader = csv_cells.Reader(io.StringIO(decode(data), newline=""), strict=True)
    header_seen = False
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(_("the CSV is malformed here (%s); check the quotes") % error, line=line))
            break
        if not any(cell.strip() for cell in cells):
            continue
        if not header_seen:
            header_seen = True
            if header_problems := check_header(cells, line):
                raise ImportRefused(header_problems)
            continue
        record = read_row(cells, line, checker, problems)
        if record is not None:
            records.append(record)
    if not header_seen and not problems:
        problems.append(
            Problem(_("the file is empty; the first line must be the header: %s") % ",".join(COLUMNS), line=1)
        )
    if problems:
        raise ImportRefused(problems)
    return records


def read_row(cells, line, checker, problems):
    found = len(problems)

    def report(column, message):
        problems.append(Problem(message, line=line, column=COLUMNS.index(column) + 1, name=column))

    for position in range(len(COLUMNS), len(cells)):
        if cells[position].strip():
            problems.append(
                Problem(_("unexpected extra cell “%s”") % cells[position], line, position + 1, _("extra"))
            )
    if len(cells) < len(COLUMNS):
        report(
            COLUMNS[len(cells)],
            _("the row has %(found)d cells instead of %(expected)d")
            % {"found": len(cells), "expected": len(COLUMNS)},
        )
        return None
    raw = dict(zip(COLUMNS, cells, strict=False))
    check_controls(raw, report)
    record = {
        column: decode_cell(column, raw[column], lambda message, c=column: report(c, message))
        for column in COLUMNS
    }
    record = checker.check(record, report, location=f"line {line}")
    return {**record, "_line": line} if len(problems) == found else None


def check_header(cells, line):
    names = [cell.strip() for cell in cells]
    while names and not names[-1]:
        names.pop()
    if names == list(COLUMNS):
        return []
    problems = []
    for position in range(max(len(names), len(COLUMNS))):
        expected = COLUMNS[position] if position < len(COLUMNS) else None
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
        problems.append(Problem(message, line, position + 1, expected or found))
    problems.append(Problem(_("the header must be exactly: %s") % ",".join(COLUMNS), line=line))
    return problems


# --- JSON --------------------------------------------------------------------------------------


def read_json(data):
    """Check a whole JSON file (bytes or text); return its records or raise ``ImportRefused``."""
    try:
        document = json.loads(decode(data))
    except json.JSONDecodeError as error:
        message = _("not valid JSON (%s)") % error.msg
        raise ImportRefused([Problem(message, line=error.lineno, column=error.colno)]) from None
    problems = check_document(document)
    if problems:
        raise ImportRefused(problems)
    checker = RecordChecker()
    records = []
    for number, system in enumerate(document["systems"], start=1):
        found = len(problems)

        def report(column, message, number=number):
            name = "" if column is None else ".".join(json_path(column))
            problems.append(Problem(message, record=number, name=name))

        if not isinstance(system, dict):
            report(
                None, _("a system must be an object with the properties %s") % ", ".join(SYSTEM_PROPERTIES)
            )
            continue
        record = json_system_to_record(system, report)
        check_controls(record, report)
        record = checker.check(record, report, location=f"record {number}")
        if len(problems) == found:
            records.append({**record, "_record": number})
    if problems:
        raise ImportRefused(problems)
    return records


def check_document(document):
    """Problems of the file as a whole: its format, version and list of systems."""
    expected = _(
        "the file must be an object {“format”: “%(format)s”, “version”: %(version)d, “systems”: [...]}"
    ) % {
        "format": FORMAT_NAME,
        "version": VERSION,
    }
    if not isinstance(document, dict):
        return [Problem(expected, line=1)]
    problems = [
        Problem(_("unknown property “%s”") % name, line=1) for name in document if name not in TOP_PROPERTIES
    ]
    if document.get("format") != FORMAT_NAME or document.get("version") != VERSION:
        problems.append(Problem(expected, line=1))
    if not isinstance(document.get("systems"), list):
        problems.append(Problem(_("“systems” must be a list of systems"), line=1))
    return problems
