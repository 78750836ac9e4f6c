"""Writing checked records as entries, declared records and their revisions: ``apply_import``
writes a whole file in one transaction (one refused record and nothing is written), one import at
a time. A record whose ``published`` is false leaves a draft (a live entry becomes one); the
declared record follows ``declared_published`` the same way, so a draft declaration stays off
every public surface.
"""

import uuid
from datetime import date

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from hub import import_files
from hub.models import Organization, PublicIdSequence, Region, Service
from hub.site_setup import ensure_site

from ..models import CommunitySource, DeclaredRecord, SystemIndexPage, SystemPage
from ..record import FIELDS
from .format import (
    COMMUNITY_COLUMNS,
    DECLARATION_COLUMNS,
    DECLARED_COLUMNS,
    ENTRY_COLUMNS,
    ID_PREFIX,
    LOCALES,
    current_content,
    declaration_of,
    has_declaration,
    system_to_record,
)
from .reading import problem_at

SLUG_MAX_LENGTH = 80
ENTRY_PART = (*ENTRY_COLUMNS, *COMMUNITY_COLUMNS, "community_sources", "published")
DECLARATION_PART = (*DECLARED_COLUMNS, *DECLARATION_COLUMNS)
# Where a model validation error found while writing is reported, should one slip through.
FIELD_COLUMNS = {
    "public_id": "id",
    "title": "name",
    "summary": "description",
    "plain_summary": "plain_summary",
    "organization": "organization",
    "unit": "unit",
    "services": "services",
    "regions": "regions",
    **{register_field.key: f"community_{register_field.key}" for register_field in FIELDS},
}


def apply_import(records):
    """Write checked records in one transaction; if the database refuses any of them, nothing is
    written and ``ImportRefused`` says which. Imports run one at a time: two files naming the same
    new id do not both create it."""
    return import_files.write_all(
        "import_systems", records, lambda: RecordWriter(ensure_site()).write, validation_problems
    )


def validation_problems(record, error):
    messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    return [
        problem_at(
            record,
            FIELD_COLUMNS.get(name),
            message if name in FIELD_COLUMNS or not name else f"{name}: {message}",
        )
        for name, errors in messages.items()
        for message in errors
    ]


