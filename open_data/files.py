"""The open data folder: the files' names and licence, the lock one build at a time holds, the
"stale since" mark with the ids that changed, the manifest of the files online, and which
generation this database built.

Every file but the state lives flat in ``open_data_root()``; the lock, the stale mark and the
staging folders live in ``.build`` next to them."""

import fcntl
import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import ngettext

from hub.data_folder import open_data_root

from .models import OpenDataGeneration

DATA_JSON = "vigie-data.json"
DICTIONARY_JSON = "data-dictionary.json"
DATA_PACKAGE_JSON = "datapackage.json"  # written by ``package``
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
    if name == DATA_PACKAGE_JSON:
        return ngettext("%(count)s file described", "%(count)s files described", count) % shown
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


def last_built(root):
    """When this database last finished building into ``root``, or None."""
    return OpenDataGeneration.objects.filter(root=folder_key(root)).values_list("built_at", flat=True).first()


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


EVERYTHING = "*"  # a line of the stale mark: rebuild every item, not only those named
REMOVAL = "-"  # a line of the stale mark: the files may hold something taken back from the public


@contextmanager
def mark_lock(root):
    """Held for the instant of writing to or taking the stale mark, so no change is lost in between."""
    with open(state_folder(root) / "mark-lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def mark_stale(root=None, public_ids=(), everything=True, removal=False):
    """Record that the files no longer match the database: the first mark keeps its time (first
    line), every mark adds the public ids that changed, or ``*`` when any item may have, and
    ``-`` when the change took something back (see ``removal_pending``)."""
    root = root or open_data_root()
    with mark_lock(root):
        mark = stale_mark(root)
        lines = [] if mark.exists() else [timezone.now().isoformat()]
        lines += [EVERYTHING] if everything else sorted(public_ids)
        lines += [REMOVAL] if removal else []
        with open(mark, "a", encoding="utf-8") as handle:
            handle.write("".join(f"{line}\n" for line in lines))


@dataclass(frozen=True)
class Pending:
    """What the stale mark a build took says changed since the files were written."""

    public_ids: frozenset
    everything: bool


def mark_body(path):
    """The lines of a mark after its time."""
    return path.read_text(encoding="utf-8").splitlines()[1:]


def take_mark(root):
    """For a build (holding the build lock): move the stale mark aside and say what it holds, with
    what a build that died had taken before. None when nothing was marked."""
    stale, taken = stale_mark(root), taken_mark(root)
    with mark_lock(root):
        if stale.exists():
            if taken.exists():  # left by a build that died: keep its time, add the new lines
                with open(taken, "a", encoding="utf-8") as handle:
                    handle.write("".join(f"{line}\n" for line in mark_body(stale)))
                stale.unlink()
            else:
                stale.replace(taken)
        if not taken.exists():
            return None
        lines = set(mark_body(taken))
    return Pending(frozenset(lines - {EVERYTHING, REMOVAL}), EVERYTHING in lines)


def restore_mark(root):
    """After a failed build: put what it took back in the stale mark, for the next attempt."""
    stale, taken = stale_mark(root), taken_mark(root)
    with mark_lock(root):
        if not taken.exists():
            return
        if stale.exists():
            merged = taken.read_text(encoding="utf-8") + "".join(f"{line}\n" for line in mark_body(stale))
            taken.write_text(merged, encoding="utf-8")
        taken.replace(stale)


def stale_since(root=None):
    """When the files became stale, or None when they are current (or a build is under way for
    every change made so far)."""
    root = root or open_data_root()
    for mark in (stale_mark(root), taken_mark(root)):
        try:
            return datetime.fromisoformat(mark.read_text(encoding="utf-8").split("\n", 1)[0].strip())
        except (FileNotFoundError, ValueError):
            continue
    return None


def is_stale(root):
    return stale_mark(root).exists() or taken_mark(root).exists()


def removal_pending(root=None):
    """True while the files may still hold something the database took back from the public (an
    unpublished, deleted or private item, a withdrawn testimony): until a build removes it, no
    answer may be taken from them, and that build does not wait for the interval."""
    root = root or open_data_root()
    for mark in (stale_mark(root), taken_mark(root)):
        try:
            if REMOVAL in mark_body(mark):
                return True
        except FileNotFoundError:
            continue
    return False
