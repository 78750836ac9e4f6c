"""Open data: the whole published dataset as static files, and the data dictionary that says what
every column means.

``build_open_data()`` (the ``build_open_data`` command) writes into ``open_data_root()``:

- ``vigie-casefiles.csv``: every published language version of every case file, in the import
  format of ``impacts.interchange`` (same columns, same ``casefile_to_row``, same order as
  ``export_casefiles``), so a download re-imports with ``import_casefiles``;
- ``vigie-briefs.csv`` and ``vigie-agreements.csv``: one row per published language version,
  columns defined once in ``BRIEF_COLUMNS`` and ``AGREEMENT_COLUMNS``;
- ``vigie-data.json``: every item grouped with its translations, taxonomy keys, cited case files
  and the testimonies whose consent covers exports (``exportable_testimonies``: never a consent
  detail, never a withdrawn testimony);
- ``data-dictionary.json``: ``data_dictionary()``, generated from the column tables, the models'
  field names and help texts and the vocabularies in the database, in every language;
- ``manifest.json``: licence, generation date, and per file its rows, bytes and SHA-256.

Every CSV cell is written through ``hub.csv_cells``: a cell a spreadsheet would run as a formula
gets one leading apostrophe, as the data dictionary says (``ESCAPING_NOTE``).

Only live pages without a view restriction are read (``live().public()``), a chunk at a time, so
memory stays flat however many items there are.

Atomicity: a generation is written whole in a staging folder next to the files; only when every
file is complete is each moved over the previous one with ``os.replace`` (``manifest.json``
last). A reader never sees a half-written file, and a failed build leaves the previous
generation untouched.

After publishing: page publication, unpublication, deletion and moves, privacy changes,
testimony changes (withdrawal included) and vocabulary edits call ``request_rebuild()``. After
the transaction commits, it marks the files stale ("stale since T", a file next to them) and
enqueues ONE ``rebuild_open_data`` task on the ``open_data`` task backend (``TASKS`` in
``hub/settings/base.py``). The task rebuilds only while the files are stale, under a lock shared
by every process on the machine: publications arriving during a build coalesce into one more
build. Nothing is rebuilt automatically until the files have been generated once.
"""

import fcntl
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from . import csv_cells
from .changes import items_changed
from .item_urls import PageUrls

logger = logging.getLogger(__name__)


# --- The task backend that keeps the rebuild out of the editor's request ----------------------


class BackgroundThreadBackend(ImmediateBackend):
    """django-tasks' immediate backend, run in a new thread of this process: ``enqueue`` returns
    at once and the task runs beside the requests.

    Trade-off: no worker to run, but a task in progress is lost if the process stops (a deploy,
    a recycled worker). For the open data that is harmless: the previous files stay online, the
    "stale" mark stays, and the next publication or ``build_open_data`` catches up. A worker
    backend (see ``TASKS`` in the settings) avoids the loss at the cost of running a worker.

    A thread has its own database connection and sees only committed data; when the caller is
    still inside a transaction (tests run on-commit callbacks inside theirs), the task runs
    inline instead, where it can see the caller's writes.
    """

    def _execute_task(self, task_result):
        if connection.in_atomic_block:
            super()._execute_task(task_result)
            return
        thread = threading.Thread(
            target=self._execute_in_thread, args=(task_result,), name=f"task-{task_result.task.name}"
        )
        # Not a daemon: a management command that published waits for the rebuild before exiting.
        thread.start()

    def _execute_in_thread(self, task_result):
        try:
            super()._execute_task(task_result)
        finally:
            connections.close_all()


# --- Files, licence ---------------------------------------------------------------------------

CASEFILES_CSV = "vigie-casefiles.csv"
BRIEFS_CSV = "vigie-briefs.csv"
AGREEMENTS_CSV = "vigie-agreements.csv"
DATA_JSON = "vigie-data.json"
DICTIONARY_JSON = "data-dictionary.json"
MANIFEST_JSON = "manifest.json"
STATE_FOLDER = ".build"  # lock, stale mark and staging folders, next to the files
CHUNK = 500  # pages loaded at a time

LICENCE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
PUBLISHER = "Vigie IA"
SEPARATOR = "|"  # several values in one cell, as in the import format
# How hub.csv_cells writes a cell a spreadsheet would run as a formula (data dictionary, page).
ESCAPING_NOTE = _(
    "A cell that begins with =, +, -, @, a tab, a carriage return or an apostrophe is written with "
    "one more apostrophe (') in front, so that no spreadsheet runs it as a formula. Remove that one "
    "leading apostrophe to get the value back; the hub's import does so."
)