class RecordWriter:
    """Turns checked records into entries, declared records and revisions."""

    def __init__(self, site_pages):
        self.indexes = {code: site_pages[code][SystemIndexPage._meta.label] for code in LOCALES}
        self.locales = {
            locale.language_code: locale for locale in Locale.objects.filter(language_code__in=LOCALES)
        }

    def write(self, record):
        """Apply one record and say what happened: created, updated or unchanged."""
        if not record["id"]:
            record = {**record, "id": PublicIdSequence.next_id(ID_PREFIX)}
            page = self.create(record)
            self.write_declaration(page, record, None)
            return "created"
        versions = SystemPage.objects.filter(public_id=record["id"])
        page = versions.filter(locale__language_code=record["locale"]).first()
        if page is not None:
            return self.update(page.specific, record)
        original = versions.order_by("pk").first()
        if original is not None:
            page = self.translate(original.specific, record)
        else:
            PublicIdSequence.reserve(record["id"])
            page = self.create(record)
        self.write_declaration(page, record, None)
        return "created"

    def create(self, record):
        index = self.indexes[record["locale"]]
        page = SystemPage(public_id=record["id"], locale=self.locales[record["locale"]], live=False)
        self.fill(page, record)
        page.slug = find_available_slug(index, self.slug_for(record))
        index.add_child(instance=page)
        self.save(page, record["published"], was_live=False)
        return page

    def translate(self, original, record):
        page = original.copy_for_translation(self.locales[record["locale"]]).specific
        self.fill(page, record)
        page.slug = find_available_slug(page.get_parent(), self.slug_for(record), ignore_page_id=page.pk)
        page.save()
        self.save(page, record["published"], was_live=False)
        return page

    def update(self, page, record):
        current = system_to_record(page)
        entry_changed = any(current[column] != record[column] for column in ENTRY_PART)
        declaration_changed = any(current[column] != record[column] for column in DECLARATION_PART)
        if entry_changed:
            was_live = page.live
            content = current_content(page)
            self.fill(content, record)
            self.save(content, record["published"], was_live=was_live)
        if declaration_changed:
            self.write_declaration(page, record, declaration_of(page))
        return "updated" if entry_changed or declaration_changed else "unchanged"

    @staticmethod
    def save(instance, published, was_live):
        """A new revision of a page or a declared record, published or left a draft."""
        revision = instance.save_revision()
        if published:
            revision.publish()
        elif was_live:
            type(instance).objects.get(pk=instance.pk).unpublish()

    @staticmethod
    def slug_for(record):
        return slugify(record["name"])[:SLUG_MAX_LENGTH].strip("-") or record["id"].lower()

    def fill(self, page, record):
        page.title = record["name"]
        page.summary = record["description"]
        page.plain_summary = record["plain_summary"]
        page.unit = record["unit"]
        page.organization = self.organizations([record["organization"]], record["locale"])[0]
        page.services.set(self.terms(Service, record["services"], record["locale"]))
        page.regions.set(self.terms(Region, record["regions"], record["locale"]))
        self.fill_fields(page, record, "community_")
        page.community_sources = [
            CommunitySource(
                field=source["field"],
                casefile=self.casefile(source["casefile"], record["locale"]),
                source_title=source["title"],
                source_url=source["url"],
            )
            for source in record["community_sources"]
        ]

    def fill_fields(self, instance, record, prefix):
        for register_field in FIELDS:
            value = record[prefix + register_field.key]
            if register_field.kind == "organizations":
                instance.vendors.set(self.organizations(value, record["locale"]))
            elif register_field.kind == "assessments":
                instance.impact_assessments = [
                    {"type": "assessment", "value": {**item, "date": item["date"] or None}} for item in value
                ]
            elif register_field.kind == "risks":
                instance.risks_mitigations = [{"type": "risk", "value": dict(item)} for item in value]
            else:
                setattr(instance, register_field.key, value)

    def write_declaration(self, page, record, existing):
        """Create or change the page's declared record in its language, as a new revision."""
        if not has_declaration(record):
            return  # the checker refuses a record that would leave an existing declaration out
        if existing is None:
            sibling = DeclaredRecord.objects.filter(system__translation_key=page.translation_key).first()
            declaration = DeclaredRecord(
                system=page,
                locale=page.locale,
                live=False,
                translation_key=sibling.translation_key if sibling else uuid.uuid4(),
            )
            was_live = False
        else:
            declaration, was_live = current_content(existing), existing.live
        declaration.source_title = record["declared_source_title"]
        declaration.source_url = record["declared_source_url"]
        declaration.source_date = date.fromisoformat(record["declared_source_date"])
        declaration.not_disclosed = record["not_disclosed"]
        self.fill_fields(declaration, record, "declared_")
        if existing is None:
            declaration.save()
        self.save(declaration, record["declared_published"], was_live=was_live)

    def terms(self, model, keys, language_code):
        """The terms for ``keys``, preferably in the record's own locale."""
        return self.by_key(model.objects.filter(key__in=keys), keys, language_code)

    def organizations(self, keys, language_code):
        return self.by_key(Organization.objects.filter(key__in=keys), keys, language_code)

    @staticmethod
    def casefile(public_id, language_code):
        """The case file with ``public_id``, in the record's language where it has one."""
        if not public_id:
            return None
        casefiles = CommunitySource._meta.get_field("casefile").related_model.objects.filter(
            public_id=public_id
        )
        return (
            casefiles.filter(locale__language_code=language_code).first() or casefiles.order_by("pk").first()
        )

    @staticmethod
    def by_key(queryset, keys, language_code):
        found = {}
        for instance in queryset.select_related("locale").order_by("pk"):
            if instance.key not in found or instance.locale.language_code == language_code:
                found[instance.key] = instance
        return [found[key] for key in keys]
