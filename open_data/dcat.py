"""The open data described for catalogues: a DCAT-AP catalogue in JSON-LD (``catalog.jsonld``,
what CKAN's ``ckanext-dcat`` harvests) and a schema.org ``Dataset`` on the open data page (what
dataset search engines read).

Both come from the manifest of the files online (addresses, media types, sizes, SHA-256) and
from the public items (temporal coverage from their dates, spatial coverage from their regions):
one dataset, one distribution per file."""

import json

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from hub.data_columns import absolute_url
from hub.data_files import languages
from hub.data_folder import open_data_url
from hub.items import item_types
from hub.models import Region, term_labels

from .files import LICENCE, PUBLISHER

TITLE = _("Vigie IA: impacts of AI systems in Québec's public services")
DESCRIPTION = _(
    "The case files, briefs, agreements, register entries, dialogues and reports published on "
    "Vigie IA, in French and in English: one CSV file per type, everything grouped by item in "
    "JSON, the data dictionary and a Frictionless data package."
)
QUEBEC = "https://sws.geonames.org/6115047/"  # the province of Québec in GeoNames
LANGUAGE_URIS = {
    "fr": "http://publications.europa.eu/resource/authority/language/FRA",
    "en": "http://publications.europa.eu/resource/authority/language/ENG",
}
IANA = "https://www.iana.org/assignments/media-types/"
SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def page_address(name, language=None):
    with translation.override(language or settings.LANGUAGE_CODE):
        return absolute_url(reverse(name))


def file_address(name):
    return absolute_url(open_data_url() + name)


def in_languages(text):
    """A JSON-LD text in every language of the site."""
    values = []
    for code in languages():
        with translation.override(code):
            values.append({"@value": str(text), "@language": code})
    return values


def coverage():
    """``(first day, last day, region keys)`` of the public items: when they were published,
    where they happen."""
    first = last = None
    regions = set()
    for item_type in item_types():
        public = item_type.model.objects.public()
        dates = public.aggregate(first=Min("first_published_at"), last=Max("last_published_at"))
        first = min(filter(None, (first, dates["first"])), default=None)
        last = max(filter(None, (last, dates["last"], dates["first"])), default=None)
        regions.update(key for key in public.values_list("regions__key", flat=True) if key)
    day = timezone.localdate
    return (day(first) if first else None), (day(last) if last else None), sorted(regions)


def region_labels(keys):
    """``{key: [{"@value": label, "@language": code}]}`` of the regions."""
    labels = {key: [] for key in keys}
    for code in languages():
        table = term_labels(Region, code)
        for key in keys:
            if key in table:
                labels[key].append({"@value": table[key], "@language": code})
    return labels


def typed(value, datatype):
    return {"@value": str(value), "@type": f"xsd:{datatype}"}


def distribution(entry, titles, licence):
    name = entry["name"]
    return {
        "@id": file_address(name),
        "@type": "dcat:Distribution",
        "dct:title": in_languages(titles.get(name, name)),
        "dct:license": licence,
        "dcat:accessURL": {"@id": page_address("open-data")},
        "dcat:downloadURL": {"@id": file_address(name)},
        "dcat:mediaType": {"@id": IANA + entry["media_type"]},
        "dcat:byteSize": typed(entry["bytes"], "nonNegativeInteger"),
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": SHA256},
            "spdx:checksumValue": typed(entry["sha256"], "hexBinary"),
        },
    }


def catalogue(manifest, titles):
    """The DCAT-AP catalogue (a JSON-LD document) of the files ``manifest`` lists; ``titles``:
    ``{file name: title}``."""
    publisher = {
        "@id": page_address("open-data") + "#publisher",
        "@type": "foaf:Agent",
        "foaf:name": PUBLISHER,
    }
    licence = {"@id": LICENCE["url"]}
    first, last, regions = coverage()
    spatial = [{"@id": QUEBEC, "@type": "dct:Location", "skos:prefLabel": "Québec"}]
    for key, labels in region_labels(regions).items():
        spatial.append({"@type": "dct:Location", "skos:prefLabel": labels, "skos:notation": key})
    dataset = {
        "@id": page_address("open-data") + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": page_address("open-data") + "#dataset",
        "dct:title": in_languages(TITLE),
        "dct:description": in_languages(DESCRIPTION),
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:language": [{"@id": LANGUAGE_URIS[code]} for code in languages() if code in LANGUAGE_URIS],
        "dct:spatial": spatial,
        "dcat:landingPage": {"@id": page_address("open-data")},
        "dcat:distribution": [
            distribution(entry, titles, licence) for entry in (manifest or {}).get("files", [])
        ],
    }
    if manifest and manifest.get("generated_at"):
        dataset["dct:modified"] = typed(manifest["generated_at"], "dateTime")
    if first and last:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": typed(first.isoformat(), "date"),
            "dcat:endDate": typed(last.isoformat(), "date"),
        }
    return {
        "@context": CONTEXT,
        "@id": page_address("open-data-catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": in_languages(TITLE),
        "dct:description": in_languages(DESCRIPTION),
        "dct:publisher": publisher,
        "dct:license": licence,
        "foaf:homepage": {"@id": page_address("open-data")},
        "dcat:dataset": [dataset],
    }


def schema_org_dataset(manifest, titles, language):
    """The schema.org ``Dataset`` of the open data page, in ``language``."""
    first, last, _regions = coverage()
    with translation.override(language):
        data = {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": str(TITLE),
            "description": str(DESCRIPTION),
            "url": page_address("open-data", language),
            "inLanguage": languages(),
            "isAccessibleForFree": True,
            "license": LICENCE["url"],
            "publisher": {"@type": "Organization", "name": PUBLISHER},
            "spatialCoverage": {"@type": "Place", "name": "Québec"},
            "distribution": [
                {
                    "@type": "DataDownload",
                    "name": str(titles.get(entry["name"], entry["name"])),
                    "contentUrl": file_address(entry["name"]),
                    "encodingFormat": entry["media_type"],
                    "contentSize": f"{entry['bytes']} B",
                    "sha256": entry["sha256"],
                }
                for entry in (manifest or {}).get("files", [])
            ],
        }
    if first and last:
        data["temporalCoverage"] = f"{first.isoformat()}/{last.isoformat()}"
    if manifest and manifest.get("generated_at"):
        data["dateModified"] = manifest["generated_at"]
    return data


SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script_text(data):
    """JSON for a ``<script>`` element: nothing in it can close the element."""
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