def count_label(name, count):
    """What a file's count means, in words: rows, items or columns described."""
    shown = {"count": number_format(count, force_grouping=True)}
    if name == DATA_JSON:
        return ngettext("%(count)s item", "%(count)s items", count) % shown
    if name == DICTIONARY_JSON:
        return ngettext("%(count)s column described", "%(count)s columns described", count) % shown
    return ngettext("%(count)s row", "%(count)s rows", count) % shown


def licence_url(language_code):
    """The licence's human-readable summary in ``language_code``."""
    return f"{LICENCE['url']}deed.{language_code}"


def open_data_root():
    """``OPEN_DATA_ROOT``, or ``MEDIA_ROOT/open-data`` when it is None (see the settings)."""
    configured = getattr(settings, "OPEN_DATA_ROOT", None)
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "open-data"


def open_data_url():
    configured = getattr(settings, "OPEN_DATA_URL", None)
    return configured or f"{settings.MEDIA_URL}open-data/"


def languages():
    return [code for code, _name in settings.LANGUAGES]


# --- Columns: one table per file, also the source of the data dictionary -------------------------

FORMAT_NOTES = {
    "text": "",
    "id": _("A public id: two letters, the year, a number (for example CF-2024-0007)."),
    "date": _("A date written YYYY-MM-DD, or empty."),
    "keys": _("Keys of the vocabulary below; several values are separated by |."),
    "list": _("Several values are separated by |; a | inside a value is written /."),
    "url": _("A web address (https://…), or empty."),
    "urls": _("Web addresses (http or https); several values are separated by |."),
    "code": _("One of the values below."),
}


@dataclass(frozen=True)
class Column:
    """One column of a file: its name, the model field that describes it (its verbose name and
    help text are the label and first meaning), what the table adds, its format and vocabulary."""

    name: str
    field: str | None = None  # a field of the file's model
    label: object = None  # when no model field says it
    meaning: object = None
    kind: str = "text"
    vocabulary: str | None = None
    value: object = None  # callable(page, context) -> cell text; None for case files

    def describe(self, model):
        model_field = model._meta.get_field(self.field) if self.field else None
        label = self.label if self.label is not None else model_field.verbose_name
        parts = [str(model_field.help_text)] if model_field is not None and model_field.help_text else []
        parts += [str(part) for part in (self.meaning, FORMAT_NOTES[self.kind]) if part]
        return capfirst(str(label)), " ".join(parts)


def casefile_model():
    from impacts.models import CaseFilePage

    return CaseFilePage


def brief_model():
    from advocacy.models import AdvocacyBriefPage

    return AdvocacyBriefPage


def agreement_model():
    from advocacy.models import CollaborationAgreementPage

    return CollaborationAgreementPage


def clean_text(value):
    from impacts.interchange import clean_text as interchange_clean_text

    return interchange_clean_text(value)


def list_cell(values):
    return SEPARATOR.join(clean_text(value).replace(SEPARATOR, "/") for value in values)


def date_cell(value):
    return value.isoformat() if value else ""


def published_date(page):
    return timezone.localdate(page.first_published_at).isoformat() if page.first_published_at else ""


def document_url(document, context):
    """A document's download address, unless its collection is closed to the public."""
    if document is None:
        return ""
    if document.collection_id not in context.public_collections:
        if document.collection.get_view_restrictions().exists():
            return ""
        context.public_collections.add(document.collection_id)
    return absolute_url(document.url)


def absolute_url(url):
    if url and url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url or ""


LOCALE_COLUMN = Column(
    "locale", label=_("language"), meaning=_("The language of this row."), kind="code", vocabulary="locale"
)
URL_COLUMN = Column(
    "url",
    label=_("address"),
    meaning=_("Where this language version is read on the site."),
    kind="url",
    value=lambda page, context: context.page_url(page),
)
FIRST_PUBLISHED_COLUMN = Column(
    "first_published",
    label=_("first published"),
    meaning=_("The day this language version was first published on the hub."),
    kind="date",
    value=lambda page, context: published_date(page),
)


