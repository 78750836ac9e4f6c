"""Wagtail's own spreadsheet exports (Reports → Site history, page and snippet listings) write
their CSV cells through ``hub.csv_cells`` too, so that no title an editor typed runs as a
formula in the spreadsheet of whoever downloads the report.

Wagtail writes every CSV row in ``SpreadsheetExportMixin.write_csv_row`` and offers no setting
for it: the method is replaced once, at start-up. Its XLSX exports already store formulas as text."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .csv_cells import escape_cell


def write_escaped_csv_row(self, writer, row_dict):
    return writer.writerow(
        {
            field: escape_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def connect():
    SpreadsheetExportMixin.write_csv_row = write_escaped_csv_row
