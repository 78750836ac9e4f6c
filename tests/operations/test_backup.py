"""``manage.py backup`` and ``manage.py restore`` refuse what would lose or mix data: an existing
archive, a target that is not empty, a damaged, truncated or foreign file, a backup of a newer
schema or of another database vendor; each says why and writes nothing. A backup of an older
schema is restored, then migrated.

Backup and restore open the database with their own connections (the SQLite backup API,
pg_dump, pg_restore), which see only what is committed: these tests run on fresh copies of the
empty, migrated test database (``hubs``), where writes commit as in production."""

import hashlib
import io
import json
import sqlite3
import stat
import tarfile
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Page

from impacts.models import CaseFilePage
from operations.restore import target_contents
from tests.database import remove_site_skeleton
from tests.factories import CaseFilePageFactory, ImageFactory, site_skeleton


class Hubs:
    """Fresh copies of the migrated test database (the suite's site skeleton removed), one after
    another as the default database: on SQLite a file (``VACUUM INTO``), on PostgreSQL a database
    cloned from the test database (as the ``own_database`` fixture does)."""

    def __init__(self, folder):
        self.folder = folder
        self.original = connections[DEFAULT_DB_ALIAS]
        self.test_settings = connections.settings[DEFAULT_DB_ALIAS]
        self.suffixes = []

    def fresh(self):
        connections[DEFAULT_DB_ALIAS].close()
        suffix = f"backup{len(self.suffixes) + 1}"
        self.suffixes.append(suffix)
        if self.original.vendor == "sqlite":
            path = self.folder / f"{suffix}.sqlite3"
            with closing(sqlite3.connect(self.original.settings_dict["NAME"], uri=True)) as source:
                source.execute("VACUUM INTO ?", [str(path)])
            copy = {**self.original.settings_dict, "NAME": str(path)}
        else:
            self.original.close()
            self.original.creation.clone_test_db(suffix=suffix, verbosity=0)
            copy = self.original.creation.get_test_db_clone_settings(suffix)
        connections.settings[DEFAULT_DB_ALIAS] = copy
        connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)
        remove_site_skeleton()  # committed in the copy, which is the database a new hub starts with

    def close(self):
        connections[DEFAULT_DB_ALIAS].close()
        connections[DEFAULT_DB_ALIAS] = self.original
        connections.settings[DEFAULT_DB_ALIAS] = self.test_settings
        if self.original.vendor != "sqlite":
            for suffix in self.suffixes:
                self.original.creation.destroy_test_db(self.test_settings["NAME"], verbosity=0, suffix=suffix)


@pytest.fixture
def hubs(db, tmp_path):
    hubs = Hubs(tmp_path)
    hubs.fresh()
    yield hubs
    hubs.close()


