"""What the case files' open-data files hold (``hub.data_files``).

``vigie-casefiles.csv`` is in the import format of ``impacts.interchange``: same columns, same
``casefile_to_row``, so a download re-imports with ``import_casefiles``; ``CASEFILE_COLUMNS``
only describes those columns for the data dictionary, and refuses to drift from them. The JSON
items add what the CSV format leaves out, and the testimonies whose consent covers exports
(``exportable_testimonies``: never a consent detail, never a withdrawn testimony)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub.data_columns import (
    FIRST_PUBLISHED_COLUMN,
    LOCALE_COLUMN,
    SAME_ID_MEANING,
    URL_COLUMN,
    Column,
    iso,
)
from hub.data_files import ItemDataFile, translation_entry

from .interchange import COLUMNS, casefile_to_row
from .models import CaseFilePage, CaseFileTestimony, Testimony

CASEFILE_COLUMNS = (
    Column("id", "public_id", meaning=SAME_ID_MEANING, kind="id"),
    LOCALE_COLUMN,
    Column("title", "title"),
    Column("summary", "summary"),
    Column("plain_summary", "plain_summary"),
    Column("services", "services", kind="keys", vocabulary="services"),
    Column("regions", "regions", kind="keys", vocabulary="regions"),
    Column("risks", "risks", kind="keys", vocabulary="risks"),
    Column(
        "impact_level",
        "impact_level",
        meaning=_("A level from 1 to 4; empty when not assessed."),
        kind="code",
        vocabulary="impact_level",
    ),
    Column("agency", "agency", meaning=_("The organization's name.")),
    Column(
        "ai_system",
        "system",
        meaning=_(
            "Its name. An import links the case file to the agency's entry of that name, in any "
            "language, or creates that entry as a draft for review."
        ),
    ),
    Column("status", "status", kind="code", vocabulary="casefile_status"),
    Column("first_reported", "first_reported", kind="date"),
    Column(
        "sources",
        label=_("sources"),
        meaning=_("The addresses of the evidence, in the order of the case file."),
        kind="urls",
    ),
    Column(
        "published",
        label=_("published"),
        meaning=_("Always true in this file, which holds only published case files."),
        kind="code",
        vocabulary="published",
    ),
)

# Keys of a case file's JSON item that are not a column of its CSV file.
CASEFILE_JSON_COLUMNS = (
    Column("municipality", "municipality", meaning=_("Where the system is used, when it is one town.")),
    Column("vendor", "vendor", meaning=_("The organization's name.")),
    Column("automation", "automation", kind="code", vocabulary="automation"),
    Column("decision_role", "decision_role"),
    URL_COLUMN,
    Column(
        "sources",
        label=_("sources"),
        meaning=_("The evidence: title, address, publisher, date and archived copy."),
    ),
    Column(
        "related_casefiles",
        "related_casefiles",
        meaning=_("Ids of the published case files this one is related to."),
    ),
    Column(
        "testimonies",
        label=_("testimonies"),
        meaning=_(
            "Testimonies whose authors agreed to their publication in data downloads: reference, "
            "language, words, plain-language version, identification, name shown and context. "
            "Consent records are never published."
        ),
        vocabulary="identification",
    ),
    FIRST_PUBLISHED_COLUMN,
)


class CaseFileDataFile(ItemDataFile):
    select = ("agency", "vendor", "system")
    prefetch = ("risks",)
    choices = {
        "casefile_status": CaseFilePage.Status,
        "automation": CaseFilePage.Automation,
        "identification": Testimony.Identification,
    }
    extra_counts = {"testimonies": _("Testimonies")}

    def download_title(self):
        return _("Case files, in the import format")

    def csv_api_format(self):
        return (
            "in the hub's import format (`import_casefiles` re-imports it without loss) and the order of "
            "`export_casefiles` and the open-data file"
        )

    def columns(self):
        """``CASEFILE_COLUMNS``, checked against the import format it describes."""
        described = tuple(column.name for column in CASEFILE_COLUMNS)
        if described != tuple(COLUMNS):
            raise RuntimeError(
                f"impacts.data_columns.CASEFILE_COLUMNS {described} no longer describes the import "
                f"format {COLUMNS}"
            )
        return CASEFILE_COLUMNS

    def json_columns(self):
        return CASEFILE_JSON_COLUMNS

    def vocabulary(self, name, language_code):
        if name == "published":
            with translation.override(language_code):
                return [("true", str(_("Published"))), ("false", str(_("Draft (never in this file)")))]
        return super().vocabulary(name, language_code)

    def row(self, page, context):
        cells = casefile_to_row(page)
        return [cells[column] for column in COLUMNS]

    def load_chunk(self, pages, context):
        pks = [page.pk for page in pages]
        published = context.public_ids(CaseFilePage)
        field = CaseFilePage._meta.get_field("related_casefiles")
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        related = {}
        rows = field.remote_field.through.objects.filter(**{f"{source}_id__in": pks})
        for page_id, related_id in rows.values_list(f"{source}_id", f"{target}_id"):
            if related_id in published:
                related.setdefault(page_id, []).append(published[related_id])
        return {
            "with_testimonies": set(
                CaseFileTestimony.objects.filter(page_id__in=pks).values_list("page_id", flat=True)
            ),
            "related": {page_id: sorted(ids) for page_id, ids in related.items()},
        }

    def translation(self, page, context):
        entry = translation_entry(page, context)
        entry["decision_role"] = page.decision_role
        entry["sources"] = [{**record, "date": iso(record["date"])} for record in page.evidence_records()]
        return entry

    def item_fields(self, original, versions, context):
        testimonies = {}
        for page in versions:
            if page.pk in context.chunk["with_testimonies"]:
                for record in page.exportable_testimonies():
                    testimonies.setdefault(record["reference"], record)
        return {
            "risks": sorted({term.key for term in original.risks.all()}),
            "impact_level": original.impact_level,
            "agency": original.agency.name if original.agency_id else "",
            "ai_system": original.ai_system,
            "vendor": original.vendor.name if original.vendor_id else "",
            "municipality": original.municipality,
            "automation": original.automation,
            "status": original.status,
            "first_reported": iso(original.first_reported),
            "related_casefiles": context.chunk["related"].get(original.pk, []),
            "testimonies": list(testimonies.values()),
        }

    def counted(self, item):
        return {"testimonies": [record["reference"] for record in item["testimonies"]]}