def common_columns(rows_meaning):
    return (
        Column(
            "id", "public_id", meaning=rows_meaning, kind="id", value=lambda page, context: page.public_id
        ),
        Column(
            "locale",
            label=LOCALE_COLUMN.label,
            meaning=LOCALE_COLUMN.meaning,
            kind="code",
            vocabulary="locale",
            value=lambda page, context: page.locale.language_code,
        ),
        Column("title", "title", value=lambda page, context: clean_text(page.title)),
        Column("summary", "summary", value=lambda page, context: clean_text(page.summary)),
        Column("plain_summary", "plain_summary", value=lambda page, context: clean_text(page.plain_summary)),
        Column(
            "services",
            "services",
            kind="keys",
            vocabulary="services",
            value=lambda page, context: SEPARATOR.join(sorted({term.key for term in page.services.all()})),
        ),
        Column(
            "regions",
            "regions",
            kind="keys",
            vocabulary="regions",
            value=lambda page, context: SEPARATOR.join(sorted({term.key for term in page.regions.all()})),
        ),
    )


SAME_ID_MEANING = _("Rows that share an id are the language versions of one item.")
RISKS_COLUMN = Column(
    "risks",
    "risks",
    kind="keys",
    vocabulary="risks",
    value=lambda page, context: SEPARATOR.join(sorted({term.key for term in page.risks.all()})),
)

# The case files' columns are impacts.interchange.COLUMNS, the import format; this table only
# describes them (rows come from casefile_to_row). casefile_columns() refuses to drift.
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
        "ai_system",
        meaning=_("The name of the AI system, as the agency or the vendor calls it."),
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

BRIEF_COLUMNS = (
    *common_columns(SAME_ID_MEANING),
    RISKS_COLUMN,
    Column(
        "publication_date", "publication_date", kind="date", value=lambda p, c: date_cell(p.publication_date)
    ),
    Column(
        "version",
        "version",
        meaning=_("The version of the brief, as its authors number it."),
        value=lambda page, context: clean_text(page.version),
    ),
    Column(
        "authors",
        label=_("authors"),
        meaning=_("Each author as “person — organization”."),
        kind="list",
        value=lambda page, context: list_cell(str(author) for author in context.authors(page)),
    ),
    Column(
        "cited_casefiles",
        label=_("cited case files"),
        meaning=_("Ids of the published case files the brief cites, in citation order."),
        kind="list",
        value=lambda page, context: list_cell(citation["id"] for citation in context.cited_casefiles(page)),
    ),
    Column("pdf", "pdf", kind="url", value=lambda page, context: document_url(page.pdf, context)),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)

AGREEMENT_COLUMNS = (
    *common_columns(SAME_ID_MEANING),
    Column("status", "status", kind="code", vocabulary="agreement_status", value=lambda p, c: p.status),
    Column("start_date", "start_date", kind="date", value=lambda page, context: date_cell(page.start_date)),
    Column("end_date", "end_date", kind="date", value=lambda page, context: date_cell(page.end_date)),
    Column("scope", "scope", value=lambda page, context: clean_text(page.scope)),
    Column("citizen_role", "citizen_role", value=lambda page, context: clean_text(page.citizen_role)),
    Column(
        "parties",
        label=_("parties"),
        meaning=_("The organizations that are parties to the agreement."),
        kind="list",
        value=lambda page, context: list_cell(party["name"] for party in context.parties(page)),
    ),
    Column(
        "party_roles",
        label=_("roles of the parties"),
        meaning=_("The role of each party, in the order of the parties column."),
        kind="keys",
        vocabulary="party_role",
        value=lambda page, context: SEPARATOR.join(party["role"] for party in context.parties(page)),
    ),
    Column(
        "signatories",
        label=_("signatories"),
        meaning=_("The names of the people who signed."),
        kind="list",
        value=lambda page, context: list_cell(signatory["name"] for signatory in context.signatories(page)),
    ),
    Column(
        "signed_document",
        "signed_document",
        kind="url",
        value=lambda page, context: document_url(page.signed_document, context),
    ),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)


def casefile_columns():
    """``CASEFILE_COLUMNS``, checked against the import format it describes."""
    from impacts.interchange import COLUMNS

    described = tuple(column.name for column in CASEFILE_COLUMNS)
    if described != tuple(COLUMNS):
        raise RuntimeError(
            f"hub.open_data.CASEFILE_COLUMNS {described} no longer describes the import format {COLUMNS}"
        )
    return CASEFILE_COLUMNS


# Keys of vigie-data.json that are not a column of the item type's CSV file (the others carry the
# CSV column's name and meaning, with lists as arrays and empty values as null).
JSON_FIELDS = {
    "all": (
        Column(
            "original_language",
            label=_("original language"),
            meaning=_("The language the item was first written in."),
            kind="code",
            vocabulary="locale",
        ),
        Column("languages", label=_("languages"), meaning=_("The languages the item is published in.")),
        Column(
            "translations",
            label=_("translations"),
            meaning=_(
                "For each published language: the title, summaries, address and the other fields "
                "written in that language."
            ),
        ),
        Column(
            "urls",
            label=_("addresses by language"),
            meaning=_(
                "Where a reader of each language of the site reads the item: its translation, or the "
                "original when it is not translated yet."
            ),
        ),
    ),
    "casefiles": (
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
    ),
    "briefs": (
        Column(
            "recommendations", "recommendations", meaning=_("Each recommendation, its addressee and why.")
        ),
    ),
    "agreements": (
        Column(
            "commitments",
            "commitments",
            meaning=_("Each commitment, the party responsible and the due date."),
        ),
    ),
}


