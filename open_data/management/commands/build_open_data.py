"""``manage.py build_open_data``: write the open data files (CSV, JSON, dictionary, manifest).

``--if-stale`` is for cron or a worker beside the web processes: it builds only when a change
marked the files stale, rewriting only the items that changed (``open_data.reuse``), and does
nothing while another build runs. Without it, every item is written again: after an upgrade."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from hub.data_folder import open_data_root
from open_data.build import build_open_data, rebuild_if_stale
from open_data.files import count_label, read_manifest

OUTCOMES = {
    "current": _("The open data in %(folder)s is up to date: nothing to build."),
    "busy": _("Another build of the open data in %(folder)s is under way: it builds what changed."),
}


class Command(BaseCommand):
    help = _(
        "Write the whole published dataset as open data files (CSV per type, one JSON file, the data "
        "dictionary and a manifest), replacing the previous files only once the new ones are complete."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help=_(
                "Build only if a change marked the files stale, rewriting only what changed; do "
                "nothing while another build runs (for cron)."
            ),
        )

    def handle(self, *args, if_stale=False, **options):
        root = open_data_root()
        started = time.monotonic()
        try:
            if if_stale:
                outcome = rebuild_if_stale(root)
                if outcome != "rebuilt":
                    self.stdout.write(OUTCOMES[outcome] % {"folder": root})
                    return
                manifest = read_manifest(root)
            else:
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
