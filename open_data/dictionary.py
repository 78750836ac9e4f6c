"""The data dictionary: every file and every column, its label, meaning and allowed values, in
every language of the site.

Generated from the item types' column tables (``item_type.data_file``), the models' verbose
names and help texts, the model choices and the vocabularies in the database: it cannot drift
from what the files hold."""

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hub import csv_cells
from hub.data_columns import MULTIPLE_KINDS, SEPARATOR, Column
from hub.data_files import data_tables, languages
from hub.items import item_types
from hub.models import ImpactLevel, Region, Risk, Service, term_labels

from .files import DATA_JSON, LICENCE, PUBLISHER

# How hub.csv_cells writes a cell a spreadsheet would run as a formula (data dictionary, page).
ESCAPING_NOTE = _(
    "A cell that begins with =, +, -, @, a tab, a carriage return or an apostrophe is written with "
    "one more apostrophe (') in front, so that no spreadsheet runs it as a formula. Remove that one "
    "leading apostrophe to get the value back; the hub's import does so."
)

# Keys every item of vigie-data.json has that are not a column of its type's CSV file (the
# others carry the CSV column's name and meaning, with lists as arrays and empty values as null).
COMMON_JSON_COLUMNS = (
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
)

TAXONOMIES = {"services": Service, "regions": Region, "risks": Risk}


def vocabulary(name, language_code, data_file):
    """``[(value, label)]`` a coded column of ``data_file`` may hold, labelled in ``language_code``:
    the type's own vocabularies first, then those every type shares."""
    own = data_file.vocabulary(name, language_code)
    if own is not None:
        return own
    if name in TAXONOMIES:
        return list(term_labels(TAXONOMIES[name], language_code).items())
    with translation.override(language_code):
        if name == "locale":
            return [
                (code, capfirst(str(translation.get_language_info(code)["name_translated"])))
                for code in languages()
            ]
        if name == "impact_level":
            return [(str(level.value), str(level.label)) for level in ImpactLevel] + [
                ("", str(_("Not assessed")))
            ]
    raise KeyError(f"No vocabulary {name!r} for the file {data_file.csv_name!r}")


def in_every_language(text):
    """``{language: text}`` in every language of the site."""
    result = {}
    for code in languages():
        with translation.override(code):
            result[code] = str(text)
    return result


def and_list(words):
    """``a, b and c`` in the active language."""
    words = [str(word) for word in words]
    if len(words) < 2:
        return "".join(words)
    return _("%(items)s and %(last)s") % {"items": ", ".join(words[:-1]), "last": words[-1]}


def describe_columns(data_file, columns):
    codes = languages()
    described = []
    for column in columns:
        labels, meanings = {}, {}
        for code in codes:
            with translation.override(code):
                labels[code], meanings[code] = column.describe(data_file.model)
        values = []
        if column.vocabulary:
            per_language = {code: vocabulary(column.vocabulary, code, data_file) for code in codes}
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
                "multiple": column.kind in MULTIPLE_KINDS,
                "values": values,
            }
        )
    return described


def table_files():
    """The downloads apps declare besides the item types' files (``hub.data_files.DataTable``):
    each as CSV and as JSON, whose objects hold the same columns under the same names."""
    files = []
    for table in data_tables():
        title = in_every_language(table.title())
        columns = describe_columns(table, table.columns())
        files.append({"name": table.csv_name, "format": "csv", "title": title, "columns": columns})
        files.append({"name": table.json_name, "format": "json", "title": title, "columns": columns})
    return files


def data_dictionary():
    """Every file and every column: label, meaning and allowed values, in every language."""
    data_files = [item_type.data_file for item_type in item_types()]
    files = [
        {
            "name": data_file.csv_name,
            "format": "csv",
            "title": in_every_language(data_file.title()),
            "columns": describe_columns(data_file, data_file.columns()),
        }
        for data_file in data_files
    ]
    sections = [data_file.item_type.section for data_file in data_files]
    note = {}
    for code in languages():
        with translation.override(code):
            note[code] = str(
                _(
                    "The items of each type, under %(sections)s. Each item holds the columns of its "
                    "type's CSV file under the same names (lists as arrays, empty values as null) and "
                    "the keys below."
                )
                % {"sections": and_list(sections)}
            )
    files.append(
        {
            "name": DATA_JSON,
            "format": "json",
            "title": in_every_language(_("Everything, grouped by item")),
            "note": note,
            "sections": [
                {
                    "name": data_file.item_type.section,
                    "columns": describe_columns(data_file, COMMON_JSON_COLUMNS + data_file.json_columns()),
                }
                for data_file in data_files
            ],
        }
    )
    files += table_files()
    escaping = {
        "prefix": csv_cells.ESCAPE,
        "when_cell_starts_with": list(csv_cells.ESCAPED_STARTS),
        "note": in_every_language(ESCAPING_NOTE),
    }
    return {
        "publisher": PUBLISHER,
        "licence": LICENCE,
        "separator": SEPARATOR,
        "escaping": escaping,
        "files": files,
    }