# --- Vocabularies -------------------------------------------------------------------------------


def vocabulary(name, language_code):
    """``[(value, label)]`` a coded column may hold, labelled in ``language_code``."""
    from advocacy.models import AgreementParty, CollaborationAgreementPage
    from impacts.models import CaseFilePage, Testimony

    from .models import ImpactLevel, Region, Risk, Service, term_labels

    taxonomies = {"services": Service, "regions": Region, "risks": Risk}
    if name in taxonomies:
        return list(term_labels(taxonomies[name], language_code).items())
    choices = {
        "casefile_status": CaseFilePage.Status,
        "automation": CaseFilePage.Automation,
        "agreement_status": CollaborationAgreementPage.Status,
        "party_role": AgreementParty.Role,
        "identification": Testimony.Identification,
    }
    with translation.override(language_code):
        if name == "locale":
            return [(code, capfirst(str(get_language_info(code)["name_translated"]))) for code in languages()]
        if name == "impact_level":
            return [(str(level.value), str(level.label)) for level in ImpactLevel] + [
                ("", str(_("Not assessed")))
            ]
        if name == "published":
            return [("true", str(_("Published"))), ("false", str(_("Draft (never in this file)")))]
        return [(str(value), str(label)) for value, label in choices[name].choices]


# --- The data dictionary ------------------------------------------------------------------------


def file_specs():
    """``[(file name, model, columns, title)]`` of the CSV files, in the order they are listed."""
    return [
        (CASEFILES_CSV, casefile_model(), casefile_columns(), _("Case files")),
        (BRIEFS_CSV, brief_model(), BRIEF_COLUMNS, _("Advocacy briefs")),
        (AGREEMENTS_CSV, agreement_model(), AGREEMENT_COLUMNS, _("Collaboration agreements")),
    ]


JSON_TYPES = (("casefiles", casefile_model), ("briefs", brief_model), ("agreements", agreement_model))


def describe_columns(model, columns, codes):
    described = []
    for column in columns:
        labels, meanings = {}, {}
        for code in codes:
            with translation.override(code):
                labels[code], meanings[code] = column.describe(model)
        values = []
        if column.vocabulary:
            per_language = {code: vocabulary(column.vocabulary, code) for code in codes}
            keys = list(dict.fromkeys(value for code in codes for value, _label in per_language[code]))
            for key in keys:
                values.append(
                    {"value": key, "label": {code: dict(per_language[code]).get(key, "") for code in codes}}
                )
        described.append(
            {
                "name": column.name,
                "label": labels,
                "meaning": meanings,
                "multiple": column.kind in ("keys", "list", "urls"),
                "values": values,
            }
        )
    return described


def data_dictionary():
    """Every file and every column: label, meaning and allowed values, in every language.

    Generated from the column tables, the models' verbose names and help texts, the model choices
    and the vocabularies in the database: it cannot drift from what the files hold."""
    codes = languages()

    def titles(text):
        result = {}
        for code in codes:
            with translation.override(code):
                result[code] = str(text)
        return result

    files = [
        {
            "name": name,
            "format": "csv",
            "title": titles(title),
            "columns": describe_columns(model, columns, codes),
        }
        for name, model, columns, title in file_specs()
    ]
    json_sections = []
    for section, model_function in JSON_TYPES:
        model = model_function()
        json_sections.append(
            {
                "name": section,
                "columns": describe_columns(model, JSON_FIELDS["all"] + JSON_FIELDS[section], codes),
            }
        )
    files.append(
        {
            "name": DATA_JSON,
            "format": "json",
            "title": titles(_("Everything, grouped by item")),
            "note": titles(
                _(
                    "The items of each type, under casefiles, briefs and agreements. Each item holds the "
                    "columns of its type's CSV file under the same names (lists as arrays, empty values as "
                    "null) and the keys below."
                )
            ),
            "sections": json_sections,
        }
    )
    escaping = {
        "prefix": csv_cells.ESCAPE,
        "when_cell_starts_with": list(csv_cells.ESCAPED_STARTS),
        "note": titles(ESCAPING_NOTE),
    }
    return {
        "publisher": PUBLISHER,
        "licence": LICENCE,
        "separator": SEPARATOR,
        "escaping": escaping,
        "files": files,
    }


