"""One backup archive: a consistent copy of the database, the media files people uploaded, and a
manifest naming every file with its size and SHA-256 and the versions that wrote it.

Layout of the archive (a gzip-compressed tar): ``manifest.json`` first, so that a restore can
refuse a backup it cannot load before reading the rest; then ``database/<file>``; then
``media/<path under MEDIA_ROOT>``. What the hub rebuilds from the database is not stored: the
search index, the open data files and the image renditions (their rows are left out of the
copy too, so Wagtail makes them again on first use)."""

import hashlib
import io
import json
import os
import platform
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from wagtail.images import get_image_model

from hub.data_folder import open_data_root
from open_data.models import OpenDataGeneration
from search.backends.embedded import FULLTEXT, TITLES
from search.models import IndexedFacetValue, IndexedItem, PendingIndexUpdate

from .databases import dump_database

FORMAT = "vigie-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FOLDER = "database"
MEDIA_FOLDER = "media"
DATABASE_FILES = {"sqlite": "db.sqlite3", "postgresql": "db.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be written or read; the message names the file and the problem."""


def rendition_model():
    return get_image_model().get_rendition_model()


def rebuilt_tables():
    """Tables whose rows a restore rebuilds from the rest, so the archive does not carry them."""
    models = [IndexedFacetValue, IndexedItem, PendingIndexUpdate, OpenDataGeneration, rendition_model()]
    tables = [model._meta.db_table for model in models]
    if connections[DEFAULT_DB_ALIAS].vendor == "sqlite":
        tables += [FULLTEXT, TITLES]  # the full-text tables beside the index (search migrations)
    return tables


def media_files():
    """``{name in the archive: path}`` of every file under MEDIA_ROOT but the open data and the
    renditions, sorted by name."""
    root = Path(settings.MEDIA_ROOT)
    skipped_folder = open_data_root().resolve()
    renditions = set(rendition_model().objects.values_list("file", flat=True))
    found = {}
    for folder, folders, files in os.walk(root):
        folder = Path(folder)
        folders[:] = sorted(name for name in folders if (folder / name).resolve() != skipped_folder)
        for name in files:
            relative = (folder / name).relative_to(root).as_posix()
            if relative not in renditions:
                found[f"{MEDIA_FOLDER}/{relative}"] = folder / name
    return dict(sorted(found.items()))


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def package_version(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def applied_migrations(connection):
    applied = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


@dataclass
class BackupSummary:
    path: Path
    size: int
    database_size: int
    media_count: int
    media_size: int
    vendor: str
    migrations: int


def write_backup(path, force=False):
    """Write the archive at ``path`` (a temporary name beside it, renamed once complete)."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path} is a folder: give the archive's file name.")
    if path.exists() and not force:
        raise BackupError(f"{path} already exists: give another name, or --force to replace it.")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} does not exist: create the folder first.")
    if path.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        raise BackupError(f"{path} is inside MEDIA_ROOT, which the archive copies: write it elsewhere.")
    connection = connections[DEFAULT_DB_ALIAS]
    skipped = rebuilt_tables()
    with tempfile.TemporaryDirectory(prefix=".vigie-backup-", dir=path.parent) as work:
        database_file = Path(work) / DATABASE_FILES.get(connection.vendor, "db")
        migrations = applied_migrations(connection)
        dump_database(connection, database_file, skipped)
        # Right after the database copy, so the files it names are there.
        files = {f"{DATABASE_FOLDER}/{database_file.name}": database_file, **media_files()}
        entries = [
            {"name": name, "size": file.stat().st_size, "sha256": sha256_of(file)}
            for name, file in files.items()
        ]
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {"vendor": connection.vendor, "file": f"{DATABASE_FOLDER}/{database_file.name}"},
            "versions": {
                "app": package_version("vigie-ia"),
                "django": package_version("django"),
                "wagtail": package_version("wagtail"),
                "python": platform.python_version(),
            },
            "migrations": migrations,
            "not_stored": {"tables": skipped, "folders": ["open data", "image renditions"]},
            "files": entries,
        }
        partial = Path(work) / "archive.tar.gz"
        # Accounts, consent records and withdrawn testimonies: readable by the owner only.
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
            for entry in entries:
                _add_file(archive, entry, files[entry["name"]])
        os.replace(partial, path)
    media = [entry for entry in entries if entry["name"].startswith(f"{MEDIA_FOLDER}/")]
    return BackupSummary(
        path=path,
        size=path.stat().st_size,
        database_size=entries[0]["size"],
        media_count=len(media),
        media_size=sum(entry["size"] for entry in media),
        vendor=connection.vendor,
        migrations=sum(len(names) for names in migrations.values()),
    )


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


class HashingReader:
    """Reads a file into the archive while hashing it, so a file changed since the manifest was
    written is caught instead of archived under a wrong checksum."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _add_file(archive, entry, file):
    info = tarfile.TarInfo(entry["name"])
    info.size = entry["size"]
    info.mtime = int(file.stat().st_mtime)
    with open(file, "rb") as handle:
        reader = HashingReader(handle)
        try:
            archive.addfile(info, reader)
        except OSError as error:  # tarfile's "unexpected end of data": the file shrank
            raise BackupError(
                f"{file} changed while it was archived ({error}); run the backup again."
            ) from None
    if reader.digest.hexdigest() != entry["sha256"]:
        raise BackupError(f"{file} changed while it was archived; run the backup again.")
