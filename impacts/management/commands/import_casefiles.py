"""``manage.py import_casefiles FILE.csv``: take in a community group's spreadsheet of case files."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hub.import_files import read_input, refusal_error
from impacts.interchange import ImportRefused, apply_import, read_import


class Command(BaseCommand):
    help = _(
        "Import case files from a UTF-8 CSV file ('-' for standard input). The whole file is checked "
        "first: if any row is wrong, nothing is written and every problem is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV file to import, or '-' for standard input"))

    def handle(self, *args, **options):
        data = read_input(options["file"])
        try:
            result = apply_import(read_import(data))
        except ImportRefused as refusal:
            raise refusal_error(refusal, self.stderr) from None
        self.stdout.write(
            _("Case files created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        )
