"""Reading and checking a whole file before anything is written: ``read_csv`` and ``read_json``
return its records or raise ``ImportRefused`` with every problem, each located where its author
finds it: line and column in a CSV file, record and property in a JSON file.
"""

import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from hub import import_files
from hub.import_files import ImportRefused

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


def problem_at(record, column, message):
    """A problem of a checked record, at its line and column (CSV) or record and property (JSON)."""
    if "_line" in record:
        if column is None:
            return Problem(message, line=record["_line"])
        return Problem(message, line=record["_line"], column=COLUMNS.index(column) + 1, name=column)
    return Problem(message, record=record["_record"], name=".".join(json_path(column)) if column else "")


def check_controls(record, report):
    for column, value in record.items():
        for text in strings(value):
            if bad := CONTROL_CHARACTER_RE.search(text):
                report(column, _("contains a control character (U+%04X)") % ord(bad.group()))
                break


def strings(value):
    """Every text in a record's value, lists and items included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from strings(item)


# --- CSV ---------------------------------------------------------------------------------------


def read_csv(data):
    """Check a whole CSV file (bytes or text); return its records or raise ``ImportRefused``."""
    checker = RecordChecker()
    return import_files.read_csv(data, COLUMNS, lambda cells, line: read_row(cells, line, checker), Problem)


def read_row(cells, line, checker):
    """A row's record, or None, and its problems."""
    problems = []

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
        return None, problems
    raw = dict(zip(COLUMNS, cells, strict=False))
    check_controls(raw, report)
    record = {
        column: decode_cell(column, raw[column], lambda message, c=column: report(c, message))
        for column in COLUMNS
    }
    record = checker.check(record, report, location=f"line {line}")
    return ({**record, "_line": line} if not problems else None), problems


# --- JSON --------------------------------------------------------------------------------------


def read_json(data):
    """Check a whole JSON file (bytes or text); return its records or raise ``ImportRefused``."""
    try:
        document = json.loads(import_files.decode(data, Problem))
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
