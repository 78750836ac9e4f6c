"""``manage.py build_open_data``: write the open data files (CSV, JSON, dictionary, manifest)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from hub.data_folder import open_data_root
from open_data.build import build_open_data
from open_data.files import count_label


class Command(BaseCommand):
    help = _(
        "Write the whole published dataset as open data files (CSV per type, one JSON file, the data "
        "dictionary and a manifest), replacing the previous files only once the new ones are complete."
    )

    def handle(self, *args, **options):
        root = open_data_root()
        started = time.monotonic()
        try:
            manifest = build_open_data(root)
        except OSError as error:
            raise CommandError(
                _("Cannot write the open data in %(folder)s: %(reason)s")
                % {"folder": root, "reason": error.strerror or error}
            ) from None
        elapsed = time.monotonic() - started
        self.stdout.write(
            _("Open data written to %(folder)s in %(seconds).1f s:") % {"folder": root, "seconds": elapsed}
        )
        for entry in manifest["files"]:
            self.stdout.write(
                f"  {entry['name']}: {count_label(entry['name'], entry['rows'])}, {filesizeformat(entry['bytes'])}"
            )
