"""What the register's open-data files hold (``hub.data_files``): one row per published language
version of an entry, every field of the register (``registry.record.FIELDS``) in one column.

A cell holds the value the entry's page leads with: the organization's where its published
declaration gives one, else the community's. Which it is, is said by ``declared_fields`` (what
the organization disclosed), ``not_disclosed`` (what it withheld) and ``community_fields`` (what
the community documented); the JSON file holds both records whole. Only published declarations
are read, a chunk of pages at a time (``load_chunk``); a draft never reaches these files."""

from django.utils.translation import gettext_lazy as _

from hub.data_columns import (
    FIRST_PUBLISHED_COLUMN,
    SEPARATOR,
    URL_COLUMN,
    Column,
    clean_text,
    common_columns,
    date_cell,
    iso,
    list_cell,
)
from hub.data_files import ItemDataFile, translation_entry

from .blocks import ASSESSMENT_KINDS
from .models import Automation, DeclaredRecord, DisclosureLevel, Lifecycle, SystemPage, Technique, YesNo
from .record import EXPECTED_KEYS, FIELDS, has_value

VOCABULARIES = {
    "lifecycle_status": "lifecycle",
    "automation": "automation",
    "technique": "technique",
    "personal_data": "yes_no",
    "consultation_held": "yes_no",
}
KIND_MEANINGS = {
    "month": _("A month written YYYY-MM, or empty."),
    "organizations": _("The vendors' names; several values are separated by |."),
    "assessments": _(
        "Each assessment as “kind date address” (kinds: aia-1 to aia-4, pia, other); several are separated by |."
    ),
    "risks": _("Each risk as “risk — mitigation”; several are separated by |."),
}
SHOWN = _("The organization's value where its published declaration gives one, else the community's.")


def declaration(page, context):
    """The published declaration the entry's page shows (``SystemPage.declared_record``'s rule)."""
    return context.chunk["declarations"].get(page.pk)


def shown_record(page, context, key):
    declared = declaration(page, context)
    return declared if declared is not None and has_value(declared, key) else page


def field_cell(record, register_field):
    value = getattr(record, register_field.key)
    kind = register_field.kind
    if kind == "organizations":
        return list_cell(vendor.name for vendor in value.all())
    if kind == "assessments":
        return list_cell(
            " ".join(
                part
                for part in (block.value["kind"], date_cell(block.value["date"]), block.value["url"])
                if part
            )
            for block in value
        )
    if kind == "risks":
        return list_cell(
            " — ".join(part for part in (block.value["risk"], block.value["mitigation"]) if part)
            for block in value
        )
    return clean_text(value)


def field_column(register_field):
    key = register_field.key
    vocabulary = VOCABULARIES.get(key)
    kind = (
        "code"
        if vocabulary
        else {"url": "url", "organizations": "list", "assessments": "list"}.get(
            register_field.kind, "list" if register_field.kind == "risks" else "text"
        )
    )
    meaning = " ".join(str(part) for part in (SHOWN, KIND_MEANINGS.get(register_field.kind, "")) if part)
    return Column(
        key,
        key,
        meaning=meaning,
        kind=kind,
        vocabulary=vocabulary,
        value=lambda page, context: field_cell(shown_record(page, context, key), register_field),
    )


def declared_keys(page, context):
    declared = declaration(page, context)
    return [key.key for key in FIELDS if declared is not None and has_value(declared, key.key)]


def withheld_keys(page, context):
    declared = declaration(page, context)
    withheld = set(declared.not_disclosed) if declared is not None else set()
    return [key.key for key in FIELDS if key.key in withheld]


def disclosure(page, context):
    declared = declaration(page, context)
    disclosed = sum(1 for key in EXPECTED_KEYS if declared is not None and has_value(declared, key))
    return disclosed, len(EXPECTED_KEYS)


def fields_column(name, label, meaning, keys_of):
    """A column listing field keys of the register, in its order."""
    return Column(
        name,
        label=label,
        meaning=meaning,
        kind="list",
        value=lambda page, context: SEPARATOR.join(keys_of(page, context)),
    )


