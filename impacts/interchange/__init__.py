"""The CSV format in which community groups exchange case files with the hub.

One row is one page: a case file (its public id) in one locale. ``casefile_to_row`` is the only
way a page becomes a row, so the export and the import's "has anything changed?" check can
never disagree, and export → import → export gives the same file. Cells are written and read
through ``hub.csv_cells``, which escapes what a spreadsheet would run as a formula, reversibly.

An import is checked whole before anything is written: ``read_import`` returns every problem
of the file at once, ``apply_import`` then writes all rows in one transaction.
"""

import csv
import io
import re
import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from hub import csv_cells
from hub.items import PUBLIC_ID_RE
from hub.models import ImpactLevel, Organization, PublicIdSequence, Region, Risk, Service
from hub.site_setup import ensure_site
from hub.write_locks import exclusive

from ..items import CASEFILE
from ..models import CaseFileIndexPage, CaseFilePage

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
SEPARATOR = "|"
LOCALES = ("fr", "en")
TRUE, FALSE = "true", "false"

ID_PREFIX = CASEFILE.prefix
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Tab and line breaks are legitimate in a summary; other control characters are not text,
# and PostgreSQL refuses NUL outright.
CONTROL_CHARACTER_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TITLE_MAX_LENGTH = CaseFilePage._meta.get_field("title").max_length
AI_SYSTEM_MAX_LENGTH = CaseFilePage._meta.get_field("ai_system").max_length
AGENCY_MAX_LENGTH = Organization._meta.get_field("name").max_length
SLUG_MAX_LENGTH = 80
TAXONOMIES = {"services": Service, "regions": Region, "risks": Risk}
# Where a model validation error found while writing is reported, should one slip through.
FIELD_COLUMNS = {
    "public_id": "id",
    "title": "title",
    "summary": "summary",
    "plain_summary": "plain_summary",
    "services": "services",
    "regions": "regions",
    "risks": "risks",
    "impact_level": "impact_level",
    "agency": "agency",
    "ai_system": "ai_system",
    "status": "status",
    "first_reported": "first_reported",
    "body": "sources",
}


# --- One representation of a case file --------------------------------------------------------


def clean_text(value):
    """Text as the CSV holds it: one kind of line break, no surrounding blanks."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


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
    """Whether a row says nothing new about a page; agencies match by name whatever the case."""

    def comparable(cells):
        return {**cells, "agency": cells["agency"].casefold()}

    return comparable(current_cells) == comparable(row_cells)


# --- Export -----------------------------------------------------------------------------------


def row_sort_key(cells):
    """Rows sorted by id (year, then number), then locale with French first."""
    match = PUBLIC_ID_RE.match(cells["id"])
    id_key = (match["prefix"], int(match["year"]), int(match["number"])) if match else (cells["id"], 0, 0)
    locale_rank = LOCALES.index(cells["locale"]) if cells["locale"] in LOCALES else len(LOCALES)
    return id_key, locale_rank, cells["locale"]


def export_csv():
    """Every case file in every locale, published or not, as the text of a CSV file."""
    pages = CaseFilePage.objects.select_related("locale")
    rows = sorted((casefile_to_row(page) for page in pages), key=row_sort_key)
    output = io.StringIO()
    writer = csv_cells.Writer(output)
    writer.writerow(COLUMNS)
    for cells in rows:
        writer.writerow([cells[column] for column in COLUMNS])
    return output.getvalue()


# --- Reading and checking a file --------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong in the file, located the way a spreadsheet user finds it."""

    line: int
    message: str
    column: int | None = None
    column_name: str = ""

    def __str__(self):
        if self.column is None:
            return f"line {self.line}: {self.message}"
        return f"line {self.line}, column {self.column} ({self.column_name}): {self.message}"


