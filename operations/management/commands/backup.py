"""``manage.py backup PATH``: the database, the media files and a manifest in one archive."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from operations.backup import BackupError, write_backup
from operations.databases import DatabaseCopyError


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz) holding a consistent copy of the database, the uploaded media "
        "files and a manifest with their checksums. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="The archive to write, e.g. /var/backups/vigie/vigie-2026-12-03.tar.gz"
        )
        parser.add_argument("--force", action="store_true", help="Replace PATH if it exists.")

    def handle(self, *args, path, force, **options):
        try:
            summary = write_backup(path, force=force)
        except (BackupError, DatabaseCopyError) as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"Cannot write the backup {path}: {error.strerror or error}") from None
        self.stdout.write(f"Backup written to {summary.path} ({filesizeformat(summary.size)}):")
        self.stdout.write(
            f"  database ({summary.vendor}): {filesizeformat(summary.database_size)}, "
            f"{summary.migrations} migrations applied"
        )
        self.stdout.write(f"  media: {summary.media_count:,} files, {filesizeformat(summary.media_size)}")
        self.stdout.write("  not stored (rebuilt on restore): search index, open data, image renditions")
