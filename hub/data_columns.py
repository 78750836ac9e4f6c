"""Columns of the hub's data files, declared by the item types and read by the open data outlet.

A ``Column`` says what one column of a type's CSV file (or one key of its JSON items) is: its
name, the model field whose verbose name and help text describe it, what the table adds, its
format and its vocabulary, and how a page's cell is written. The data dictionary is generated
from these declarations, so it cannot drift from the files. They live in the shared base so that
a feature app declares its columns without importing the outlet that writes them."""

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"  # several values in one cell, as in the case files' import format

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
MULTIPLE_KINDS = ("keys", "list", "urls")  # kinds whose cell holds several values


@dataclass(frozen=True)
class Column:
    """One column of a file: its name, the model field that describes it (its verbose name and
    help text are the label and first meaning), what the table adds, its format and vocabulary,
    and which type's ids it holds (``refers_to``: the data package's links between files)."""

    name: str
    field: str | None = None  # a field of the file's model
    label: object = None  # when no model field says it
    meaning: object = None
    kind: str = "text"
    vocabulary: str | None = None
    value: object = None  # callable(page, context) -> cell text; None when the type writes its rows
    refers_to: str | None = None  # the section of the item type whose public ids the cell holds

    def describe(self, model):
        model_field = model._meta.get_field(self.field) if self.field else None
        label = self.label if self.label is not None else model_field.verbose_name
        parts = [str(model_field.help_text)] if model_field is not None and model_field.help_text else []
        parts += [str(part) for part in (self.meaning, FORMAT_NOTES[self.kind]) if part]
        return capfirst(str(label)), " ".join(parts)


# --- Cells -----------------------------------------------------------------------------------------


def clean_text(value):
    """Text as a CSV file holds it: one kind of line break, no surrounding blanks."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def list_cell(values):
    return SEPARATOR.join(clean_text(value).replace(SEPARATOR, "/") for value in values)


def keys_cell(terms):
    """The keys of taxonomy terms, sorted, each once."""
    return SEPARATOR.join(sorted({term.key for term in terms}))


def date_cell(value):
    return value.isoformat() if value else ""


def iso(value):
    """A date or a moment as JSON writes it; anything else as it is."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def published_date(page):
    return timezone.localdate(page.first_published_at).isoformat() if page.first_published_at else ""


def absolute_url(url):
    if url and url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url or ""


def document_url(document, context):
    """A document's download address, unless its collection is closed to the public
    (``context.public_collections`` remembers the collections found open during a build)."""
    if document is None:
        return ""
    if document.collection_id not in context.public_collections:
        if document.collection.get_view_restrictions().exists():
            return ""
        context.public_collections.add(document.collection_id)
    return absolute_url(document.url)


# --- Columns every item type shares --------------------------------------------------------------

SAME_ID_MEANING = _("Rows that share an id are the language versions of one item.")
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
RISKS_COLUMN = Column(
    "risks", "risks", kind="keys", vocabulary="risks", value=lambda page, context: keys_cell(page.risks.all())
)


def common_columns(rows_meaning=SAME_ID_MEANING):
    """The first columns of every item type's file: id, language, title, summaries, taxonomies."""
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
            value=lambda page, context: keys_cell(page.services.all()),
        ),
        Column(
            "regions",
            "regions",
            kind="keys",
            vocabulary="regions",
            value=lambda page, context: keys_cell(page.regions.all()),
        ),
    )
