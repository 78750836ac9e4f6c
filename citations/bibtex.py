"""A reference as a BibTeX entry (BibTeX and biblatex fields)."""

import re

from .formats import one_line

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
BIBTEX_LANGUAGES = {"fr": "french", "en": "english"}


def bibtex_escape(value):
    value = one_line(value)
    return _BIBTEX_SPECIAL_RE.sub(lambda match: _BIBTEX_SPECIAL[match.group()], value)


def _iso(date_value):
    year, month, day = date_value["date-parts"][0]
    return f"{year:04d}-{month:02d}-{day:02d}"


def to_bibtex(item):
    """One BibTeX entry (BibTeX and biblatex fields) for a CSL item. Names and the title are
    braced so they are printed as written (organizations, capitals)."""
    is_report = item["type"] == "report"
    fields = [
        ("author", " and ".join("{" + bibtex_escape(name["literal"]) + "}" for name in item["author"])),
        ("title", "{" + bibtex_escape(item["title"]) + "}"),
        ("institution" if is_report else "publisher", bibtex_escape(item["publisher"])),
        ("type", bibtex_escape(item["genre"])),
        ("number", bibtex_escape(item["number"])),
    ]
    if "issued" in item:
        fields += [("year", str(item["issued"]["date-parts"][0][0])), ("date", _iso(item["issued"]))]
    if "version" in item:
        fields.append(("version", bibtex_escape(item["version"])))
    fields += [
        ("url", item["URL"].replace("{", "%7B").replace("}", "%7D")),
        ("urldate", _iso(item["accessed"])),
    ]
    language = BIBTEX_LANGUAGES.get(item["language"][:2])
    if language:
        fields += [("language", language), ("langid", language)]
    for csl_name, bibtex_name in (("abstract", "abstract"), ("keyword", "keywords"), ("note", "note")):
        if item.get(csl_name):
            fields.append((bibtex_name, bibtex_escape(item[csl_name])))
    entry_type = "techreport" if is_report else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"