# --- Reading the published items, a chunk at a time ---------------------------------------------


def item_order_key(public_id, language_code):
    """The export's order: id (prefix, year, number), then French first."""
    from impacts.interchange import row_sort_key

    return row_sort_key({"id": public_id, "locale": language_code})


def published_groups(model, context, select=(), prefetch=()):
    """The live public language versions of every item of ``model``, as lists of pages sharing a
    public id, in id order, each list French first. Loads ``CHUNK`` pages at a time, and what
    their rows need with them (``BuildContext.load_chunk``)."""
    keys = list(model.objects.live().public().values_list("pk", "public_id", "locale__language_code"))
    keys.sort(key=lambda row: item_order_key(row[1], row[2]))
    start = 0
    while start < len(keys):
        end = min(start + CHUNK, len(keys))
        while end < len(keys) and keys[end][1] == keys[end - 1][1]:
            end += 1  # a chunk never splits an item's versions
        chunk = keys[start:end]
        pages = (
            model.objects.filter(pk__in=[pk for pk, _id, _lang in chunk])
            .select_related("locale", *select)
            .prefetch_related("services", "regions", *prefetch)
            .in_bulk()
        )
        context.load_chunk(model, list(pages.values()))
        group = []
        for pk, public_id, _language in chunk:
            page = pages.get(pk)
            if page is None:  # unpublished meanwhile
                continue
            if group and group[0].public_id != public_id:
                yield group
                group = []
            group.append(page)
        if group:
            yield group
        start = end


class BuildContext:
    """What rows need, looked up once per build (addresses, published case files) or once per
    chunk of pages (relations), instead of a few queries per page. Each lookup gives what the
    model's own property gives (``related_casefile_ids``, ``cited_casefiles``, ``party_list``,
    ``signatory_list``, the authors' ``str``); the tests compare them."""

    def __init__(self):
        self.urls = PageUrls.load()
        self.public_collections = set()
        self.published_casefile_ids = dict(
            casefile_model().objects.live().public().values_list("pk", "public_id")
        )
        self.chunk = {}

    def page_url(self, page):
        return absolute_url(self.urls.url_for(page, page.locale.language_code))

    def url_for_reader(self, versions, language_code):
        by_language = {page.locale.language_code: page for page in versions}
        page = by_language.get(language_code) or min(versions, key=lambda version: version.pk)
        return absolute_url(self.urls.url_for(page, language_code))

    def load_chunk(self, model, pages):
        from advocacy.models import AgreementParty, AgreementSignatory, BriefAuthor, BriefCitation
        from impacts.models import CaseFileTestimony

        pks = [page.pk for page in pages]
        chunk = {}
        if model is casefile_model():
            chunk["with_testimonies"] = set(
                CaseFileTestimony.objects.filter(page_id__in=pks).values_list("page_id", flat=True)
            )
            field = model._meta.get_field("related_casefiles")
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            related = {}
            rows = field.remote_field.through.objects.filter(**{f"{source}_id__in": pks})
            for page_id, related_id in rows.values_list(f"{source}_id", f"{target}_id"):
                if related_id in self.published_casefile_ids:
                    related.setdefault(page_id, []).append(self.published_casefile_ids[related_id])
            chunk["related"] = {page_id: sorted(ids) for page_id, ids in related.items()}
        elif model is brief_model():
            citations = BriefCitation.objects.filter(brief_id__in=pks).order_by("sort_order", "pk")
            chunk["citations"] = {}
            for brief_id, casefile_id, pinpoint in citations.values_list(
                "brief_id", "casefile_id", "pinpoint"
            ):
                if casefile_id in self.published_casefile_ids:
                    chunk["citations"].setdefault(brief_id, []).append(
                        {"id": self.published_casefile_ids[casefile_id], "pinpoint": pinpoint}
                    )
            chunk["authors"] = {}
            authors = BriefAuthor.objects.filter(brief_id__in=pks).select_related("organization")
            for author in authors.order_by("sort_order", "pk"):
                chunk["authors"].setdefault(author.brief_id, []).append(author)
        elif model is agreement_model():
            chunk["parties"], chunk["signatories"] = {}, {}
            parties = AgreementParty.objects.filter(agreement_id__in=pks).select_related("organization")
            for party in parties.order_by("sort_order", "pk"):
                chunk["parties"].setdefault(party.agreement_id, []).append(
                    {
                        "organization": party.organization.key,
                        "name": party.organization.name,
                        "role": party.role,
                    }
                )
            signatories = AgreementSignatory.objects.filter(agreement_id__in=pks).select_related(
                "organization"
            )
            for signatory in signatories.order_by("sort_order", "pk"):
                chunk["signatories"].setdefault(signatory.agreement_id, []).append(
                    {
                        "name": signatory.name,
                        "title": signatory.title,
                        "organization": signatory.organization.key if signatory.organization else None,
                    }
                )
        self.chunk = chunk

    def related_casefiles(self, page):
        return self.chunk["related"].get(page.pk, [])

    def cited_casefiles(self, page):
        return self.chunk["citations"].get(page.pk, [])

    def authors(self, page):
        return self.chunk["authors"].get(page.pk, [])

    def parties(self, page):
        return self.chunk["parties"].get(page.pk, [])

    def signatories(self, page):
        return self.chunk["signatories"].get(page.pk, [])


