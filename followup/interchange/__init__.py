"""An item's commitments and their progress updates as two CSV files, exported and imported
back (``export_commitments``, ``import_commitments``, and Admin → Commitments progress → CSV).

- ``format``: the columns and the one way a commitment or an update becomes a row;
- ``reading``: checking both files whole before anything is written;
- ``writing``: writing them in one transaction, one import at a time (``apply_import``).
"""

from hub.import_files import ImportRefused

from .format import COMMITMENT_COLUMNS, UPDATE_COLUMNS, export_commitments, export_updates, item_versions
from .reading import FileProblem, read_commitments, read_files, read_updates
from .writing import Outcome, apply_import

__all__ = [
    "COMMITMENT_COLUMNS",
    "UPDATE_COLUMNS",
    "FileProblem",
    "ImportRefused",
    "Outcome",
    "apply_import",
    "export_commitments",
    "export_updates",
    "item_versions",
    "read_commitments",
    "read_files",
    "read_updates",
]
