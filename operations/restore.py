"""Restoring a backup archive (``operations.backup``) into an empty hub: every check first (the
target is empty, the archive whole, each file's checksum, the database vendor and schema), then
the database, the media files, the migrations the backup lacks, and what is rebuilt rather
than stored (search index, open data)."""

import json
import os
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from hub.data_folder import open_data_root
from hub.items import item_types
from open_data.build import build_open_data
from search.backends import get_backend
from search.index import rebuild_index

from .backup import (
    CHUNK,
    DATABASE_FOLDER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_FOLDER,
    BackupError,
    sha256_of,
)
from .databases import load_database, refresh_statistics

ARCHIVE_ERRORS = (tarfile.TarError, EOFError, zlib.error, OSError)


@dataclass
class TargetContents:
    """What the target hub holds that a restore would replace. "Empty" means what ``migrate``
    leaves: no user account, no page but Wagtail's own root and welcome page (no home, index or
    item page, draft or live), no image, no document, and no file in MEDIA_ROOT (the open data
    folder aside, which a restore rebuilds)."""

    users: int = 0
    items: int = 0
    pages: int = 0
    images: int = 0
    documents: int = 0
    media_files: int = 0

    @property
    def empty(self):
        return not any(vars(self).values())

    def __str__(self):
        labels = {
            "users": "user accounts",
            "items": "items",
            "pages": "pages (items included)",
            "images": "images",
            "documents": "documents",
            "media_files": "files in MEDIA_ROOT",
        }
        return ", ".join(f"{count:,} {labels[name]}" for name, count in vars(self).items() if count)


def target_contents():
    connection = connections[DEFAULT_DB_ALIAS]
    contents = TargetContents(media_files=sum(1 for _path in existing_media()))
    tables = set(connection.introspection.table_names())
    user_model = get_user_model()
    if user_model._meta.db_table in tables:
        contents.users = user_model.objects.count()
    if Page._meta.db_table in tables:
        contents.items = sum(item_type.model.objects.count() for item_type in item_types())
        contents.pages = Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).count()
        contents.images = get_image_model().objects.count()
        contents.documents = get_document_model().objects.count()
    return contents


def existing_media():
    """Every file under MEDIA_ROOT outside the open data folder."""
    root = Path(settings.MEDIA_ROOT)
    skipped_folder = open_data_root().resolve()
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if (Path(folder) / name).resolve() != skipped_folder]
        for name in files:
            yield Path(folder) / name


# --- Reading and checking the archive ------------------------------------------------------------


def check_manifest(manifest, path):
    """A manifest this code can restore, on this database: otherwise a BackupError saying why."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: {MANIFEST} is not a Vigie IA backup manifest.")
    if not isinstance(manifest.get("format_version"), int) or manifest["format_version"] > FORMAT_VERSION:
        raise BackupError(
            f"{path} was written in backup format {manifest.get('format_version')!r}; this version of the "
            f"hub reads format {FORMAT_VERSION} and earlier: upgrade the hub first."
        )
    try:
        vendor = manifest["database"]["vendor"]
        database_file = manifest["database"]["file"]
        names = [entry["name"] for entry in manifest["files"]]
        if not all(
            isinstance(entry["size"], int) and isinstance(entry["sha256"], str) for entry in manifest["files"]
        ):
            raise TypeError("each file needs a whole size and a sha256")
        migrations = {(app, name) for app, names_ in manifest["migrations"].items() for name in names_}
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BackupError(f"{path}: {MANIFEST} is incomplete ({type(error).__name__}: {error}).") from None
    unsafe = [name for name in names if not safe_name(name)]
    if unsafe or database_file not in names or len(set(names)) != len(names):
        raise BackupError(
            f"{path}: {MANIFEST} lists unusable file names ({', '.join(unsafe) or database_file})."
        )
    here = connections[DEFAULT_DB_ALIAS].vendor
    if vendor != here:
        raise BackupError(
            f"{path} holds a {vendor} database and this hub runs on {here}: restore it into a hub "
            f"on {vendor}. Restoring across database vendors is not supported."
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = sorted(migrations - known)
    if newer:
        shown = ", ".join(f"{app}.{name}" for app, name in newer[:10])
        raise BackupError(
            f"{path} comes from a newer version of the hub: its database has migrations this code "
            f"does not know ({shown}). Install that version (or a later one), then restore."
        )
    return sorted(known - migrations)


def safe_name(name):
    """A relative path under one of the archive's two folders: nothing is written elsewhere."""
    if not isinstance(name, str):
        return False
    parts = PurePosixPath(name).parts
    return (
        len(parts) >= 2
        and parts[0] in (DATABASE_FOLDER, MEDIA_FOLDER)
        and not any(part in ("..", ".", "") or "\\" in part for part in parts)
        and not name.startswith("/")
    )


