"""``manage.py export_systems FILE [--format json]``: give the whole register back as a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from hub.site_setup import ensure_site
from registry.interchange import export_csv, export_json

EXPORTS = {"csv": export_csv, "json": export_json}


class Command(BaseCommand):
    help = _(
        "Export every register entry, in every language, published or not, with its declared "
        "record, as a UTF-8 CSV or JSON file ('-' for standard output) that import_systems takes "
        "back unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("file to write, or '-' for standard output"))
        parser.add_argument("--format", choices=sorted(EXPORTS), default="csv")

    def handle(self, *args, **options):
        ensure_site()
        data = EXPORTS[options["format"]]().encode("utf-8")
        if options["file"] == "-":
            # Bytes, whatever the terminal's encoding, when the stream allows it.
            buffer = getattr(self.stdout, "buffer", None)
            if buffer is None:
                self.stdout.write(data.decode("utf-8"), ending="")
            else:
                self.stdout.flush()
                buffer.write(data)
                buffer.flush()
            return
        try:
            Path(options["file"]).write_bytes(data)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(reason)s")
                % {"file": options["file"], "reason": error.strerror or error}
            ) from None