# --- JSON items -----------------------------------------------------------------------------------


def iso(value):
    return value.isoformat() if isinstance(value, date | datetime) else value


def common_item(versions, context):
    original = min(versions, key=lambda page: page.pk)
    return original, {
        "id": original.public_id,
        "original_language": original.locale.language_code,
        "languages": [page.locale.language_code for page in versions],
        "translations": {},
        "urls": {code: context.url_for_reader(versions, code) for code in languages()},
        "services": sorted({term.key for term in original.services.all()}),
        "regions": sorted({term.key for term in original.regions.all()}),
    }


def translation_entry(page, context):
    return {
        "title": page.title,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "url": context.page_url(page),
    }


def first_published(versions):
    dates = [page.first_published_at for page in versions if page.first_published_at]
    return timezone.localdate(min(dates)).isoformat() if dates else None


def evidence_items(page):
    return [{**record, "date": iso(record["date"])} for record in page.evidence_records()]


def casefile_item(versions, context):
    original, item = common_item(versions, context)
    for page in versions:
        entry = translation_entry(page, context)
        entry["decision_role"] = page.decision_role
        entry["sources"] = evidence_items(page)
        item["translations"][page.locale.language_code] = entry
    testimonies = {}
    for page in versions:
        if page.pk in context.chunk["with_testimonies"]:
            for record in page.exportable_testimonies():
                testimonies.setdefault(record["reference"], record)
    item.update(
        {
            "risks": sorted({term.key for term in original.risks.all()}),
            "impact_level": original.impact_level,
            "agency": original.agency.name if original.agency_id else "",
            "ai_system": original.ai_system,
            "vendor": original.vendor.name if original.vendor_id else "",
            "municipality": original.municipality,
            "automation": original.automation,
            "status": original.status,
            "first_reported": iso(original.first_reported),
            "related_casefiles": context.related_casefiles(original),
            "testimonies": list(testimonies.values()),
            "first_published": first_published(versions),
        }
    )
    return item


def brief_item(versions, context):
    original, item = common_item(versions, context)
    for page in versions:
        entry = translation_entry(page, context)
        entry["recommendations"] = [
            {
                "recommendation": block.value["recommendation"],
                "addressee": block.value["addressee"],
                "rationale": block.value["rationale"],
            }
            for block in page.recommendations
        ]
        item["translations"][page.locale.language_code] = entry
    item.update(
        {
            "risks": sorted({term.key for term in original.risks.all()}),
            "publication_date": iso(original.publication_date),
            "version": original.version,
            "authors": [
                {
                    "person": author.person_name,
                    "organization": author.organization.name if author.organization_id else "",
                }
                for author in context.authors(original)
            ],
            "cited_casefiles": context.cited_casefiles(original),
            "pdf": document_url(original.pdf, context) or None,
            "first_published": first_published(versions),
        }
    )
    return item


def agreement_item(versions, context):
    original, item = common_item(versions, context)
    for page in versions:
        entry = translation_entry(page, context)
        entry["scope"] = page.scope
        entry["citizen_role"] = page.citizen_role
        entry["commitments"] = [
            {
                "commitment": block.value["commitment"],
                "owner": block.value["owner"].name if block.value["owner"] else "",
                "due_date": iso(block.value["due_date"]),
            }
            for block in page.commitments
        ]
        item["translations"][page.locale.language_code] = entry
    item.update(
        {
            "status": original.status,
            "start_date": iso(original.start_date),
            "end_date": iso(original.end_date),
            "parties": context.parties(original),
            "signatories": context.signatories(original),
            "signed_document": document_url(original.signed_document, context) or None,
            "first_published": first_published(versions),
        }
    )
    return item


