"""The CSV import and export of case files (``import_casefiles``, ``export_casefiles``), in the
format the open data and the search's CSV download share with them.

- ``format``: the columns and the one way a page becomes a row (``casefile_to_row``);
- ``reading``: checking a whole file before anything is written (``read_import``);
- ``writing``: writing the checked rows in one transaction, one import at a time (``apply_import``);
- ``export``: every case file as a CSV file (``export_csv``).

The names below are what other code imports from ``impacts.interchange``: its public API.
"""

from hub.import_files import ImportRefused, ImportResult

from .export import export_csv
from .format import COLUMNS, casefile_to_row, clean_text, row_sort_key
from .reading import Problem, read_import
from .writing import RowWriter, apply_import

__all__ = [
    "COLUMNS",
    "ImportRefused",
    "ImportResult",
    "Problem",
    "RowWriter",
    "apply_import",
    "casefile_to_row",
    "clean_text",
    "export_csv",
    "read_import",
    "row_sort_key",
]
