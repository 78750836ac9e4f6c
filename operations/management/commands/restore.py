"""``manage.py restore PATH``: an archive of ``manage.py backup`` into an empty hub."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError
from operations.databases import DatabaseCopyError
from operations.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into an empty database and media folder "
        "(stop the site first), then rebuild the search index and the open data."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive written by manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a database and media folder that are not empty.",
        )

    def handle(self, *args, path, force, **options):
        try:
            manifest = restore_backup(path, force=force, log=self.stdout.write)
        except (BackupError, DatabaseCopyError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the backup of {manifest['created_at']} from {path}.")