# --- Writing one generation -----------------------------------------------------------------------


class JsonItems:
    """Writes ``vigie-data.json`` as it goes: one item per line, sections opened and closed in turn."""

    def __init__(self, handle):
        self.handle = handle
        self.first_in_section = True

    def open_section(self, name):
        self.handle.write(f",\n{json.dumps(name)}: [")
        self.first_in_section = True

    def add(self, item):
        self.handle.write("\n" if self.first_in_section else ",\n")
        self.handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True))
        self.first_in_section = False

    def close_section(self):
        self.handle.write("\n]")


def write_casefiles(folder, items, context):
    from impacts.interchange import COLUMNS, casefile_to_row

    rows = count = 0
    testimonies = set()
    with open(folder / CASEFILES_CSV, "w", encoding="utf-8", newline="") as handle:
        writer = csv_cells.Writer(handle)
        writer.writerow(COLUMNS)
        groups = published_groups(casefile_model(), context, select=("agency", "vendor"), prefetch=("risks",))
        for versions in groups:
            for page in versions:
                cells = casefile_to_row(page)
                writer.writerow([cells[column] for column in COLUMNS])
                rows += 1
            item = casefile_item(versions, context)
            testimonies.update(record["reference"] for record in item["testimonies"])
            items.add(item)
            count += 1
    return rows, count, len(testimonies)


