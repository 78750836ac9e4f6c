"""The schema.org description of an item, embedded in its page as JSON-LD."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# The characters that could end the script element or open a comment in it, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_data(citable):
    """The schema.org description (a dict) of a ``CitableItem``, made from its CSL item: the
    type's ``schema_type`` (a ``Report`` also carries its ``reportNumber``), its authors and
    what it is about, then as the page reshapes it (``schema_org``)."""
    item = citable.csl
    schema_type = citable.item_type.schema_type
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "identifier": citable.public_id,
        "name": citable.page.title,
        "url": citable.url,
        "inLanguage": citable.content_language,
        "isAccessibleForFree": True,
        "publisher": {"@type": "Organization", "name": item["publisher"]},
        "author": [
            {"@type": "Person" if is_person else "Organization", "name": name}
            for name, is_person in citable.authors
        ],
        "genre": item["genre"],
    }
    if schema_type == "Report":
        data["reportNumber"] = citable.public_id
    if citable.page.summary:
        data["description"] = citable.page.summary
    if citable.issued:
        data["datePublished"] = citable.issued.isoformat()
    if citable.revised:
        data["dateModified"] = citable.revised.isoformat()
        data["version"] = citable.revised.isoformat()
    about = [{"@type": "DefinedTerm", "name": label, "termCode": key} for _name, key, label in citable.about]
    if about:
        data["about"] = about
    if item.get("note"):
        # Demonstration content: say so in the data too, never present it as a real case.
        data["disambiguatingDescription"] = item["note"]
    return citable.page.schema_org(data)


def json_ld_script(data):
    """``<script type="application/ld+json">`` holding ``data``, safe in HTML."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