def unpack(path, staging):
    """Extract the archive into ``staging``, checking each file against the manifest; returns
    ``(manifest, migrations to apply after the restore)``. Nothing outside ``staging`` is written."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    try:
        with tarfile.open(path, "r|gz") as archive:
            members = iter(archive)
            first = next(members, None)
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupError(
                    f"{path} does not begin with {MANIFEST}: not an archive written by manage.py backup."
                )
            try:
                manifest = json.loads(archive.extractfile(first).read().decode("utf-8"))
            except ValueError as error:
                raise BackupError(f"{path}: {MANIFEST} is not valid JSON ({error}).") from None
            to_migrate = check_manifest(manifest, path)
            expected = {entry["name"]: entry for entry in manifest["files"]}
            found = set()
            for member in members:
                entry = expected.get(member.name)
                if entry is None or member.name in found or not member.isfile():
                    raise BackupError(f"{path} holds {member.name}, which its manifest does not list.")
                _extract(archive.extractfile(member), staging / member.name, entry, path)
                os.utime(staging / member.name, (member.mtime, member.mtime))
                found.add(member.name)
    except ARCHIVE_ERRORS as error:
        raise BackupError(
            f"{path} is truncated or is not a backup archive ({type(error).__name__}: {error})."
        ) from None
    missing = sorted(set(expected) - found)
    if missing:
        raise BackupError(
            f"{path} lacks {len(missing)} files its manifest lists, e.g. {missing[0]}: truncated?"
        )
    return manifest, to_migrate


def _write(handle, chunk):
    """A write that fails (a full disk) is the staging folder's problem, not the archive's."""
    try:
        handle.write(chunk)
    except OSError as error:
        raise BackupError(f"Cannot write {handle.name} while unpacking: {error.strerror}.") from None


def _extract(source, destination, entry, path):
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        handle = open(destination, "wb")  # noqa: SIM115 (closed below; read errors are the archive's)
    except OSError as error:
        raise BackupError(f"Cannot write {destination} while unpacking: {error.strerror}.") from None
    with handle:
        while chunk := source.read(CHUNK):
            _write(handle, chunk)
    size = destination.stat().st_size
    if size != int(entry["size"]) or sha256_of(destination) != entry["sha256"]:
        raise BackupError(
            f"{path}: {entry['name']} does not match the checksum in the manifest (damaged or altered "
            "since the backup); nothing was restored."
        )


# --- Writing -------------------------------------------------------------------------------------


def replace_media(staging):
    """Put the media files of the backup in MEDIA_ROOT, after removing what it held (open data
    aside). Same file system as the staging folder: each file is renamed, not copied."""
    root = Path(settings.MEDIA_ROOT)
    for file in list(existing_media()):
        file.unlink()
    for folder, _folders, _files in sorted(os.walk(root, topdown=False)):
        if Path(folder) != root and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    source = staging / MEDIA_FOLDER
    count = 0
    for folder, _folders, files in os.walk(source):
        for name in files:
            target = root / (Path(folder) / name).relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(Path(folder) / name, target)
            count += 1
    return count


def restore_backup(path, force=False, log=print):
    """Restore the archive at ``path``; ``log`` receives a line per step."""
    contents = target_contents()
    if not contents.empty and not force:
        raise BackupError(
            f"The target is not empty: it holds {contents}. restore fills an empty database and "
            "media folder; --force replaces what they hold."
        )
    media_root = Path(settings.MEDIA_ROOT)
    try:  # beside MEDIA_ROOT, so that the files are renamed into it rather than copied
        staging = Path(tempfile.mkdtemp(prefix=".vigie-restore-", dir=media_root.parent))
    except OSError:
        staging = Path(tempfile.mkdtemp(prefix="vigie-restore-"))
    try:
        manifest, to_migrate = unpack(path, staging)
        log(f"Checked {len(manifest['files']):,} files against the manifest of {manifest['created_at']}.")
        if not contents.empty:
            log(f"Replacing {contents}.")
        connection = connections[DEFAULT_DB_ALIAS]
        load_database(connection, staging / manifest["database"]["file"])
        ContentType.objects.clear_cache()  # ids are the backup's now
        log(f"Database restored ({connection.vendor}).")
        media_root.mkdir(parents=True, exist_ok=True)
        log(f"Media: {replace_media(staging):,} files restored to {media_root}.")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if to_migrate:
        log(f"The backup's schema is older: applying {len(to_migrate)} migrations.")
    call_command("migrate", interactive=False, verbosity=0)
    cache.clear()  # what was cached described the database just replaced
    log(f"Search index rebuilt: {rebuild_index(get_backend()):,} documents.")
    refresh_statistics(connections[DEFAULT_DB_ALIAS])
    built = build_open_data(open_data_root())
    log(f"Open data rebuilt in {open_data_root()}: {len(built['files'])} files.")
    return manifest