class ImportRefused(Exception):
    """The file cannot be imported; ``problems`` says why, and nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class CaseFileRow:
    """A checked row, with typed values."""

    line: int
    public_id: str
    locale: str
    title: str
    summary: str
    plain_summary: str
    services: list
    regions: list
    risks: list
    impact_level: int | None
    agency: str
    ai_system: str
    status: str
    first_reported: date | None
    sources: list
    published: bool

    def cells(self):
        return format_cells(
            public_id=self.public_id,
            locale=self.locale,
            title=self.title,
            summary=self.summary,
            plain_summary=self.plain_summary,
            services=self.services,
            regions=self.regions,
            risks=self.risks,
            impact_level=self.impact_level,
            agency=self.agency,
            ai_system=self.ai_system,
            status=self.status,
            first_reported=self.first_reported,
            sources=self.sources,
            published=self.published,
        )


def decode(data):
    """The text of an uploaded file, which must be UTF-8 (a byte order mark is tolerated)."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            [
                Problem(
                    line,
                    _("the file is not UTF-8 text (byte 0x%(byte)02x); save it as “CSV UTF-8” and try again")
                    % {"byte": data[error.start]},
                )
            ]
        ) from None


def read_import(data):
    """Check a whole CSV file (bytes or text) and return its rows, or raise ``ImportRefused``
    listing every problem found."""
    checker = RowChecker()
    problems = []
    rows = []
    reader = csv_cells.Reader(io.StringIO(decode(data), newline=""), strict=True)
    header_seen = False
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(line, _("the CSV is malformed here (%s); check the quotes") % error))
            break
        if not any(cell.strip() for cell in cells):
            continue
        if not header_seen:
            header_seen = True
            header_problems = check_header(cells, line)
            if header_problems:
                raise ImportRefused(header_problems)
            continue
        row, row_problems = checker.check(cells, line)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if not header_seen and not problems:
        problems.append(
            Problem(1, _("the file is empty; the first line must be the header: %s") % ",".join(COLUMNS))
        )
    if problems:
        raise ImportRefused(problems)
    return rows


def check_header(cells, line):
    names = [cell.strip() for cell in cells]
    while names and not names[-1]:
        names.pop()
    if names == list(COLUMNS):
        return []
    problems = []
    for position in range(max(len(names), len(COLUMNS))):
        expected = COLUMNS[position] if position < len(COLUMNS) else None
        found = names[position] if position < len(names) else None
        if found == expected:
            continue
        if expected is None:
            message = _("unexpected column “%s”") % found
        elif found is None:
            message = _("missing column “%s”") % expected
        else:
            message = _("expected column “%(expected)s”, found “%(found)s”") % {
                "expected": expected,
                "found": found,
            }
        problems.append(Problem(line, message, position + 1, expected or found))
    problems.append(Problem(line, _("the header must be exactly: %s") % ",".join(COLUMNS)))
    return problems


