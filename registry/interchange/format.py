"""The register's interchange format: its columns, what each holds, and the one way an entry
becomes a record.

A record is one entry (its public id) in one language, as a dict ``{column: value}`` whose values
are plain Python: text, ``True``/``False``, lists of keys, lists of assessments or risks (dicts).
``system_to_record`` is the only way an entry becomes a record, so the CSV export, the JSON export
and the import's "has anything changed?" check can never disagree. The CSV and the JSON files
are two spellings of the same records (``csv_format``, ``json_format``).
"""

from datetime import date

from hub.data_columns import clean_text
from hub.items import export_order

from ..blocks import ASSESSMENT_KINDS
from ..items import SYSTEM
from ..models import DeclaredRecord, RegisterRecord, SystemPage
from ..record import FIELD_KEYS, FIELDS

ID_PREFIX = SYSTEM.prefix
LOCALES = ("fr", "en")
DESCRIPTION_LIMIT = 350  # the Dutch standard's limit, as SystemPage.clean checks it

ENTRY_COLUMNS = (
    "id",
    "locale",
    "name",
    "description",
    "plain_summary",
    "organization",
    "unit",
    "services",
    "regions",
)
DECLARED_COLUMNS = tuple(f"declared_{key}" for key in FIELD_KEYS)
COMMUNITY_COLUMNS = tuple(f"community_{key}" for key in FIELD_KEYS)
DECLARATION_COLUMNS = (
    "not_disclosed",
    "declared_source_title",
    "declared_source_url",
    "declared_source_date",
    "declared_published",
)
COLUMNS = (
    *ENTRY_COLUMNS,
    *DECLARED_COLUMNS,
    *COMMUNITY_COLUMNS,
    "community_sources",
    *DECLARATION_COLUMNS,
    "published",
)

# What each column holds, beyond the register fields (whose kinds ``registry.record`` states).
ENTRY_KINDS = {
    "id": "id",
    "locale": "locale",
    "name": "text",
    "description": "text",
    "plain_summary": "text",
    "organization": "organization",
    "unit": "text",
    "services": "keys",
    "regions": "keys",
    "community_sources": "sources",
    "not_disclosed": "fields",
    "declared_source_title": "text",
    "declared_source_url": "url",
    "declared_source_date": "date",
    "declared_published": "declaration-state",
    "published": "boolean",
}
ASSESSMENT_PARTS = ("kind", "date", "url", "note")
RISK_PARTS = ("risk", "mitigation")
SOURCE_PARTS = ("field", "casefile", "title", "url")
ASSESSMENT_KIND_KEYS = [key for key, _label in ASSESSMENT_KINDS]


def field_key(column):
    """The register field a ``declared_…`` or ``community_…`` column holds, else None."""
    for prefix in ("declared_", "community_"):
        key = column.removeprefix(prefix)
        if key != column and key in FIELD_KEYS:
            return key
    return None


def column_kind(column):
    key = field_key(column)
    if key is not None:
        return next(register_field.kind for register_field in FIELDS if register_field.key == key)
    return ENTRY_KINDS[column]


def choice_values(key):
    """The keys a choice field accepts (its model choices)."""
    return [value for value, _label in RegisterRecord._meta.get_field(key).choices]


def max_length(column):
    """The longest text a column's model field holds, or None."""
    key = field_key(column)
    if key is not None:
        return RegisterRecord._meta.get_field(key).max_length
    model_fields = {
        "name": SystemPage._meta.get_field("title"),
        "unit": SystemPage._meta.get_field("unit"),
        "declared_source_title": DeclaredRecord._meta.get_field("source_title"),
        "declared_source_url": DeclaredRecord._meta.get_field("source_url"),
    }
    return model_fields[column].max_length if column in model_fields else None


def empty_value(column):
    kind = column_kind(column)
    if kind in ("keys", "organizations", "fields", "assessments", "risks", "sources"):
        return []
    if kind == "declaration-state":
        return None
    if kind == "boolean":
        return False
    return ""


# --- from the database -------------------------------------------------------------------------


def current_content(instance):
    """What a record describes: the live content of a live page or declaration, the latest draft
    otherwise."""
    return instance if instance.live else instance.get_latest_revision_as_object()


def field_value(record, register_field):
    """One register field of an entry or a declaration, as a record holds it."""
    value = getattr(record, register_field.key)
    if register_field.kind == "organizations":
        return sorted({organization.key for organization in value.all()})
    if register_field.kind == "assessments":
        return [assessment_item(block.value) for block in value]
    if register_field.kind == "risks":
        return [
            {"risk": clean_text(block.value["risk"]), "mitigation": clean_text(block.value["mitigation"])}
            for block in value
        ]
    return clean_text(value)


def assessment_item(value):
    day = value.get("date")
    if isinstance(day, str):
        day = date.fromisoformat(day) if day else None
    return {
        "kind": value.get("kind") or "",
        "date": day.isoformat() if day else "",
        "url": clean_text(value.get("url")),
        "note": clean_text(value.get("note")),
    }


def declaration_of(page):
    """The page's declared record in its own language, draft or live, or None."""
    return (
        DeclaredRecord.objects.filter(system__translation_key=page.translation_key, locale_id=page.locale_id)
        .order_by("pk")
        .first()
    )


def system_to_record(page):
    """The record (``{column: value}``) that describes ``page`` and its declaration."""
    content = current_content(page.specific)
    record = {
        "id": content.public_id,
        "locale": page.locale.language_code,
        "name": clean_text(content.title),
        "description": clean_text(content.summary),
        "plain_summary": clean_text(content.plain_summary),
        "organization": content.organization.key if content.organization_id else "",
        "unit": clean_text(content.unit),
        "services": sorted({term.key for term in content.services.all()}),
        "regions": sorted({term.key for term in content.regions.all()}),
        "published": page.live,
    }
    for register_field in FIELDS:
        record[f"community_{register_field.key}"] = field_value(content, register_field)
    record["community_sources"] = [
        {
            "field": source.field,
            "casefile": source.casefile.public_id if source.casefile_id else "",
            "title": clean_text(source.source_title),
            "url": clean_text(source.source_url),
        }
        for source in content.community_sources.all()
    ]
    declaration = declaration_of(page)
    record.update(declaration_to_columns(declaration))
    return record


def declaration_to_columns(declaration):
    if declaration is None:
        return {column: empty_value(column) for column in (*DECLARED_COLUMNS, *DECLARATION_COLUMNS)}
    content = current_content(declaration)
    columns = {f"declared_{field.key}": field_value(content, field) for field in FIELDS}
    withheld = set(content.not_disclosed or ())
    source_date = content.source_date
    if isinstance(source_date, str):
        source_date = date.fromisoformat(source_date)
    columns.update(
        {
            "not_disclosed": [key for key in FIELD_KEYS if key in withheld],
            "declared_source_title": clean_text(content.source_title),
            "declared_source_url": clean_text(content.source_url),
            "declared_source_date": source_date.isoformat() if source_date else "",
            "declared_published": declaration.live,
        }
    )
    return columns


def has_declaration(record):
    """Whether a record carries a declared record (its declaration state is given)."""
    return record["declared_published"] is not None


def record_sort_key(record):
    """Records sorted by id (year, then number), then locale with French first."""
    return export_order(record["id"], record["locale"])
