"""The JSON Schema (draft 2020-12) of the register's JSON file, built from ``registry.record.FIELDS``,
the models' choices and the columns, so it cannot drift from what ``export_systems`` writes and
``import_systems`` reads. Published at ``SCHEMA_PATH`` and kept in the repository as
``registry/schema/register-v1.json`` (a test compares them)."""

import json
from pathlib import Path

from django.utils import translation

from ..blocks import AssessmentBlock, RiskBlock
from ..models import CommunitySource, DeclaredRecord, RegisterRecord, SystemPage
from ..record import FIELD_KEYS, FIELDS
from .format import ASSESSMENT_KIND_KEYS, DESCRIPTION_LIMIT, ID_PREFIX, LOCALES, choice_values
from .json_format import FORMAT_NAME, VERSION

SCHEMA_ID = "urn:vigie-ia:schema:register-v1"
SCHEMA_PATH = "/schemas/register-v1.json"
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "register-v1.json"
KEY = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
URL_OR_EMPTY = {"type": "string", "pattern": r"^(https?://\S+)?$"}
DATE = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
MONTH_OR_EMPTY = {"type": "string", "pattern": r"^(\d{4}-(0[1-9]|1[0-2]))?$"}
NULL = {"type": "null"}


def described(schema, field):
    """``schema`` with the model field's name and help text (in English) as its title and
    description."""
    schema = {"title": str(field.verbose_name), **schema}
    if field.help_text:
        schema["description"] = str(field.help_text)
    return schema


def text(field, limit=None):
    schema = {"type": "string"}
    if limit or getattr(field, "max_length", None):
        schema["maxLength"] = limit or field.max_length
    return described(schema, field)


def register_field_schema(register_field):
    field = RegisterRecord._meta.get_field(register_field.key)
    kind = register_field.kind
    if kind == "choice":
        return described({"enum": ["", *choice_values(register_field.key)]}, field)
    if kind == "organizations":
        return described({"type": "array", "items": KEY, "uniqueItems": True}, field)
    if kind in ("assessments", "risks"):
        return described({"type": "array", "items": {"$ref": f"#/$defs/{kind}_item"}}, field)
    schema = {"url": URL_OR_EMPTY, "month": MONTH_OR_EMPTY}.get(kind)
    return described(dict(schema), field) if schema else text(field)


def empty_of(register_field):
    """What an empty value of the field looks like, as a schema."""
    if register_field.kind in ("organizations", "assessments", "risks"):
        return {"maxItems": 0}
    return {"maxLength": 0}


def record_schema():
    return {
        "type": "object",
        "properties": {
            register_field.key: register_field_schema(register_field) for register_field in FIELDS
        },
        "additionalProperties": False,
    }


def item_schemas():
    assessment, risk = AssessmentBlock().child_blocks, RiskBlock().child_blocks
    return {
        "assessments_item": {
            "type": "object",
            "required": ["kind"],
            "properties": {
                "kind": {"title": str(assessment["kind"].label), "enum": ASSESSMENT_KIND_KEYS},
                "date": {
                    "title": str(assessment["date"].label),
                    "type": "string",
                    "pattern": f"^({DATE})?$",
                },
                "url": {"title": str(assessment["url"].label), **URL_OR_EMPTY},
                "note": {
                    "title": str(assessment["note"].label),
                    "type": "string",
                    "maxLength": assessment["note"].field.max_length,
                },
            },
            "additionalProperties": False,
        },
        "risks_item": {
            "type": "object",
            "required": ["risk"],
            "properties": {
                "risk": {"title": str(risk["risk"].label), "type": "string", "minLength": 1},
                "mitigation": {"title": str(risk["mitigation"].label), "type": "string"},
            },
            "additionalProperties": False,
        },
    }


def community_source_schema():
    source = CommunitySource._meta
    return {
        "type": "object",
        "properties": {
            "field": described({"enum": ["", *FIELD_KEYS]}, source.get_field("field")),
            "casefile": described(
                {"type": "string", "pattern": r"^([A-Z]{2}-\d{4}-\d{4,})?$"}, source.get_field("casefile")
            ),
            "title": text(source.get_field("source_title")),
            "url": described(dict(URL_OR_EMPTY), source.get_field("source_url")),
        },
        "additionalProperties": False,
        # The case file or the address of the source, as CommunitySource.clean asks.
        "anyOf": [
            {"required": ["casefile"], "properties": {"casefile": {"minLength": 1}}},
            {"required": ["url"], "properties": {"url": {"minLength": 1}}},
        ],
    }