@pytest.fixture
def media_root(settings, tmp_path):
    """A media folder of the test's own, with the open data inside it as in production."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.OPEN_DATA_ROOT = tmp_path / "media" / "open-data"
    return tmp_path / "media"


def media_files(media_root):
    return sorted(
        path.relative_to(media_root).as_posix()
        for path in media_root.rglob("*")
        if path.is_file() and "open-data" not in path.parts
    )


def run(command, *args, **options):
    out = io.StringIO()
    call_command(command, *[str(arg) for arg in args], stdout=out, **options)
    return out.getvalue()


def small_hub():
    """A case file with an image: a database and a media folder worth backing up."""
    site_skeleton()
    image = ImageFactory()
    CaseFilePageFactory(title="Algorithme de tri des demandes")
    return image


def assert_target_empty(media_root):
    assert target_contents().empty, f"the target now holds {target_contents()}"
    assert media_files(media_root) == []


def rewrite(source, target, manifest=None, member=None, keep=lambda name: True):
    """A copy of the archive ``source`` with its manifest and one member's bytes changed by the
    given functions (each gets and returns the parsed manifest / ``(name, data)``)."""
    with tarfile.open(source, "r:gz") as original, tarfile.open(target, "w:gz") as copy:
        for info in original.getmembers():
            data = original.extractfile(info).read()
            if info.name == "manifest.json" and manifest:
                data = json.dumps(manifest(json.loads(data))).encode()
            elif member:
                data = member(info.name, data)
            if keep(info.name):
                info.size = len(data)
                copy.addfile(info, io.BytesIO(data))
    return target


@pytest.fixture
def archive(hubs, media_root, tmp_path):
    """A backup of ``small_hub()``, then a fresh empty database and media folder to restore into."""
    small_hub()
    path = tmp_path / "backup.tar.gz"
    run("backup", path)
    hubs.fresh()
    for file in media_root.rglob("*"):
        if file.is_file():
            file.unlink()
    return path


def test_backup_refuses_to_replace_an_existing_file_unless_forced(hubs, media_root, tmp_path):
    small_hub()
    path = tmp_path / "nightly.tar.gz"
    path.write_bytes(b"last night's backup")
    with pytest.raises(CommandError, match=r"nightly\.tar\.gz already exists.*--force"):
        run("backup", path)
    assert path.read_bytes() == b"last night's backup"
    assert [file.name for file in tmp_path.iterdir() if file.name.startswith(".")] == []  # no leftover
    output = run("backup", path, force=True)
    assert "media: 1 files" in output
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # personal data: the owner's only
    with tarfile.open(path) as written:
        names = written.getnames()
    assert names[0] == "manifest.json"
    assert (
        names[1] == "database/db.sqlite3"
        if connections[DEFAULT_DB_ALIAS].vendor == "sqlite"
        else "database/db.pgdump"
    )


def test_the_manifest_lists_every_file_with_its_checksum_and_the_applied_migrations(
    hubs, media_root, tmp_path
):
    image = small_hub()
    rendition = image.get_rendition("width-100")
    call_command("build_open_data", stdout=io.StringIO())
    path = tmp_path / "backup.tar.gz"
    run("backup", path)
    with tarfile.open(path) as written:
        manifest = json.loads(written.extractfile("manifest.json").read())
        contents = {info.name: written.extractfile(info).read() for info in written.getmembers()[1:]}
    assert {entry["name"]: (entry["size"], entry["sha256"]) for entry in manifest["files"]} == {
        name: (len(data), hashlib.sha256(data).hexdigest()) for name, data in contents.items()
    }
    assert f"media/{image.file.name}" in contents
    assert (media_root / image.file.name).read_bytes() == contents[f"media/{image.file.name}"]
    # Rebuilt on restore, not stored: open data and renditions.
    assert (media_root / "open-data").is_dir() and not any("open-data" in name for name in contents)
    assert (media_root / rendition.file.name).is_file() and f"media/{rendition.file.name}" not in contents
    applied = MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations()
    assert {(app, name) for app, names in manifest["migrations"].items() for name in names} == set(applied)
    assert manifest["database"]["vendor"] == connections[DEFAULT_DB_ALIAS].vendor


def test_restore_refuses_a_target_that_is_not_empty_unless_forced(archive, media_root):
    site_skeleton()
    CaseFilePageFactory(title="Dossier déjà là")
    (media_root / "documents").mkdir(parents=True)
    (media_root / "documents" / "lettre.pdf").write_bytes(b"%PDF-1.4 lettre")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=r"not empty: it holds 1 items, .*1 files in MEDIA_ROOT.*--force"):
        run("restore", archive)
    assert Page.objects.count() == pages
    assert media_files(media_root) == ["documents/lettre.pdf"]
    output = run("restore", archive, force=True)
    assert "Replacing 1 items" in output
    assert list(CaseFilePage.objects.values_list("title", flat=True)) == ["Algorithme de tri des demandes"]
    assert "documents/lettre.pdf" not in media_files(media_root)


def test_a_file_altered_since_the_backup_is_refused_before_anything_is_written(archive, media_root, tmp_path):
    def damage(name, data):
        return data[:-1] + bytes([data[-1] ^ 1]) if name.startswith("media/") else data

    tampered = rewrite(archive, tmp_path / "tampered.tar.gz", member=damage)
    with pytest.raises(CommandError, match=r"media/original_images/.* does not match the checksum"):
        run("restore", tampered)
    assert_target_empty(media_root)


def test_a_backup_of_a_newer_schema_is_refused(archive, media_root, tmp_path):
    def from_the_future(manifest):
        manifest["migrations"]["hub"].append("9999_from_the_future")
        return manifest

    newer = rewrite(archive, tmp_path / "newer.tar.gz", manifest=from_the_future)
    with pytest.raises(CommandError, match=r"newer version of the hub.*hub\.9999_from_the_future"):
        run("restore", newer)
    assert_target_empty(media_root)


def test_a_backup_of_another_database_vendor_is_refused(archive, media_root, tmp_path):
    here = connections[DEFAULT_DB_ALIAS].vendor
    other = "postgresql" if here == "sqlite" else "sqlite"

    def elsewhere(manifest):
        manifest["database"]["vendor"] = other
        return manifest

    foreign = rewrite(archive, tmp_path / "foreign.tar.gz", manifest=elsewhere)
    with pytest.raises(CommandError, match=f"holds a {other} database and this hub runs on {here}"):
        run("restore", foreign)
    assert_target_empty(media_root)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("truncated", "truncated"),
        ("not an archive", "not a backup archive"),
        ("no manifest", "does not begin with manifest.json"),
        ("a file missing", "lacks 1 files its manifest lists"),
        ("an unlisted file", "which its manifest does not list"),
    ],
)
def test_a_damaged_or_foreign_file_is_refused(archive, media_root, tmp_path, damage, message):
    path = tmp_path / "damaged.tar.gz"
    if damage == "truncated":
        path.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    elif damage == "not an archive":
        path.write_text("id,title\nCF-2026-0001,Dossier\n")
    elif damage == "no manifest":
        rewrite(archive, path, keep=lambda name: name != "manifest.json")
    elif damage == "a file missing":
        rewrite(archive, path, keep=lambda name: not name.startswith("media/"))
    else:
        with tarfile.open(archive, "r:gz") as original, tarfile.open(path, "w:gz") as copy:
            for info in original.getmembers():
                copy.addfile(info, original.extractfile(info))
            extra = tarfile.TarInfo("media/documents/unlisted.pdf")
            extra.size = 3
            copy.addfile(extra, io.BytesIO(b"pdf"))
    with pytest.raises(CommandError, match=message):
        run("restore", path)
    assert_target_empty(media_root)


def test_a_backup_of_an_older_schema_is_restored_then_migrated(hubs, media_root, tmp_path):
    small_hub()
    connection = connections[DEFAULT_DB_ALIAS]
    latest = max(name for app, name in MigrationRecorder(connection).applied_migrations() if app == "search")
    previous = sorted(
        name for app, name in MigrationRecorder(connection).applied_migrations() if app == "search"
    )[-2]
    call_command("migrate", "search", previous, verbosity=0)
    path = tmp_path / "older.tar.gz"
    run("backup", path)
    hubs.fresh()
    for file in media_root.rglob("*"):
        if file.is_file():
            file.unlink()
    output = run("restore", path)
    assert "older: applying 1 migrations" in output
    assert ("search", latest) in MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations()
    assert f"Search index rebuilt: {len(settings.LANGUAGES)} documents" in output  # one per language
    assert list(CaseFilePage.objects.values_list("title", flat=True)) == ["Algorithme de tri des demandes"]


def test_backup_refuses_a_path_inside_the_media_folder(hubs, media_root):
    small_hub()
    with pytest.raises(CommandError, match="inside MEDIA_ROOT"):
        run("backup", Path(media_root) / "backup.tar.gz")