SYSTEM_COLUMNS = (
    *common_columns(),
    Column(
        "organization",
        "organization",
        meaning=_("Its name."),
        value=lambda page, context: page.organization.name if page.organization_id else "",
    ),
    Column("unit", "unit", value=lambda page, context: clean_text(page.unit)),
    *(field_column(register_field) for register_field in FIELDS),
    fields_column(
        "declared_fields",
        _("fields declared by the organization"),
        _("The fields whose value comes from the organization's published declaration."),
        declared_keys,
    ),
    fields_column(
        "not_disclosed",
        _("fields not disclosed"),
        _("The fields the organization has not made public."),
        withheld_keys,
    ),
    fields_column(
        "community_fields",
        _("fields documented by the community"),
        _("The fields the community has documented, from case files and public sources."),
        lambda page, context: [field.key for field in FIELDS if has_value(page, field.key)],
    ),
    Column(
        "disclosed",
        label=_("fields disclosed"),
        meaning=_("How many of the expected fields the organization's published declaration gives."),
        value=lambda page, context: str(disclosure(page, context)[0]),
    ),
    Column(
        "expected",
        label=_("fields expected"),
        meaning=_("How many fields the disclosure score expects."),
        value=lambda page, context: str(disclosure(page, context)[1]),
    ),
    Column(
        "disclosure_level",
        label=_("disclosure level"),
        kind="code",
        vocabulary="disclosure",
        value=lambda page, context: DisclosureLevel.of(*disclosure(page, context)).value,
    ),
    Column(
        "declaration_source",
        label=_("declaration's source document"),
        meaning=_(
            "The organization's document its declaration comes from; empty when it has declared nothing."
        ),
        value=lambda page, context: clean_text(getattr(declaration(page, context), "source_title", "")),
    ),
    Column(
        "declaration_url",
        label=_("declaration's source address"),
        kind="url",
        value=lambda page, context: getattr(declaration(page, context), "source_url", ""),
    ),
    Column(
        "declaration_date",
        label=_("declaration's date"),
        kind="date",
        value=lambda page, context: date_cell(getattr(declaration(page, context), "source_date", None)),
    ),
    Column(
        "casefiles",
        label=_("case files"),
        meaning=_("Ids of the published case files about the system."),
        kind="list",
        refers_to="casefiles",
        value=lambda page, context: SEPARATOR.join(context.chunk["casefiles"].get(page.translation_key, [])),
    ),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)

# Keys of a JSON item that are not a column of the CSV file.
SYSTEM_JSON_COLUMNS = (
    Column(
        "declared_record",
        label=_("record declared by the organization"),
        meaning=_("Per language: every field as the organization's published declaration gives it, or null."),
    ),
    Column(
        "community_record",
        label=_("record documented by the community"),
        meaning=_("Per language: every field as the community documented it."),
    ),
)


class SystemDataFile(ItemDataFile):
    select = ("organization",)
    prefetch = ("vendors",)
    choices = {
        "lifecycle": Lifecycle,
        "automation": Automation,
        "technique": Technique,
        "yes_no": YesNo,
        "disclosure": DisclosureLevel,
    }

    def columns(self):
        return SYSTEM_COLUMNS

    def json_columns(self):
        return SYSTEM_JSON_COLUMNS

    def load_chunk(self, pages, context):
        """The published declarations of the pages (each page's in its language where there is
        one, else the first made) and the ids of the published case files about each system."""
        keys = {page.translation_key for page in pages}
        records = {}
        for record in (
            DeclaredRecord.objects.filter(live=True, system__translation_key__in=keys)
            .select_related("locale", "system")
            .prefetch_related("vendors")
            .order_by("pk")
        ):
            records.setdefault(record.system.translation_key, []).append(record)
        declarations = {}
        for page in pages:
            group = records.get(page.translation_key, [])
            here = [record for record in group if record.locale_id == page.locale_id]
            declarations[page.pk] = (here or group or [None])[0]
        casefile_model = SystemPage._meta.get_field("casefiles").related_model
        published = context.public_ids(casefile_model)
        casefiles = {}
        rows = casefile_model.objects.filter(pk__in=list(published), system__translation_key__in=keys)
        for pk, system_key in rows.values_list("pk", "system__translation_key").order_by("pk"):
            ids = casefiles.setdefault(system_key, [])
            if published[pk] not in ids:
                ids.append(published[pk])
        return {
            "declarations": declarations,
            "casefiles": {key: sorted(ids) for key, ids in casefiles.items()},
        }

    def translation(self, page, context):
        entry = translation_entry(page, context)
        declared = declaration(page, context)
        entry["community_record"] = record_json(page)
        entry["declared_record"] = record_json(declared) if declared is not None else None
        return entry

    def item_fields(self, original, versions, context):
        declared = declaration(original, context)
        disclosed, expected = disclosure(original, context)
        return {
            "organization": original.organization.name if original.organization_id else None,
            "not_disclosed": withheld_keys(original, context),
            "disclosure": {
                "disclosed": disclosed,
                "expected": expected,
                "level": DisclosureLevel.of(disclosed, expected).value,
            },
            "declaration": {
                "source": declared.source_title,
                "url": declared.source_url or None,
                "date": iso(declared.source_date),
                "language": declared.locale.language_code,
            }
            if declared is not None
            else None,
            "casefiles": context.chunk["casefiles"].get(original.translation_key, []),
        }


def record_json(record):
    """Every field of one record as JSON: text, keys, names, assessments and risks as objects."""
    kinds = dict(ASSESSMENT_KINDS)
    values = {}
    for register_field in FIELDS:
        value = getattr(record, register_field.key)
        if register_field.kind == "organizations":
            values[register_field.key] = [vendor.name for vendor in value.all()]
        elif register_field.kind == "assessments":
            values[register_field.key] = [
                {
                    "kind": block.value["kind"] if block.value["kind"] in kinds else "other",
                    "date": iso(block.value["date"]),
                    "url": block.value["url"] or None,
                    "note": block.value["note"] or None,
                }
                for block in value
            ]
        elif register_field.kind == "risks":
            values[register_field.key] = [
                {"risk": block.value["risk"], "mitigation": block.value["mitigation"] or None}
                for block in value
            ]
        else:
            values[register_field.key] = value or None
    return values
