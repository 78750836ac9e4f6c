"""A reference as a RIS record."""

from .formats import one_line

RIS_TYPES = {"report": "RPRT", "dataset": "DATA", "document": "GEN"}


def _ris_date(date_value):
    year, month, day = date_value["date-parts"][0]
    return f"{year:04d}/{month:02d}/{day:02d}"


def to_ris(item, keywords=None):
    """One RIS record for a CSL item (tags of the RIS specification; CRLF line ends). One ``KW``
    line per keyword: ``keywords``, else the item's comma-separated ``keyword``."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"]), ("TI", item["title"])]
    if item.get("container-title"):
        lines.append(("T2", item["container-title"]))
    lines += [("AU", name["literal"]) for name in item["author"]]
    if "issued" in item:
        lines += [("PY", str(item["issued"]["date-parts"][0][0])), ("DA", _ris_date(item["issued"]))]
    if "version" in item:
        lines.append(("ET", item["version"]))
    lines += [
        ("PB", item["publisher"]),
        ("M3", item["genre"]),
        ("M1", item["number"]),
        ("UR", item["URL"]),
        ("Y2", _ris_date(item["accessed"])),
        ("LA", item["language"]),
    ]
    if item.get("abstract"):
        lines.append(("AB", item["abstract"]))
    if keywords is None:
        keywords = [keyword.strip() for keyword in item.get("keyword", "").split(",")]
    lines += [("KW", keyword) for keyword in keywords if keyword]
    if item.get("note"):
        lines.append(("N1", item["note"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines)
