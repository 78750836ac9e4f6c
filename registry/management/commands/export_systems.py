"""``manage.py export_systems FILE [--format json]``: give the whole register back as a file."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hub.import_files import write_output
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
        write_output(options["file"], EXPORTS[options["format"]]().encode("utf-8"), self.stdout)
