"""Every CSV file the hub writes or reads goes through here, so that no cell is a formula.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or with a tab or a
carriage return, which some spreadsheets skip before such a sign) as a formula: a title typed
by a contributor would run in the spreadsheet of whoever opens the download (CSV or formula
injection). Such a cell is written with one apostrophe in front, which spreadsheets show as
text. So that the escaping is reversible, a cell that already begins with an apostrophe gets
one more; the reader removes exactly one leading apostrophe. An import therefore reads back
exactly what was typed, and export → import → export gives the same bytes.

Rows end with CRLF, as RFC 4180 (``text/csv``) says; the reader takes either line end.
"""

import csv
import io

LINE_TERMINATOR = "\r\n"  # RFC 4180
ESCAPE = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPED_STARTS = (*FORMULA_STARTS, ESCAPE)


def escape_cell(value):
    """The text written for ``value``: one apostrophe in front when a spreadsheet could read a
    formula, or when the text itself begins with an apostrophe."""
    text = "" if value is None else str(value)
    return ESCAPE + text if text.startswith(ESCAPED_STARTS) else text


def unescape_cell(text):
    """What was meant by a cell read from a file: one leading apostrophe less."""
    return text.removeprefix(ESCAPE)


class Writer:
    """``csv.writer`` whose cells are escaped; ``writerow`` returns what the handle's ``write``
    returns, so a streamed response can yield it."""

    def __init__(self, handle):
        self.writer = csv.writer(handle, lineterminator=LINE_TERMINATOR)

    def writerow(self, cells):
        return self.writer.writerow([escape_cell(cell) for cell in cells])


class Reader:
    """``csv.reader`` whose cells are unescaped; ``line_num`` as ``csv.reader`` counts it."""

    def __init__(self, handle, **options):
        self.reader = csv.reader(handle, **options)

    def __iter__(self):
        return self

    def __next__(self):
        return [unescape_cell(cell) for cell in next(self.reader)]

    @property
    def line_num(self):
        return self.reader.line_num


def file_text(columns, rows):
    """The text of a CSV file: its header ``columns``, then each row (``{column: text}``)."""
    output = io.StringIO()
    writer = Writer(output)
    writer.writerow(columns)
    for cells in rows:
        writer.writerow([cells[column] for column in columns])
    return output.getvalue()
