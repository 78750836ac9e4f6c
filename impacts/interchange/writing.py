"""Writing checked rows as pages and revisions: ``apply_import`` writes a whole file in one
transaction (one refused row and nothing is written), one import at a time.
"""

import uuid

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from hub import import_files
from hub.models import Organization, PublicIdSequence, Region, Risk, Service
from hub.site_setup import ensure_site
from registry.casefile_systems import find_or_create_system
from registry.models import SystemIndexPage

from ..models import CaseFileIndexPage, CaseFilePage
from .format import (
    COLUMNS,
    ID_PREFIX,
    LOCALES,
    casefile_to_row,
    current_content,
    same_content,
    source_cell_url,
)
from .reading import Problem

SLUG_MAX_LENGTH = 80
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
    "system": "ai_system",
    "status": "status",
    "first_reported": "first_reported",
    "body": "sources",
}


def apply_import(rows):
    """Write checked rows in one transaction; if the database refuses any of them, nothing is
    written and ``ImportRefused`` says which row. Imports run one at a time: the next one starts
    from what the previous one committed, so two files naming the same new id do not both
    create it."""
    return import_files.write_all(
        "import_casefiles",
        rows,
        lambda: RowWriter(ensure_site()).write,
        lambda row, error: validation_problems(row.line, error),
    )


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
        self.registers = {code: site_pages[code][SystemIndexPage._meta.label] for code in LOCALES}
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
        page.status = row.status
        page.first_reported = row.first_reported
        page.agency = self.agency(row.agency, row.locale, current=page.agency if page.agency_id else None)
        page.system = self.system(page, row)
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

    def system(self, page, row):
        """The entry the row names by its agency and name: the one the page links to if it is
        that, else found or created as a draft (``registry.casefile_systems``)."""
        if not row.ai_system:
            return None
        current = page.system if page.system_id else None
        return find_or_create_system(page.agency, row.ai_system, self.registers[row.locale], current)

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
