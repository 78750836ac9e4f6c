"""The downloads of a reference: their formats, what they share, and CSL-JSON itself."""

import json
import re

# Download format → (media type, file extension, label).
FORMATS = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib", "BibTeX"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris", "RIS"),
    "csl-json": ("application/vnd.citationstyles.csl+json", "json", "CSL-JSON"),
}


_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\v\f\x85\u2028\u2029])+[ \t]*")


def one_line(value):
    """``value`` on one line (no-break spaces, which French typography needs, are kept)."""
    return _LINE_BREAKS.sub(" ", str(value)).strip()


def to_csl_json(item):
    """A CSL-JSON document: a list holding the one item."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
