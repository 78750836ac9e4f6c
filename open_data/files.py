"""The open data folder: the files' names and licence, the lock one build at a time holds, the
"stale since" mark, the manifest of the files online, and which generation this database built.

Every file but the state lives flat in ``open_data_root()``; the lock, the stale mark and the
staging folders live in ``.build`` next to them."""

import fcntl
import json
import os
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import ngettext

from hub.data_folder import open_data_root

from .models import OpenDataGeneration

DATA_JSON = "vigie-data.json"
DICTIONARY_JSON = "data-dictionary.json"
MANIFEST_JSON = "manifest.json"
STATE_FOLDER = ".build"  # lock, stale mark and staging folders, next to the files

LICENCE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
PUBLISHER = "Vigie IA"


def licence_url(language_code):
    """The licence's human-readable summary in ``language_code``."""
    return f"{LICENCE['url']}deed.{language_code}"


def count_label(name, count):
    """What a file's count means, in words: rows, items or columns described."""
    shown = {"count": number_format(count, force_grouping=True)}
    if name == DATA_JSON:
        return ngettext("%(count)s item", "%(count)s items", count) % shown
    if name == DICTIONARY_JSON:
        return ngettext("%(count)s column described", "%(count)s columns described", count) % shown
    return ngettext("%(count)s row", "%(count)s rows", count) % shown


def read_manifest(root=None):
    """The manifest of the files online, or None when they were never generated (or it is unreadable)."""
    root = root or open_data_root()
    try:
        with open(root / MANIFEST_JSON, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and isinstance(manifest.get("files"), list) else None


# --- Which generation this database built ---------------------------------------------------------


def folder_key(root):
    return str(Path(root).resolve())


def record_generation(root, manifest):
    """Remember, in this database, that the files now in ``root`` are the generation it built."""
    OpenDataGeneration.objects.update_or_create(
        root=folder_key(root),
        defaults={"generation": manifest["generation"], "built_at": timezone.now()},
    )


def built_here(root):
    """Whether ``root`` holds the last generation this database built into it: files another
    database wrote there (sharing the folder) are never this database's to replace on its own."""
    manifest = read_manifest(root)
    if manifest is None:
        return False
    return OpenDataGeneration.objects.filter(
        root=folder_key(root), generation=manifest.get("generation")
    ).exists()


# --- Lock and stale mark --------------------------------------------------------------------------


def state_folder(root):
    folder = root / STATE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def build_lock(root, blocking=True):
    """Held by one build at a time across the processes of this machine; yields whether it is held."""
    with open(state_folder(root) / "lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def stale_mark(root):
    return root / STATE_FOLDER / "stale"


def taken_mark(root):
    return root / STATE_FOLDER / "stale-taken"


def mark_stale(root=None):
    """Record that the files no longer match the database; the first mark keeps its time."""
    root = root or open_data_root()
    state_folder(root)
    try:
        descriptor = os.open(stale_mark(root), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w") as handle:
        handle.write(timezone.now().isoformat())


def stale_since(root=None):
    """When the files became stale, or None when they are current (or a build is under way for
    every change made so far)."""
    root = root or open_data_root()
    for mark in (stale_mark(root), taken_mark(root)):
        try:
            return datetime.fromisoformat(mark.read_text().strip())
        except (FileNotFoundError, ValueError):
            continue
    return None


def is_stale(root):
    return stale_mark(root).exists() or taken_mark(root).exists()
