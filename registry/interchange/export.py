"""The export: every entry, in every language, published or not, with its declared record, in
the import's formats."""

import io

from hub import csv_cells

from ..models import SystemPage
from . import json_format
from .csv_format import encode_cell
from .format import COLUMNS, record_sort_key, system_to_record


def all_records():
    pages = SystemPage.objects.select_related("locale", "organization")
    return sorted((system_to_record(page) for page in pages), key=record_sort_key)


def export_csv():
    """Every entry in every language as the text of a CSV file."""
    output = io.StringIO()
    writer = csv_cells.Writer(output)
    writer.writerow(COLUMNS)
    for record in all_records():
        writer.writerow([encode_cell(column, record[column]) for column in COLUMNS])
    return output.getvalue()


def export_json():
    """Every entry in every language as the text of a JSON file."""
    return json_format.dump(all_records())