def source_schema():
    return {
        "type": "object",
        "required": ["title", "date", "published"],
        "properties": {
            "title": {**text(DeclaredRecord._meta.get_field("source_title")), "minLength": 1},
            "url": described(dict(URL_OR_EMPTY), DeclaredRecord._meta.get_field("source_url")),
            "date": described(
                {"type": "string", "pattern": f"^{DATE}$"}, DeclaredRecord._meta.get_field("source_date")
            ),
            "published": {
                "title": "published",
                "description": "Whether the declared record is public on the hub; false keeps it a draft.",
                "type": "boolean",
            },
        },
        "additionalProperties": False,
    }


def system_schema():
    page = SystemPage._meta
    return {
        "type": "object",
        "required": ["locale", "name", "description", "plain_summary", "organization", "services", "regions"],
        "properties": {
            "id": {
                "title": "public id",
                "description": f"{ID_PREFIX}-YYYY-NNNN; empty or absent for a new entry.",
                "type": "string",
                "pattern": rf"^({ID_PREFIX}-\d{{4}}-\d{{4,}})?$",
            },
            "locale": {"title": "language", "enum": list(LOCALES)},
            "name": {**text(page.get_field("title")), "minLength": 1},
            "description": {**text(page.get_field("summary"), DESCRIPTION_LIMIT), "minLength": 1},
            "plain_summary": {**text(page.get_field("plain_summary")), "minLength": 1},
            "organization": described(dict(KEY), page.get_field("organization")),
            "unit": text(page.get_field("unit")),
            "services": described(
                {"type": "array", "items": KEY, "minItems": 1, "uniqueItems": True},
                page.get_field("services"),
            ),
            "regions": described(
                {"type": "array", "items": KEY, "minItems": 1, "uniqueItems": True}, page.get_field("regions")
            ),
            "published": {
                "title": "published",
                "description": "Whether the entry is public on the hub; false keeps it a draft.",
                "type": "boolean",
            },
            "community": {
                "title": "community record",
                "description": "What the community documented, from case files and public sources.",
                "$ref": "#/$defs/record",
            },
            "community_sources": {
                "title": "community sources",
                "description": "Where the community learned each field: a case file of the hub or a public source.",
                "type": "array",
                "items": {"$ref": "#/$defs/community_source"},
            },
            "declared": {
                "title": "declared record",
                "description": "What the organization declared; null when it has declared nothing.",
                "anyOf": [NULL, {"$ref": "#/$defs/record"}],
            },
            "not_disclosed": {
                "title": "not disclosed",
                "description": "The fields the organization has not made public.",
                "type": "array",
                "items": {"enum": FIELD_KEYS},
                "uniqueItems": True,
            },
            "source": {
                "title": "source of the declared record",
                "anyOf": [NULL, {"$ref": "#/$defs/source"}],
            },
        },
        "additionalProperties": False,
        "allOf": [*declaration_rules(), *withheld_rules()],
    }


def declaration_rules():
    """A declared record comes with its source, and its source with it; withholding a field is
    declaring."""
    declared = {"required": ["declared"], "properties": {"declared": {"type": "object"}}}
    sourced = {"required": ["source"], "properties": {"source": {"type": "object"}}}
    withholds = {"required": ["not_disclosed"], "properties": {"not_disclosed": {"minItems": 1}}}
    return [
        {"if": declared, "then": sourced},
        {"if": sourced, "then": declared},
        {"if": withholds, "then": sourced},
    ]


def withheld_rules():
    """A field marked not disclosed has no declared value."""
    return [
        {
            "if": {
                "required": ["not_disclosed"],
                "properties": {"not_disclosed": {"contains": {"const": register_field.key}}},
            },
            "then": {
                "properties": {
                    "declared": {
                        "anyOf": [NULL, {"properties": {register_field.key: empty_of(register_field)}}]
                    }
                }
            },
        }
        for register_field in FIELDS
    ]


def register_schema():
    """The schema as a dict, its words in English whatever the active language."""
    with translation.override("en"):
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_ID,
            "title": "Vigie IA: AI system register",
            "description": (
                "The register of AI systems used in Québec's public services, as exported by "
                "export_systems --format json: each entry in each language, the community's record "
                "and the organization's declared record apart."
            ),
            "type": "object",
            "required": ["format", "version", "systems"],
            "properties": {
                "format": {"const": FORMAT_NAME},
                "version": {"const": VERSION},
                "systems": {"type": "array", "items": {"$ref": "#/$defs/system"}},
            },
            "additionalProperties": False,
            "$defs": {
                "system": system_schema(),
                "record": record_schema(),
                "source": source_schema(),
                "community_source": community_source_schema(),
                **item_schemas(),
            },
        }


def schema_text():
    """The schema file's text, as published and as kept in the repository."""
    return json.dumps(register_schema(), ensure_ascii=False, indent=2) + "\n"
