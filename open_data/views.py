"""The open data page (downloads, from the manifest of the files online), its DCAT catalogue and
the data dictionary page (generated from the item types' columns and the vocabularies at each
request)."""

import json
from datetime import datetime

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hub.data_files import languages
from hub.data_folder import open_data_root, open_data_url
from hub.items import item_types

from . import dcat
from .dictionary import data_dictionary
from .files import (
    DATA_JSON,
    DATA_PACKAGE_JSON,
    DICTIONARY_JSON,
    MANIFEST_JSON,
    built_here,
    count_label,
    licence_url,
    read_manifest,
    stale_since,
)
from .tasks import next_build_at

FILE_TITLES = {
    DATA_JSON: _("Everything, grouped by item, with translations and testimonies"),
    DICTIONARY_JSON: _("Data dictionary"),
    DATA_PACKAGE_JSON: _("Data package (Frictionless), for data catalogues"),
}


def file_titles():
    """What the downloads table calls each file: each type's own title, then the common files."""
    titles = {
        item_type.data_file.csv_name: item_type.data_file.download_title() for item_type in item_types()
    }
    return {**titles, **FILE_TITLES}


def count_rows(counts):
    """The counts the page shows: each type's items, then what types count besides them."""
    rows = [(item_type.section, item_type.label_plural) for item_type in item_types()]
    for item_type in item_types():
        rows.extend(item_type.data_file.extra_counts.items())
    return [{"key": key, "label": label, "value": counts.get(key, "")} for key, label in rows]


def interface_language():
    return (get_language() or "fr")[:2]


def download_rows(manifest):
    base = open_data_url()
    titles = file_titles()
    rows = []
    for entry in manifest["files"]:
        name = entry.get("name", "")
        rows.append(
            {
                "name": name,
                "url": base + name,
                "title": titles.get(name, name),
                "format": str(entry.get("format", "")).upper(),
                "bytes": entry.get("bytes", 0),
                "rows": entry.get("rows", 0),
                "count_label": count_label(name, entry.get("rows", 0)),
            }
        )
    return rows


def generated_at(manifest):
    try:
        return datetime.fromisoformat(manifest["generated_at"])
    except (KeyError, TypeError, ValueError):
        return None


def freshness(root):
    """What the page says of changes the files do not hold yet: ``waiting`` until ``next_at``
    (the interval since the last build), ``building`` (a build is due or under way), or
    ``current`` with the interval in minutes; ``every_change`` when each change rebuilds."""
    interval = settings.OPEN_DATA_MIN_INTERVAL
    if not interval or not built_here(root):
        return {"state": "every_change"}
    next_at = next_build_at(root)
    if stale_since(root) is None:
        return {"state": "current", "minutes": max(1, round(interval / 60))}
    if next_at is not None and next_at > timezone.now():
        return {"state": "waiting", "next_at": timezone.localtime(next_at)}
    return {"state": "building"}


@require_GET
def open_data_page(request):
    manifest = read_manifest()
    context = {
        "manifest": manifest,
        "downloads": download_rows(manifest) if manifest else [],
        "generated_at": generated_at(manifest) if manifest else None,
        "freshness": freshness(open_data_root()) if manifest else None,
        "counts": count_rows((manifest or {}).get("counts", {})),
        "licence_url": licence_url(interface_language()),
        "manifest_url": open_data_url() + MANIFEST_JSON,
        "package_url": open_data_url() + DATA_PACKAGE_JSON,
        "catalogue_url": reverse("open-data-catalogue"),
        "dataset_json_ld": dcat.script_text(
            dcat.schema_org_dataset(manifest, file_titles(), interface_language())
        ),
    }
    return render(request, "open_data/open_data.html", context)


@require_GET
def catalogue(request):
    """The DCAT-AP catalogue of the files online, in JSON-LD, for data catalogues to harvest."""
    data = dcat.catalogue(read_manifest(), file_titles())
    return HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/ld+json")


@require_GET
def data_dictionary_page(request):
    language = interface_language()
    codes = languages()
    dictionary = data_dictionary()

    def localized(columns):
        return [
            {
                **column,
                "shown_label": column["label"].get(language, ""),
                "shown_meaning": column["meaning"].get(language, ""),
                "value_labels": [
                    {
                        "value": value["value"],
                        "labels": [(code, value["label"].get(code, "")) for code in codes],
                    }
                    for value in column["values"]
                ],
            }
            for column in columns
        ]

    files = []
    for spec in dictionary["files"]:
        tables = []
        if spec.get("columns"):
            tables.append({"name": "", "columns": localized(spec["columns"])})
        for section in spec.get("sections", []):
            tables.append({"name": section["name"], "columns": localized(section["columns"])})
        files.append(
            {
                "name": spec["name"],
                "format": spec["format"].upper(),
                "title": spec["title"].get(language, spec["name"]),
                "note": spec.get("note", {}).get(language, ""),
                "tables": tables,
            }
        )
    context = {
        "files": files,
        "separator": dictionary["separator"],
        "escaping_note": dictionary["escaping"]["note"].get(language, ""),
        "dictionary_url": open_data_url() + DICTIONARY_JSON,
        "dictionary_file_exists": read_manifest() is not None,
    }
    return render(request, "open_data/data_dictionary.html", context)
