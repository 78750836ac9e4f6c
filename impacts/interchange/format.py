"""The CSV format in which community groups exchange case files with the hub: its columns and
the one way a case file page becomes a row.

One row is one page: a case file (its public id) in one locale. ``casefile_to_row`` is the only
way a page becomes a row, so the export and the import's "has anything changed?" check can
never disagree, and export → import → export gives the same file. Cells are written and read
through ``hub.csv_cells``, which escapes what a spreadsheet would run as a formula, reversibly.
"""

from datetime import date

from hub.data_columns import SEPARATOR, clean_text
from hub.items import export_order

from ..items import CASEFILE

COLUMNS = (
    "id",
    "locale",
    "title",
    "summary",
    "plain_summary",
    "services",
    "regions",
    "risks",
    "impact_level",
    "agency",
    "ai_system",
    "status",
    "first_reported",
    "sources",
    "published",
)
LOCALES = ("fr", "en")
TRUE, FALSE = "true", "false"

ID_PREFIX = CASEFILE.prefix


def source_cell_url(url):
    """A source URL as written in the ``sources`` cell, where ``|`` separates URLs."""
    return clean_text(url).replace(SEPARATOR, "%7C")


def format_cells(
    *,
    public_id,
    locale,
    title,
    summary,
    plain_summary,
    services,
    regions,
    risks,
    impact_level,
    agency,
    ai_system,
    status,
    first_reported,
    sources,
    published,
):
    """The cells of one row, as strings, in their canonical form."""
    return {
        "id": public_id,
        "locale": locale,
        "title": clean_text(title),
        "summary": clean_text(summary),
        "plain_summary": clean_text(plain_summary),
        "services": SEPARATOR.join(sorted(set(services))),
        "regions": SEPARATOR.join(sorted(set(regions))),
        "risks": SEPARATOR.join(sorted(set(risks))),
        "impact_level": "" if impact_level is None else str(impact_level),
        "agency": clean_text(agency),
        "ai_system": clean_text(ai_system),
        "status": status,
        "first_reported": first_reported.isoformat() if first_reported else "",
        "sources": SEPARATOR.join(source_cell_url(url) for url in sources),
        "published": TRUE if published else FALSE,
    }


def current_content(page):
    """What a row describes: the live content of a live page, the latest draft otherwise."""
    page = page.specific
    return page if page.live else page.get_latest_revision_as_object()


def casefile_to_row(page):
    """The row (``{column: text}``) that describes ``page``."""
    content = current_content(page)
    first_reported = content.first_reported
    if isinstance(first_reported, str):
        first_reported = date.fromisoformat(first_reported)
    return format_cells(
        public_id=content.public_id,
        locale=page.locale.language_code,
        title=content.title,
        summary=content.summary,
        plain_summary=content.plain_summary,
        services=[term.key for term in content.services.all()],
        regions=[term.key for term in content.regions.all()],
        risks=[term.key for term in content.risks.all()],
        impact_level=content.impact_level,
        agency=content.agency.name if content.agency_id else "",
        ai_system=content.ai_system,
        status=content.status,
        first_reported=first_reported,
        sources=content.evidence_sources(),
        published=page.live,
    )


def same_content(current_cells, row_cells):
    """Whether a row says nothing new about a page; agencies and systems match by name whatever
    the case."""

    def comparable(cells):
        return {**cells, "agency": cells["agency"].casefold(), "ai_system": cells["ai_system"].casefold()}

    return comparable(current_cells) == comparable(row_cells)


def row_sort_key(cells):
    """Rows sorted by id (year, then number), then locale with French first."""
    return export_order(cells["id"], cells["locale"])