class RowChecker:
    """Checks rows one by one against the database as it is and the rows seen before."""

    def __init__(self):
        self.known_keys = {
            column: sorted(set(model.objects.values_list("key", flat=True)))
            for column, model in TAXONOMIES.items()
        }
        self.statuses = [value for value, _label in CaseFilePage.Status.choices]
        self.impact_levels = [value for value, _label in ImpactLevel.choices]
        self.url_validator = URLValidator(schemes=["http", "https"])
        self.translation_keys_by_id = {}
        for public_id, translation_key in CaseFilePage.objects.values_list("public_id", "translation_key"):
            self.translation_keys_by_id.setdefault(public_id, set()).add(translation_key)
        self.lines_by_page = {}

    def check(self, cells, line):
        problems = []

        def report(column, message):
            problems.append(Problem(line, message, COLUMNS.index(column) + 1, column))

        for position in range(len(COLUMNS), len(cells)):
            if cells[position].strip():
                problems.append(
                    Problem(line, _("unexpected extra cell “%s”") % cells[position], position + 1, _("extra"))
                )
        if len(cells) < len(COLUMNS):
            missing = COLUMNS[len(cells)]
            report(
                missing,
                _("the row has %(found)d cells instead of %(expected)d")
                % {"found": len(cells), "expected": len(COLUMNS)},
            )
            return None, problems
        raw = dict(zip(COLUMNS, cells, strict=False))
        for column, value in raw.items():
            bad = CONTROL_CHARACTER_RE.search(value)
            if bad:
                report(column, _("contains a control character (U+%04X)") % ord(bad.group()))
        values = {
            "public_id": self.check_id(raw["id"], report),
            "locale": self.check_locale(raw["locale"], report),
            "title": self.check_required_text(raw["title"], "title", report, TITLE_MAX_LENGTH),
            "summary": self.check_required_text(raw["summary"], "summary", report),
            "plain_summary": self.check_required_text(raw["plain_summary"], "plain_summary", report),
            "services": self.check_keys(raw["services"], "services", report, required=True),
            "regions": self.check_keys(raw["regions"], "regions", report, required=True),
            "risks": self.check_keys(raw["risks"], "risks", report, required=False),
            "impact_level": self.check_impact_level(raw["impact_level"], report),
            "agency": self.check_optional_text(raw["agency"], "agency", report, AGENCY_MAX_LENGTH),
            "ai_system": self.check_optional_text(
                raw["ai_system"], "ai_system", report, AI_SYSTEM_MAX_LENGTH
            ),
            "status": self.check_status(raw["status"], report),
            "first_reported": self.check_date(raw["first_reported"], report),
            "sources": self.check_sources(raw["sources"], report),
            "published": self.check_published(raw["published"], report),
        }
        self.check_unique(values["public_id"], values["locale"], line, report)
        if problems:
            return None, problems
        return CaseFileRow(line=line, **values), problems

    def check_id(self, value, report):
        public_id = value.strip().upper()
        if not public_id:
            return ""
        match = PUBLIC_ID_RE.match(public_id)
        if not match or match["prefix"] != ID_PREFIX:
            report(
                "id",
                _(
                    "“%(value)s” is not a case file id: expected %(prefix)s-YYYY-NNNN, e.g. %(prefix)s-2024-0007, or empty for a new case file"
                )
                % {"value": value.strip(), "prefix": ID_PREFIX},
            )
            return None
        if int(match["number"]) == 0:
            report("id", _("“%s”: case file numbers start at 0001") % public_id)
            return None
        if len(self.translation_keys_by_id.get(public_id, ())) > 1:
            report(
                "id",
                _("%s is used by several unrelated case files in the database; fix them in the admin first")
                % public_id,
            )
            return None
        return public_id

    def check_locale(self, value, report):
        locale = value.strip().lower()
        if locale not in LOCALES:
            report(
                "locale",
                _("“%(value)s” is not a language of the hub; expected one of: %(allowed)s")
                % {"value": value.strip(), "allowed": ", ".join(LOCALES)},
            )
            return None
        return locale

    def check_required_text(self, value, column, report, max_length=None):
        text = clean_text(value)
        if not text:
            report(column, _("required; this cell is empty"))
        return self.check_optional_text(text, column, report, max_length)

    def check_optional_text(self, value, column, report, max_length=None):
        text = clean_text(value)
        if max_length and len(text) > max_length:
            report(
                column,
                _("too long: %(length)d characters, at most %(max)d")
                % {"length": len(text), "max": max_length},
            )
        return text

    def check_keys(self, value, column, report, required):
        keys = []
        for item in value.split(SEPARATOR):
            key = item.strip().lower()
            if key and key not in keys:
                keys.append(key)
        known = self.known_keys[column]
        if required and not keys:
            report(
                column,
                _("at least one key is required; known keys: %s") % ", ".join(known),
            )
        unknown = [key for key in keys if key not in known]
        if unknown:
            report(
                column,
                _("unknown key(s): %(unknown)s; known keys: %(known)s")
                % {"unknown": ", ".join(unknown), "known": ", ".join(known)},
            )
        return keys

    def check_impact_level(self, value, report):
        text = value.strip()
        if not text:
            return None
        if not text.isdigit() or int(text) not in self.impact_levels:
            report(
                "impact_level",
                _("“%(value)s” is not an impact level: use %(levels)s, or leave empty when not assessed")
                % {"value": text, "levels": ", ".join(str(level) for level in self.impact_levels)},
            )
            return None
        return int(text)

    def check_status(self, value, report):
        status = value.strip().lower()
        if status not in self.statuses:
            message = (
                _("“%(value)s” is not a status; allowed values: %(allowed)s")
                if status
                else _("required; allowed values: %(allowed)s")
            )
            report("status", message % {"value": value.strip(), "allowed": ", ".join(self.statuses)})
            return None
        return status

    def check_date(self, value, report):
        text = value.strip()
        if not text:
            return None
        if DATE_RE.match(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                report("first_reported", _("“%s” is not a day of the calendar") % text)
                return None
        report("first_reported", _("“%s” is not a date: expected YYYY-MM-DD, e.g. 2024-03-15") % text)
        return None

    def check_sources(self, value, report):
        urls = [item.strip() for item in value.split(SEPARATOR) if item.strip()]
        for url in urls:
            try:
                self.url_validator(url)
            except ValidationError:
                report("sources", _("“%s” is not an http:// or https:// address") % url)
        return urls

    def check_published(self, value, report):
        text = value.strip().lower()
        if text not in (TRUE, FALSE):
            report(
                "published",
                _("“%(value)s” must be “%(true)s” or “%(false)s”")
                % {"value": value.strip(), "true": TRUE, "false": FALSE},
            )
            return None
        return text == TRUE

    def check_unique(self, public_id, locale, line, report):
        if not public_id or not locale:
            return
        first_line = self.lines_by_page.setdefault((public_id, locale), line)
        if first_line != line:
            report(
                "id",
                _("%(id)s in “%(locale)s” already appears on line %(line)d")
                % {"id": public_id, "locale": locale, "line": first_line},
            )


# --- Writing ----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def apply_import(rows):
    """Write checked rows in one transaction; if the database refuses any of them, nothing is
    written and ``ImportRefused`` says which row. Imports run one at a time (``exclusive``): the
    next one starts from what the previous one committed, so two files naming the same new id
    do not both create it."""
    result = ImportResult()
    with exclusive("import_casefiles"):
        writer = RowWriter(ensure_site())
        problems = []
        for row in rows:
            try:
                with transaction.atomic():
                    outcome = writer.write(row)
            except ValidationError as error:
                problems.extend(validation_problems(row.line, error))
                continue
            setattr(result, outcome, getattr(result, outcome) + 1)
        if problems:
            raise ImportRefused(problems)
    return result


def validation_problems(line, error):
    if not hasattr(error, "error_dict"):
        return [Problem(line, message) for message in error.messages]
    problems = []
    for name, errors in error.message_dict.items():
        column = FIELD_COLUMNS.get(name)
        for message in errors:
            if column:
                problems.append(Problem(line, message, COLUMNS.index(column) + 1, column))
            else:
                problems.append(Problem(line, f"{name}: {message}"))
    return problems


class RowWriter:
    """Turns checked rows into pages and revisions."""

    def __init__(self, site_pages):
        self.indexes = {code: site_pages[code][CaseFileIndexPage._meta.label] for code in LOCALES}
        self.locales = {
            locale.language_code: locale for locale in Locale.objects.filter(language_code__in=LOCALES)
        }
        self.organizations = list(Organization.objects.select_related("locale").order_by("pk"))

    def write(self, row):
        """Apply one row and say what happened: created, updated or unchanged."""
        if not row.public_id:
            self.create(row, PublicIdSequence.next_id(ID_PREFIX))
            return "created"
        versions = CaseFilePage.objects.filter(public_id=row.public_id)
        page = versions.filter(locale__language_code=row.locale).first()
        if page is not None:
            return self.update(page.specific, row)
        original = versions.order_by("pk").first()
        if original is not None:
            self.translate(original.specific, row)
            return "created"
        PublicIdSequence.reserve(row.public_id)
        self.create(row, row.public_id)
        return "created"

    def create(self, row, public_id):
        index = self.indexes[row.locale]
        page = CaseFilePage(public_id=public_id, locale=self.locales[row.locale], live=False)
        self.fill(page, row)
        page.slug = find_available_slug(index, self.slug_for(row.title, public_id))
        index.add_child(instance=page)
        self.save(page, row, was_live=False)

    def translate(self, original, row):
        page = original.copy_for_translation(self.locales[row.locale]).specific
        self.fill(page, row)
        page.slug = find_available_slug(
            page.get_parent(), self.slug_for(row.title, row.public_id), ignore_page_id=page.pk
        )
        page.save()
        self.save(page, row, was_live=False)

    def update(self, page, row):
        if same_content(casefile_to_row(page), row.cells()):
            return "unchanged"
        was_live = page.live
        content = current_content(page)
        self.fill(content, row)
        self.save(content, row, was_live=was_live)
        return "updated"

    def save(self, page, row, was_live):
        revision = page.save_revision()
        if row.published:
            revision.publish()
        elif was_live:
            CaseFilePage.objects.get(pk=page.pk).unpublish()

    @staticmethod
    def slug_for(title, public_id):
        return slugify(title)[:SLUG_MAX_LENGTH].strip("-") or public_id.lower()

    def fill(self, page, row):
        page.title = row.title
        page.summary = row.summary
        page.plain_summary = row.plain_summary
        page.impact_level = row.impact_level
        page.ai_system = row.ai_system
        page.status = row.status
        page.first_reported = row.first_reported
        page.agency = self.agency(row.agency, row.locale, current=page.agency if page.agency_id else None)
        page.services.set(self.terms(Service, row.services, row.locale))
        page.regions.set(self.terms(Region, row.regions, row.locale))
        page.risks.set(self.terms(Risk, row.risks, row.locale))
        page.body = merge_sources(page.body, row.sources)

    def terms(self, model, keys, language_code):
        """The terms for ``keys``, preferably in the page's own locale."""
        by_key = {}
        for term in model.objects.filter(key__in=keys).order_by("pk"):
            if term.key not in by_key or term.locale.language_code == language_code:
                by_key[term.key] = term
        return [by_key[key] for key in keys]

    def agency(self, name, language_code, current):
        """The organization called ``name`` (any case, any locale), created in the row's locale
        if there is none."""
        if not name:
            return None
        wanted = name.casefold()
        if current is not None and current.name.casefold() == wanted:
            return current
        matches = [org for org in self.organizations if org.name.casefold() == wanted]
        if matches:
            in_locale = [org for org in matches if org.locale.language_code == language_code]
            return (in_locale or matches)[0]
        organization = Organization.objects.create(name=name, locale=self.locales[language_code])
        self.organizations.append(organization)
        return organization


def merge_sources(body, urls):
    """The body with its evidence blocks matching ``urls``, in that order.

    Evidence whose URL is still listed keeps its publisher, date and archive; evidence no longer
    listed goes; new URLs become new evidence blocks. Other blocks keep their places.
    """
    blocks = list(body.raw_data)
    unused = [block for block in blocks if block["type"] == "evidence"]
    evidence_block = CaseFilePage.body.field.stream_block.child_blocks["evidence"]
    wanted = []
    for url in urls:
        match = next(
            (block for block in unused if source_cell_url(block["value"].get("source_url", "")) == url),
            None,
        )
        if match is not None:
            unused.remove(match)
            wanted.append(match)
        else:
            value = evidence_block.get_prep_value(evidence_block.to_python({"source_url": url}))
            wanted.append({"type": "evidence", "value": value, "id": str(uuid.uuid4())})
    merged = []
    for block in blocks:
        if block["type"] != "evidence":
            merged.append(block)
        elif wanted:
            merged.append(wanted.pop(0))
    merged.extend(wanted)
    return [dict(block) for block in merged]
