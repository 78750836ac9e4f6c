"""The open data page (downloads, from the manifest of the files online) and the data dictionary
page (generated from the code and the vocabularies at each request)."""

from datetime import datetime

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from . import open_data

FILE_TITLES = {
    open_data.CASEFILES_CSV: _("Case files, in the import format"),
    open_data.BRIEFS_CSV: _("Advocacy briefs"),
    open_data.AGREEMENTS_CSV: _("Collaboration agreements"),
    open_data.DATA_JSON: _("Everything, grouped by item, with translations and testimonies"),
    open_data.DICTIONARY_JSON: _("Data dictionary"),
}


def interface_language():
    return (get_language() or "fr")[:2]


def download_rows(manifest):
    base = open_data.open_data_url()
    rows = []
    for entry in manifest["files"]:
        name = entry.get("name", "")
        rows.append(
            {
                "name": name,
                "url": base + name,
                "title": FILE_TITLES.get(name, name),
                "format": str(entry.get("format", "")).upper(),
                "bytes": entry.get("bytes", 0),
                "rows": entry.get("rows", 0),
                "count_label": open_data.count_label(name, entry.get("rows", 0)),
            }
        )
    return rows


def generated_at(manifest):
    try:
        return datetime.fromisoformat(manifest["generated_at"])
    except (KeyError, TypeError, ValueError):
        return None


@require_GET
def open_data_page(request):
    manifest = open_data.read_manifest()
    context = {
        "manifest": manifest,
        "downloads": download_rows(manifest) if manifest else [],
        "generated_at": generated_at(manifest) if manifest else None,
        "counts": (manifest or {}).get("counts", {}),
        "licence_url": open_data.licence_url(interface_language()),
        "manifest_url": open_data.open_data_url() + open_data.MANIFEST_JSON,
    }
    return render(request, "hub/open_data.html", context)


@require_GET
def data_dictionary_page(request):
    language = interface_language()
    codes = open_data.languages()
    dictionary = open_data.data_dictionary()

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
        "dictionary_url": open_data.open_data_url() + open_data.DICTIONARY_JSON,
        "dictionary_file_exists": open_data.read_manifest() is not None,
    }
    return render(request, "hub/data_dictionary.html", context)
