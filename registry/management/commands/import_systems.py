"""``manage.py import_systems FILE [--format json]``: take in a register as CSV or JSON."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        data = self.read(options["file"])
        try:
            result = apply_import(READERS[options["format"]](data))
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
            _("Register entries created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        )

    def read(self, name):
        if name == "-":
            return getattr(sys.stdin, "buffer", sys.stdin).read()
        try:
            return Path(name).read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(reason)s") % {"file": name, "reason": error.strerror or error}
            ) from None
