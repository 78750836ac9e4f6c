"""``manage.py export_casefiles FILE.csv``: give every case file back as a spreadsheet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from hub.site_setup import ensure_site
from impacts.interchange import export_csv


class Command(BaseCommand):
    help = _(
        "Export every case file, in every language, published or not, as a UTF-8 CSV file "
        "('-' for standard output) that import_casefiles takes back unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV file to write, or '-' for standard output"))

    def handle(self, *args, **options):
        ensure_site()
        text = export_csv()
        if options["file"] == "-":
            self.write_stdout(text)
            return
        try:
            Path(options["file"]).write_bytes(text.encode("utf-8"))
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(reason)s")
                % {"file": options["file"], "reason": error.strerror or error}
            ) from None

    def write_stdout(self, text):
        """Write UTF-8 bytes whatever the terminal's encoding, when the stream allows it."""
        buffer = getattr(self.stdout, "buffer", None)
        if buffer is None:
            self.stdout.write(text, ending="")
            return
        self.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
