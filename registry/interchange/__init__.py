"""The register's import and export (``import_systems``, ``export_systems``) as CSV or JSON, its
JSON Schema and its crosswalk to the official standards.

- ``format``: the columns and the one way an entry becomes a record (``system_to_record``);
- ``csv_format``, ``json_format``: the two spellings of a record;
- ``checks``: what every record must satisfy, whichever file it came from;
- ``reading``: checking a whole file before anything is written (``read_csv``, ``read_json``);
- ``writing``: writing the checked records in one transaction, one import at a time;
- ``export``: every entry as a CSV or JSON file;
- ``schema``: the JSON Schema of the JSON file; ``crosswalk``: the crosswalk document.
"""

from hub.import_files import ImportRefused, ImportResult

from .export import export_csv, export_json
from .format import COLUMNS
from .reading import Problem, read_csv, read_json
from .writing import apply_import

__all__ = [
    "COLUMNS",
    "ImportRefused",
    "ImportResult",
    "Problem",
    "apply_import",
    "export_csv",
    "export_json",
    "read_csv",
    "read_json",
]