def write_pages_csv(folder, name, model, columns, items, item_function, context, select=(), prefetch=()):
    rows = count = 0
    with open(folder / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv_cells.Writer(handle)
        writer.writerow([column.name for column in columns])
        for versions in published_groups(model, context, select=select, prefetch=prefetch):
            for page in versions:
                writer.writerow([column.value(page, context) for column in columns])
                rows += 1
            items.add(item_function(versions, context))
            count += 1
    return rows, count


def file_entry(folder, name, file_format, rows):
    digest = hashlib.sha256()
    with open(folder / name, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {
        "name": name,
        "format": file_format,
        "media_type": "text/csv" if file_format == "csv" else "application/json",
        "rows": rows,
        "bytes": (folder / name).stat().st_size,
        "sha256": digest.hexdigest(),
    }


def demo_notice():
    from .models import DemoMarker

    if not DemoMarker.objects.exists():
        return None
    notice = {}
    for code in languages():
        with translation.override(code):
            notice[code] = str(settings.DEMO_NOTICE)
    return notice


def write_generation(folder):
    """Write every file of a generation into ``folder``; returns the manifest (also written)."""
    generated_at = timezone.now().replace(microsecond=0)
    context = BuildContext()
    header = {
        "publisher": PUBLISHER,
        "licence": LICENCE,
        "generated_at": generated_at.isoformat(),
        "demo_notice": demo_notice(),
    }
    with open(folder / DATA_JSON, "w", encoding="utf-8") as handle:
        handle.write("{")
        handle.write(",\n".join(f"{json.dumps(key)}: {json.dumps(value)}" for key, value in header.items()))
        items = JsonItems(handle)
        items.open_section("casefiles")
        casefile_rows, casefiles, testimonies = write_casefiles(folder, items, context)
        items.close_section()
        items.open_section("briefs")
        brief_rows, briefs = write_pages_csv(
            folder,
            BRIEFS_CSV,
            brief_model(),
            BRIEF_COLUMNS,
            items,
            brief_item,
            context,
            select=("pdf",),
            prefetch=("risks",),
        )
        items.close_section()
        items.open_section("agreements")
        agreement_rows, agreements = write_pages_csv(
            folder,
            AGREEMENTS_CSV,
            agreement_model(),
            AGREEMENT_COLUMNS,
            items,
            agreement_item,
            context,
            select=("signed_document",),
        )
        items.close_section()
        counts = {
            "casefiles": casefiles,
            "briefs": briefs,
            "agreements": agreements,
            "testimonies": testimonies,
        }
        handle.write(f',\n"counts": {json.dumps(counts)}\n}}\n')

    dictionary = {**data_dictionary(), "generated_at": generated_at.isoformat()}
    with open(folder / DICTIONARY_JSON, "w", encoding="utf-8") as handle:
        json.dump(dictionary, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    described_columns = sum(len(spec.get("columns", [])) for spec in dictionary["files"])

    manifest = {
        **header,
        "generation": uuid.uuid4().hex,
        "counts": counts,
        "files": [
            file_entry(folder, CASEFILES_CSV, "csv", casefile_rows),
            file_entry(folder, BRIEFS_CSV, "csv", brief_rows),
            file_entry(folder, AGREEMENTS_CSV, "csv", agreement_rows),
            file_entry(folder, DATA_JSON, "json", casefiles + briefs + agreements),
            file_entry(folder, DICTIONARY_JSON, "json", described_columns),
        ],
    }
    with open(folder / MANIFEST_JSON, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return manifest


# --- Build, lock, stale mark ----------------------------------------------------------------------


def state_folder(root):
    folder = root / STATE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def build_lock(root, blocking=True):
    """Held by one build at a time across the processes of this machine; yields whether it is held."""
    with open(state_folder(root) / "lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def stale_mark(root):
    return root / STATE_FOLDER / "stale"


def taken_mark(root):
    return root / STATE_FOLDER / "stale-taken"


def mark_stale(root=None):
    """Record that the files no longer match the database; the first mark keeps its time."""
    root = root or open_data_root()
    state_folder(root)
    try:
        descriptor = os.open(stale_mark(root), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w") as handle:
        handle.write(timezone.now().isoformat())


def stale_since(root=None):
    """When the files became stale, or None when they are current (or a build is under way for
    every change made so far)."""
    root = root or open_data_root()
    for mark in (stale_mark(root), taken_mark(root)):
        try:
            return datetime.fromisoformat(mark.read_text().strip())
        except (FileNotFoundError, ValueError):
            continue
    return None


def is_stale(root):
    return stale_mark(root).exists() or taken_mark(root).exists()


def build_locked(root):
    """Build a generation and put it in place; the caller holds the lock. The stale mark is taken
    before the build, so a change committed during the build marks the files stale again; on
    failure the mark is put back and the previous files stay as they were."""
    state = state_folder(root)
    for leftover in state.glob("staging-*"):  # from a build that died: nobody else holds the lock
        shutil.rmtree(leftover, ignore_errors=True)
    if stale_mark(root).exists():
        os.replace(stale_mark(root), taken_mark(root))
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=state))
    try:
        manifest = write_generation(staging)
        for entry in manifest["files"]:
            os.replace(staging / entry["name"], root / entry["name"])
        os.replace(staging / MANIFEST_JSON, root / MANIFEST_JSON)
    except BaseException:
        if taken_mark(root).exists():
            if stale_mark(root).exists():
                taken_mark(root).unlink()
            else:
                os.replace(taken_mark(root), stale_mark(root))
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    taken_mark(root).unlink(missing_ok=True)
    return manifest


def build_open_data(root=None):
    """Build every file now (waiting for a build under way to finish); returns the manifest."""
    root = Path(root or open_data_root())
    root.mkdir(parents=True, exist_ok=True)
    with build_lock(root, blocking=True):
        return build_locked(root)


def rebuild_if_stale(root=None):
    """Build while the files are stale, unless another build holds the lock: that build checks
    the stale mark again when it ends, so concurrent requests coalesce. Returns what happened."""
    root = Path(root or open_data_root())
    outcome = "current"
    while True:
        with build_lock(root, blocking=False) as held:
            if not held:
                return "busy" if outcome == "current" else outcome
            while is_stale(root):
                build_locked(root)
                outcome = "rebuilt"
        # A mark made while we held the lock, by someone who then found it held, is ours to build.
        if not is_stale(root):
            return outcome


def read_manifest(root=None):
    """The manifest of the files online, or None when they were never generated (or it is unreadable)."""
    root = root or open_data_root()
    try:
        with open(root / MANIFEST_JSON, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and isinstance(manifest.get("files"), list) else None


# --- Rebuild after publishing -----------------------------------------------------------------


OPEN_DATA_TASK_BACKEND = "open_data"  # the alias in TASKS (hub/settings/base.py)


@task(backend=OPEN_DATA_TASK_BACKEND)
def rebuild_open_data():
    """The task: rebuild the open data files if they are stale (see ``rebuild_if_stale``)."""
    return rebuild_if_stale()


def _rebuild_after_commit():
    """On commit: nothing before the first generation; otherwise mark stale and enqueue the task."""
    root = open_data_root()
    if not (root / MANIFEST_JSON).exists():
        return
    mark_stale(root)
    rebuild_open_data.enqueue()


def on_items_changed(sender, change, **kwargs):
    """Anything the files show changed (``hub.changes``): items, addresses, privacy or labels."""
    if change.public_ids or change.pages or change.vocabulary:
        _rebuild_after_commit()


def connect():
    """Rebuild after every committed change the files show. Idempotent."""
    items_changed.connect(on_items_changed, dispatch_uid="open-data-items-changed")
