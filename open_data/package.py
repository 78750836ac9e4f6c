"""``datapackage.json``: the files of a generation as a Frictionless Data Package, for the tools
and catalogues (CKAN, the ``frictionless`` library) that read one.

Each CSV file gets a Table Schema derived from the same column declarations as the data
dictionary (``item_type.data_file.columns()``, the vocabularies of ``dictionary.data_dictionary``):
field types, required fields and the primary key (``row_key``), allowed values (``enum`` for a
coded column, a ``pattern`` built from the vocabulary for a column of several keys, the public id
pattern for ids). Each file also carries its byte size and SHA-256 fingerprint, which
``frictionless validate`` checks.

A column of several ids of another type (``Column.refers_to``) gets a pattern of that type's ids
and says which file holds them: Table Schema's ``foreignKeys`` compare whole cells, so they
cannot hold between a cell of several ids and the rows of another file."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from hub.data_columns import SEPARATOR, absolute_url
from hub.items import item_types

from .files import LICENCE, PUBLISHER

PACKAGE_NAME = "vigie-ia"
CSV_DIALECT = {
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
}
ID_DIGITS = "-[0-9]{4}-[0-9]{4,}"  # after the prefix: the year and the number (hub.items.PUBLIC_ID_RE)


def id_pattern(item_type):
    return re.escape(item_type.prefix) + ID_DIGITS


def several(pattern):
    """A cell of several values matching ``pattern``, separated as the files separate them."""
    return f"(?:{pattern})(?:{re.escape(SEPARATOR)}(?:{pattern}))*"


def localized(texts):
    """A dictionary text in the site's source language (a Data Package has one language)."""
    return texts.get(settings.LANGUAGE_CODE) or next(iter(texts.values()), "")


def field(column, described, data_file, by_section):
    """The Table Schema field of one column; ``described`` is its entry in the data dictionary."""
    spec = {
        "name": column.name,
        "title": localized(described["label"]),
        "description": localized(described["meaning"]),
        "type": "date" if column.kind == "date" else "string",
    }
    constraints = {}
    if column.name in data_file.row_key:
        constraints["required"] = True
    values = [value["value"] for value in described["values"] if value["value"] != ""]
    if column.kind == "code" and values:
        constraints["enum"] = values
    elif column.kind == "keys" and values:
        constraints["pattern"] = several("|".join(re.escape(value) for value in values))
    elif column.kind == "id":
        constraints["pattern"] = id_pattern(data_file.item_type)
    elif column.refers_to in by_section:  # a type not registered holds no ids to check
        target = by_section[column.refers_to]
        constraints["pattern"] = several(id_pattern(target.item_type))
        spec["description"] += f" ({target.csv_name}, id)"
    if column.kind in ("url",):
        spec["format"] = "uri"
    if constraints:
        spec["constraints"] = constraints
    return spec


def table_schema(data_file, dictionary_columns, by_section):
    described = {column["name"]: column for column in dictionary_columns}
    return {
        "fields": [
            field(column, described[column.name], data_file, by_section) for column in data_file.columns()
        ],
        "primaryKey": list(data_file.row_key),
        "missingValues": [""],
    }


def file_resource(entry):
    """What every resource says of its file: where, what and its fingerprint."""
    return {
        "name": entry["name"].rsplit(".", 1)[0].lower(),
        "path": entry["name"],
        "format": entry["format"],
        "mediatype": entry["media_type"],
        "encoding": "utf-8",
        "bytes": entry["bytes"],
        "hash": f"sha256:{entry['sha256']}",
    }


def data_package(manifest_files, dictionary, generated_at):
    """The Data Package of a generation: ``manifest_files`` are the manifest's entries."""
    data_files = [item_type.data_file for item_type in item_types()]
    by_name = {data_file.csv_name: data_file for data_file in data_files}
    by_section = {data_file.item_type.section: data_file for data_file in data_files}
    described = {spec["name"]: spec for spec in dictionary["files"]}
    resources = []
    for entry in manifest_files:
        resource = file_resource(entry)
        spec = described.get(entry["name"])
        if spec is not None:
            resource["title"] = localized(spec["title"])
        data_file = by_name.get(entry["name"])
        if data_file is not None:
            resource["profile"] = "tabular-data-resource"
            resource["dialect"] = CSV_DIALECT
            resource["schema"] = table_schema(data_file, spec["columns"], by_section)
        resources.append(resource)
    with translation.override(settings.LANGUAGE_CODE):
        homepage = absolute_url(reverse("open-data"))
    return {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "id": homepage,
        "title": PUBLISHER,
        "homepage": homepage,
        "created": generated_at.isoformat(),
        "licenses": [{"name": LICENCE["id"], "path": LICENCE["url"], "title": LICENCE["name"]}],
        "contributors": [{"title": PUBLISHER, "role": "publisher"}],
        "resources": resources,
    }
