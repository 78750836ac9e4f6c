"""The JSON spelling of a record: the same columns as nested objects, so that a register that
publishes JSON reads it without the CSV's cell conventions.

``{"format": "vigie-ia-register", "version": 1, "systems": [...]}``; each system holds the
entry's own properties, ``community`` and ``declared`` (the register fields; ``declared`` is
null when the organization has declared nothing), ``community_sources`` (where the community
learned them), ``not_disclosed`` and ``source`` (the
declaration's document and whether the declaration is published; null with ``declared``).
``registry.interchange.schema`` describes it as a JSON Schema.
"""

import json

from django.utils.translation import gettext as _

from hub.data_columns import clean_text

from .format import (
    ASSESSMENT_PARTS,
    COLUMNS,
    ENTRY_COLUMNS,
    RISK_PARTS,
    SOURCE_PARTS,
    column_kind,
    empty_value,
    field_key,
    has_declaration,
)

FORMAT_NAME = "vigie-ia-register"
VERSION = 1
SOURCE_PROPERTIES = {
    "declared_source_title": "title",
    "declared_source_url": "url",
    "declared_source_date": "date",
    "declared_published": "published",
}
TOP_PROPERTIES = ("format", "version", "systems")
SYSTEM_PROPERTIES = (
    *ENTRY_COLUMNS,
    "published",
    "community",
    "community_sources",
    "declared",
    "not_disclosed",
    "source",
)
ITEM_PARTS = {"assessments": ASSESSMENT_PARTS, "risks": RISK_PARTS, "sources": SOURCE_PARTS}


def json_path(column):
    """Where a column's value sits in a system object, as a tuple of property names."""
    if column in SOURCE_PROPERTIES:
        return ("source", SOURCE_PROPERTIES[column])
    key = field_key(column)
    if key is not None:
        return (column.split("_", 1)[0], key)
    return (column,)


def record_to_json(record):
    """The system object of a record, properties in the columns' order."""
    declared = has_declaration(record)
    system = {column: record[column] for column in (*ENTRY_COLUMNS, "published")}
    system["community"] = {}
    system["community_sources"] = record["community_sources"]
    system["declared"] = {} if declared else None
    system["not_disclosed"] = record["not_disclosed"]
    system["source"] = {} if declared else None
    for column in COLUMNS:
        path = json_path(column)
        if len(path) == 2 and system[path[0]] is not None:
            system[path[0]][path[1]] = record[column]
    return system


def dump(records):
    """The text of a JSON file of ``records``."""
    document = {"format": FORMAT_NAME, "version": VERSION, "systems": [record_to_json(r) for r in records]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def system_to_record(system, report):
    """A record from a system object; ``report(column, message)`` says what is wrong where."""
    for name in system:
        if name not in SYSTEM_PROPERTIES:
            report(None, _("unknown property “%s”") % name)
    if (system.get("declared") is None) != (system.get("source") is None):
        report(None, _("“declared” and “source” go together: both objects, or both null"))
    record = {}
    for column in COLUMNS:
        path = json_path(column)
        parent = system if len(path) == 1 else system.get(path[0])
        value = parent.get(path[-1]) if isinstance(parent, dict) else None
        record[column] = typed_value(column, value, lambda message, c=column: report(c, message))
    for group in ("community", "declared", "source"):
        report_unknown_members(system.get(group), group, report)
    return record


def report_unknown_members(value, group, report):
    if value is None:
        return
    if not isinstance(value, dict):
        report(None, _("“%s” must be an object or null") % group)
        return
    known = {json_path(column)[1] for column in COLUMNS if json_path(column)[0] == group}
    for name in value:
        if name not in known:
            report(None, _("unknown property “%(group)s.%(name)s”") % {"group": group, "name": name})


def typed_value(column, value, report):
    """``value`` if it has the JSON type ``column`` needs, else the column's empty value and a
    problem; an absent property is empty."""
    if value is None:
        return empty_value(column)
    kind = column_kind(column)
    if kind in ("boolean", "declaration-state"):
        expected, valid = _("true or false"), isinstance(value, bool)
    elif kind in ("keys", "organizations", "fields"):
        expected = _("a list of keys (strings)")
        valid = isinstance(value, list) and all(isinstance(item, str) for item in value)
    elif kind in ITEM_PARTS:
        parts = ITEM_PARTS[kind]
        expected = _("a list of objects with the string properties %s") % ", ".join(parts)
        valid = isinstance(value, list) and all(
            isinstance(item, dict)
            and set(item) <= set(parts)
            and all(isinstance(v, str) for v in item.values())
            for item in value
        )
        if valid:
            value = [{part: clean_text(item.get(part, "")) for part in parts} for item in value]
    else:
        expected, valid = _("a string"), isinstance(value, str)
        value = clean_text(value) if valid else value
    if not valid:
        report(_("must be %s") % expected)
        return empty_value(column)
    return value
