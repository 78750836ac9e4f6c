"""The export: every case file, in every locale, published or not, in the import's format."""

from hub import csv_cells

from ..models import CaseFilePage
from .format import COLUMNS, casefile_to_row, row_sort_key


def export_csv():
    """Every case file in every locale, published or not, as the text of a CSV file."""
    pages = CaseFilePage.objects.select_related("locale")
    rows = sorted((casefile_to_row(page) for page in pages), key=row_sort_key)
    return csv_cells.file_text(COLUMNS, rows)
