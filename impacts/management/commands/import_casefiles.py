"""``manage.py import_casefiles FILE.csv``: take in a community group's spreadsheet of case files."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from impacts.interchange import ImportRefused, apply_import, read_import


class Command(BaseCommand):
    help = _(
        "Import case files from a UTF-8 CSV file ('-' for standard input). The whole file is checked "
        "first: if any row is wrong, nothing is written and every problem is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV file to import, or '-' for standard input"))

    def handle(self, *args, **options):
        data = self.read(options["file"])
        try:
            result = apply_import(read_import(data))
        except ImportRefused as refusal:
            for problem in refusal.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                ngettext(
                    "%(count)d problem found; nothing was imported.",
                    "%(count)d problems found; nothing was imported.",
                    len(refusal.problems),
                )
                % {"count": len(refusal.problems)}
            ) from None
        self.stdout.write(
            _("Case files created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        )

    def read(self, name):
        if name == "-":
            stream = getattr(sys.stdin, "buffer", sys.stdin)
            return stream.read()
        try:
            return Path(name).read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(reason)s") % {"file": name, "reason": error.strerror or error}
            ) from None
