"""Reading and checking an import file, whole, before anything is written: ``read_import``
returns its rows or raises ``ImportRefused`` with every problem of the file, each located by line
and column the way a spreadsheet user finds it.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from hub import import_files
from hub.import_files import Problem
from hub.items import PUBLIC_ID_RE
from hub.models import ImpactLevel, Organization, Region, Risk, Service
from registry.models import SystemPage

from ..models import CaseFilePage
from .format import COLUMNS, FALSE, ID_PREFIX, LOCALES, SEPARATOR, TRUE, clean_text, format_cells

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Tab and line breaks are legitimate in a summary; other control characters are not text,
# and PostgreSQL refuses NUL outright.
CONTROL_CHARACTER_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TITLE_MAX_LENGTH = CaseFilePage._meta.get_field("title").max_length
AI_SYSTEM_MAX_LENGTH = SystemPage._meta.get_field("title").max_length
AGENCY_MAX_LENGTH = Organization._meta.get_field("name").max_length
TAXONOMIES = {"services": Service, "regions": Region, "risks": Risk}


def problem(message, line, column=None, name=""):
    """A problem as ``hub.import_files`` reports one."""
    return Problem(line, message, column, name)


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


def read_import(data):
    """Check a whole CSV file (bytes or text) and return its rows, or raise ``ImportRefused``
    listing every problem found."""
    return import_files.read_csv(data, COLUMNS, RowChecker().check, problem)


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
        if values["ai_system"] and not values["agency"]:
            report("agency", _("required with an AI system: the register knows a system by its organization"))
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
