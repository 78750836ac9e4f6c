"""What an item type's open-data files hold: its CSV file ``vigie-<section>.csv`` and its section
of ``vigie-data.json``.

``ItemDataFile`` is what every type gets: the common columns, its address and first publication
date; in the JSON file each item once, with its translations. A type whose file holds more
declares a subclass (in its app's ``data_columns.py``) and names it in its ``ItemType``
(``data_file_class``): its columns, its JSON item, the relations loaded with each chunk of pages, its
vocabularies, its title and the counts it adds to the manifest. The open data outlet reads
only this interface; it never names a type.

The ``context`` passed around is the outlet's build context: ``page_url(page)``,
``url_for_reader(versions, language)``, ``public_ids(model)`` (``{pk: public id}`` of a model's
public pages, read once per build), ``chunk`` (what ``load_chunk`` returned for the pages being
written) and ``public_collections``."""

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation

from .data_columns import FIRST_PUBLISHED_COLUMN, URL_COLUMN, common_columns


class ItemDataFile:
    select = ()  # select_related of the pages a chunk loads, besides their locale
    prefetch = ()  # prefetch_related, besides services and regions
    choices = {}  # vocabulary name → the model choices (TextChoices) its values come from
    extra_counts = {}  # manifest counts key → label: what the type counts besides its items
    row_key = ("id", "locale")  # the columns that tell one row from the others (its primary key)

    def __init__(self, item_type):
        self.item_type = item_type

    @property
    def model(self):
        return self.item_type.model

    @property
    def csv_name(self):
        return f"vigie-{self.item_type.section}.csv"

    def title(self):
        """The file's title in the data dictionary."""
        return self.item_type.label_plural

    def download_title(self):
        """The file's title on the downloads page."""
        return self.title()

    def csv_api_format(self):
        """How the API's description of ``/api/v1/<section>.csv`` says what its rows are."""
        return f"in the columns and order of the open-data file `{self.csv_name}`"

    def columns(self):
        """The CSV file's columns, in order."""
        return (*common_columns(), URL_COLUMN, FIRST_PUBLISHED_COLUMN)

    def json_columns(self):
        """The keys of a JSON item that are neither a CSV column nor common to every type."""
        return ()

    def vocabulary(self, name, language_code):
        """``[(value, label)]`` of a vocabulary only this type has, or None."""
        if name not in self.choices:
            return None
        with translation.override(language_code):
            return [(str(value), str(label)) for value, label in self.choices[name].choices]

    def load_chunk(self, pages, context):
        """What the rows of ``pages`` need, looked up for all of them at once (``context.chunk``)."""
        return {}

    def row(self, page, context):
        """The CSV cells of one language version."""
        return [column.value(page, context) for column in self.columns()]

    def rows(self, page, context):
        """The CSV rows of one language version: one by default; a type whose rows are finer (a
        dialogue's, one per session) says so."""
        return [self.row(page, context)]

    def item(self, versions, context):
        """The JSON item of one item, given its public language versions (French first)."""
        original, item = common_item(versions, context)
        for page in versions:
            item["translations"][page.locale.language_code] = self.translation(page, context)
        item["first_published"] = first_published(versions)
        item.update(self.item_fields(original, versions, context))
        return item

    def translation(self, page, context):
        """What a JSON item holds for one language version."""
        return translation_entry(page, context)

    def item_fields(self, original, versions, context):
        """The JSON item's keys of this type, besides the common ones."""
        return {}

    def counted(self, item):
        """``{extra counts key: ids}`` this item adds to the counts (each id counted once)."""
        return {}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def common_item(versions, context):
    """The original version and the keys every JSON item has."""
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
    """What a JSON item holds per language; a type adds the fields written in that language."""
    return {
        "title": page.title,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "url": context.page_url(page),
    }


def first_published(versions):
    dates = [page.first_published_at for page in versions if page.first_published_at]
    return timezone.localdate(min(dates)).isoformat() if dates else None


class DataTable:
    """A download that is not an item type's file (the commitment tracker's rows, their updates),
    declared by its app so that the data dictionary documents it without naming the app: its file
    names (``<name>.csv`` and ``<name>.json``, whose objects hold the CSV's columns under the same
    names), the model whose fields describe its columns, and the columns (``hub.data_columns``)."""

    def __init__(self, name, title, model, columns, choices=None):
        self.name = name
        self._title = title
        self.model_label = model
        self.column_table = tuple(columns)
        self.choices = choices or {}

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def csv_name(self):
        return f"{self.name}.csv"

    @property
    def json_name(self):
        return f"{self.name}.json"

    def title(self):
        return self._title

    def columns(self):
        return self.column_table

    vocabulary = ItemDataFile.vocabulary


_tables = {}  # name → DataTable, in registration order


def register_table(table):
    _tables[table.name] = table
    return table


def data_tables():
    return list(_tables.values())
