"""``manage.py export_casefiles FILE.csv``: give every case file back as a spreadsheet."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hub.import_files import write_output
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
        write_output(options["file"], export_csv().encode("utf-8"), self.stdout)
