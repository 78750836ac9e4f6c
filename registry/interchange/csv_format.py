"""The CSV spelling of a record: one cell per column, written and read through
``hub.csv_cells`` (no cell a spreadsheet would run as a formula).

- Lists of keys (services, regions, vendors, ``not_disclosed``) are separated by ``|``.
- Impact assessments, risks and community sources put one item per line of the cell, its parts
  separated by ``|`` (``kind|date|url|note``, ``risk|mitigation``, ``field|case file id|title|url``); inside a part, ``\\`` is written ``\\\\``,
  ``|`` is written ``\\|`` and a line break ``\\n``. Every item has all its parts, so the
  cell reads back as exactly the items written.
- ``published`` is ``true`` or ``false``; ``declared_published`` too when the row has a
  declared record, and empty when it has none.
"""

from django.utils.translation import gettext as _

from hub.data_columns import SEPARATOR, clean_text

from .format import ASSESSMENT_PARTS, RISK_PARTS, SOURCE_PARTS, column_kind

TRUE, FALSE = "true", "false"
LIST_KINDS = ("keys", "organizations", "fields")
ITEM_PARTS = {"assessments": ASSESSMENT_PARTS, "risks": RISK_PARTS, "sources": SOURCE_PARTS}
ESCAPES = {"\\": "\\\\", SEPARATOR: "\\" + SEPARATOR, "\n": "\\n"}
UNESCAPES = {"\\": "\\", SEPARATOR: SEPARATOR, "n": "\n"}


def escape_part(text):
    return "".join(ESCAPES.get(character, character) for character in text)


def encode_cell(column, value):
    """The text of ``column``'s cell for a record's value."""
    kind = column_kind(column)
    if kind in LIST_KINDS:
        return SEPARATOR.join(value)
    if kind in ITEM_PARTS:
        return "\n".join(
            SEPARATOR.join(escape_part(item[part]) for part in ITEM_PARTS[kind]) for item in value
        )
    if kind in ("boolean", "declaration-state"):
        return "" if value is None else (TRUE if value else FALSE)
    return value


def decode_cell(column, text, report):
    """A record's value from ``column``'s cell; ``report(message)`` says what is wrong."""
    kind = column_kind(column)
    if kind in LIST_KINDS:
        values = []
        for item in text.split(SEPARATOR):
            item = item.strip()
            if item and item not in values:
                values.append(item)
        return values
    if kind in ITEM_PARTS:
        return decode_items(text, ITEM_PARTS[kind], report)
    if kind in ("boolean", "declaration-state"):
        return decode_boolean(text, kind == "declaration-state", report)
    return clean_text(text)


def decode_boolean(text, optional, report):
    value = text.strip().lower()
    if optional and not value:
        return None
    if value not in (TRUE, FALSE):
        allowed = _("“%(true)s” or “%(false)s”") % {"true": TRUE, "false": FALSE}
        if optional:
            allowed = _("%s, or empty when the row has no declared record") % allowed
        report(_("“%(value)s” must be %(allowed)s") % {"value": text.strip(), "allowed": allowed})
        return None if optional else False
    return value == TRUE


def decode_items(text, parts, report):
    """Items of an assessments or risks cell: one a line, ``parts`` separated by ``|``."""
    items = []
    for number, line in enumerate(clean_text(text).split("\n"), start=1):
        if not line.strip():
            continue
        values = split_parts(line, number, report)
        if values is None:
            continue
        if len(values) != len(parts):
            report(
                _("item %(number)d has %(found)d parts instead of %(expected)d (%(parts)s)")
                % {
                    "number": number,
                    "found": len(values),
                    "expected": len(parts),
                    "parts": SEPARATOR.join(parts),
                }
            )
            continue
        items.append({part: clean_text(value) for part, value in zip(parts, values, strict=True)})
    return items


def split_parts(line, number, report):
    """The parts of one item, split at each ``|`` that is not escaped, escapes undone."""
    values, current, characters = [], [], iter(line)
    for character in characters:
        if character == SEPARATOR:
            values.append("".join(current))
            current = []
        elif character == "\\":
            escaped = next(characters, "")
            if escaped not in UNESCAPES:
                report(
                    _("item %(number)d: “\\%(escaped)s” is not an escape; write \\\\, \\| or \\n")
                    % {"number": number, "escaped": escaped}
                )
                return None
            current.append(UNESCAPES[escaped])
        else:
            current.append(character)
    values.append("".join(current))
    return values
