"""``manage.py export_commitments COMMITMENTS.csv UPDATES.csv``: every item's commitments and their
progress updates as the two files ``import_commitments`` takes back."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from followup.interchange import export_commitments, export_updates, item_versions
from hub.import_files import write_output


class Command(BaseCommand):
    help = _(
        "Export the commitments of every item (every language, published or not) and their progress "
        "updates (drafts included) as two UTF-8 CSV files ('-' for standard output) that "
        "import_commitments takes back unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("commitments", help=_("commitments CSV file to write, or '-'"))
        parser.add_argument("updates", help=_("updates CSV file to write, or '-'"))
        parser.add_argument(
            "--item", action="append", metavar="ID", help=_("only this item (its public id); repeatable")
        )

    def handle(self, *args, **options):
        versions = item_versions(public_ids=[item.strip().upper() for item in options["item"] or []] or None)
        write_output(options["commitments"], export_commitments(versions).encode("utf-8"), self.stdout)
        write_output(options["updates"], export_updates(versions).encode("utf-8"), self.stdout)
