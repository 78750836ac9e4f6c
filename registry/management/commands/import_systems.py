"""``manage.py import_systems FILE [--format json]``: take in a register as CSV or JSON."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hub.import_files import read_input, refusal_error
from registry.interchange import ImportRefused, apply_import, read_csv, read_json

READERS = {"csv": read_csv, "json": read_json}


class Command(BaseCommand):
    help = _(
        "Import register entries and their declared records from a UTF-8 CSV or JSON file ('-' for "
        "standard input). The whole file is checked first: if anything is wrong, nothing is written "
        "and every problem is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("file to import, or '-' for standard input"))
        parser.add_argument("--format", choices=sorted(READERS), default="csv")

    def handle(self, *args, **options):
        data = read_input(options["file"])
        try:
            result = apply_import(READERS[options["format"]](data))
        except ImportRefused as refusal:
            raise refusal_error(refusal, self.stderr) from None
        self.stdout.write(
            _("Register entries created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        )
