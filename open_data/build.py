"""One generation of the open data files, written whole and then put in place.

``build_open_data()`` (the ``build_open_data`` command) writes into ``open_data_root()``:

- per registered item type, ``vigie-<section>.csv``: one row per published language version,
  with the columns and rows the type declares (``item_type.data_file``; the case files' file is
  their import format);
- ``vigie-data.json``: every item grouped with its translations, one section per type;
- ``data-dictionary.json``: ``dictionary.data_dictionary()``;
- ``datapackage.json``: the files as a Frictionless Data Package (``package``);
- ``manifest.json``: licence, generation, counts, and per file its rows, bytes and SHA-256.

Every CSV cell is written through ``hub.csv_cells``: a cell a spreadsheet would run as a formula
gets one leading apostrophe, as the data dictionary says.

Only public pages are read (``.public()``), a chunk at a time, so memory stays flat however
many items there are. An incremental build (``rebuild_if_stale``) renders only the items the
stale mark names and copies the others' bytes from the previous files (``reuse``): same files,
byte for byte, as a full build (``build_open_data``).

Atomicity: a generation is written whole in a staging folder next to the files; only when every
file is complete is each moved over the previous one with ``os.replace`` (``manifest.json``
last). A reader never sees a half-written file, and a failed build leaves the previous
generation untouched. A completed build is recorded in the database (``files.record_generation``)."""

import hashlib
import io
import json
import logging
import shutil
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation

from hub import csv_cells
from hub.data_columns import absolute_url
from hub.data_files import languages
from hub.data_folder import open_data_root
from hub.item_urls import PageUrls
from hub.items import export_order, item_types
from hub.models import DemoMarker

from . import files, reuse
from .dictionary import data_dictionary
from .files import DATA_JSON, DATA_PACKAGE_JSON, DICTIONARY_JSON, LICENCE, MANIFEST_JSON, PUBLISHER
from .package import data_package

CHUNK = 500  # pages loaded at a time

logger = logging.getLogger(__name__)


# --- Reading the published items, a chunk at a time ---------------------------------------------


def published_groups(data_file, context, public_ids=None):
    """The public language versions of every item of a type (or of those ``public_ids``), as
    lists of pages sharing a public id, in id order, each list French first. Loads ``CHUNK`` pages
    at a time, and what their rows need with them (``data_file.load_chunk``)."""
    model = data_file.model
    public = model.objects.public()
    if public_ids is not None:
        public = public.filter(public_id__in=public_ids)
    keys = list(public.values_list("pk", "public_id", "locale__language_code"))
    keys.sort(key=lambda row: export_order(row[1], row[2]))
    start = 0
    while start < len(keys):
        end = min(start + CHUNK, len(keys))
        while end < len(keys) and keys[end][1] == keys[end - 1][1]:
            end += 1  # a chunk never splits an item's versions
        chunk = keys[start:end]
        pages = (
            model.objects.filter(pk__in=[pk for pk, _id, _lang in chunk])
            .select_related("locale", *data_file.select)
            .prefetch_related("services", "regions", *data_file.prefetch)
            .in_bulk()
        )
        context.chunk = data_file.load_chunk(list(pages.values()), context)
        group = []
        for pk, public_id, _language in chunk:
            page = pages.get(pk)
            if page is None:  # unpublished meanwhile
                continue
            if group and group[0].public_id != public_id:
                yield group
                group = []
            group.append(page)
        if group:
            yield group
        start = end


class BuildContext:
    """What rows need, looked up once per build (addresses, public ids of a model) or once per
    chunk of pages (``chunk``: the relations the type's ``load_chunk`` read), instead of a few
    queries per page."""

    def __init__(self):
        self.urls = PageUrls.load()
        self.public_collections = set()
        self.chunk = {}
        self._public_ids = {}

    def page_url(self, page):
        return absolute_url(self.urls.url_for(page, page.locale.language_code))

    def url_for_reader(self, versions, language_code):
        by_language = {page.locale.language_code: page for page in versions}
        page = by_language.get(language_code) or min(versions, key=lambda version: version.pk)
        return absolute_url(self.urls.url_for(page, language_code))

    def public_ids(self, model):
        """``{pk: public id}`` of the public pages of an item model, read once per build."""
        if model not in self._public_ids:
            self._public_ids[model] = dict(model.objects.public().values_list("pk", "public_id"))
        return self._public_ids[model]


def rows_of(data_file, public_ids):
    """The CSV rows of these items, as the type's open-data file writes them and in its order."""
    context = BuildContext()
    for versions in published_groups(data_file, context, public_ids):
        for page in versions:
            yield from data_file.rows(page, context)


# --- Writing one generation -----------------------------------------------------------------------


class JsonItems:
    """Writes ``vigie-data.json`` as it goes: one item per line, sections opened and closed in turn."""

    def __init__(self, handle):
        self.handle = handle
        self.first_in_section = True

    def open_section(self, name):
        self.handle.write(f",\n{json.dumps(name)}: [")
        self.first_in_section = True

    def add_line(self, line):
        """One item, as ``json.dumps(item, ensure_ascii=False, sort_keys=True)`` writes it."""
        self.handle.write("\n" if self.first_in_section else ",\n")
        self.handle.write(line)
        self.first_in_section = False

    def close_section(self):
        self.handle.write("\n]")


def write_type(folder, data_file, items, context, counted, previous=None):
    """Write a type's CSV file and its JSON section; returns (rows, items). ``counted`` gathers
    the ids of what the type counts besides its items. With ``previous``, unchanged items are
    copied from the previous files (``reuse``)."""
    rows = count = 0
    with open(folder / data_file.csv_name, "w", encoding="utf-8", newline="") as handle:
        writer = csv_cells.Writer(handle)
        writer.writerow([column.name for column in data_file.columns()])
        items.open_section(data_file.item_type.section)
        if previous is None:
            written = (
                render(data_file, versions, context) for versions in published_groups(data_file, context)
            )
        else:
            written = merged(data_file, context, previous)
        for csv_text, line, versions, item_counted in written:
            handle.write(csv_text)
            items.add_line(line)
            for key, ids in item_counted.items():
                counted.setdefault(key, set()).update(ids)
            rows += versions
            count += 1
        items.close_section()
    return rows, count


def render(data_file, versions, context):
    """An item as the files hold it: its CSV rows, its JSON line, its number of rows (one per
    language version, or more: ``ItemDataFile.rows``) and what
    it adds to the counts."""
    text = io.StringIO()
    writer = csv_cells.Writer(text)
    rows = [row for page in versions for row in data_file.rows(page, context)]
    for row in rows:
        writer.writerow(row)
    item = data_file.item(versions, context)
    line = json.dumps(item, ensure_ascii=False, sort_keys=True)
    return text.getvalue(), line, len(rows), data_file.counted(item)


def merged(data_file, context, previous):
    """Every public item of a type in order, copied from the previous files when unchanged and
    rendered otherwise (``reuse.Previous.must_render``). Two passes over the previous files, so
    that only the items rendered again are held in memory."""
    keys = list(data_file.model.objects.public().values_list("public_id", "locale__language_code"))
    keys.sort(key=lambda row: export_order(*row))
    order = {}
    for public_id, language in keys:
        order.setdefault(public_id, []).append(language)

    def aligned():
        """``(public_id, the previous item or None)`` for each public item, in order."""
        old_items = previous.items(data_file)
        old = next(old_items, None)
        for public_id in order:
            key = reuse.id_key(public_id)
            while old is not None and old.key < key:
                old = next(old_items, None)
            yield public_id, old if old is not None and old.public_id == public_id else None
        for _rest in old_items:  # to the end: the previous files must agree with each other
            pass

    render_ids = {
        public_id for public_id, old in aligned() if previous.must_render(public_id, order[public_id], old)
    }
    if len(render_ids) > reuse.REUSE_LIMIT:
        raise reuse.Unusable("too many items to render again")
    fresh = {
        versions[0].public_id: render(data_file, versions, context)
        for versions in published_groups(data_file, context, render_ids)
    }
    for public_id, old in aligned():
        if public_id not in render_ids:
            counts = data_file.counted(json.loads(old.json_line)) if data_file.extra_counts else {}
            yield old.csv_text, old.json_line, len(old.languages), counts
        elif public_id in fresh:  # else unpublished since the list was read
            yield fresh[public_id]


def file_entry(folder, name, file_format, rows):
    digest = hashlib.sha256()
    with open(folder / name, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {
        "name": name,
        "format": file_format,
        "media_type": "text/csv" if file_format == "csv" else "application/json",
        "rows": rows,
        "bytes": (folder / name).stat().st_size,
        "sha256": digest.hexdigest(),
    }


def demo_notice():
    if not DemoMarker.objects.exists():
        return None
    notice = {}
    for code in languages():
        with translation.override(code):
            notice[code] = str(settings.DEMO_NOTICE)
    return notice


def write_generation(folder, dictionary, previous=None):
    """Write every file of a generation into ``folder``, copying unchanged items from
    ``previous`` (``reuse.Previous``) when given; returns the manifest (also written)."""
    generated_at = timezone.now().replace(microsecond=0)
    context = BuildContext()
    header = {
        "publisher": PUBLISHER,
        "licence": LICENCE,
        "generated_at": generated_at.isoformat(),
        "demo_notice": demo_notice(),
    }
    data_files = [item_type.data_file for item_type in item_types()]
    csv_entries, counts, counted = [], {}, {}
    with open(folder / DATA_JSON, "w", encoding="utf-8") as handle:
        handle.write("{")
        handle.write(",\n".join(f"{json.dumps(key)}: {json.dumps(value)}" for key, value in header.items()))
        items = JsonItems(handle)
        for data_file in data_files:
            rows, counts[data_file.item_type.section] = write_type(
                folder, data_file, items, context, counted, previous
            )
            csv_entries.append((data_file.csv_name, rows))
        item_count = sum(counts.values())
        for data_file in data_files:
            for key in data_file.extra_counts:
                counts[key] = len(counted.get(key, ()))
        handle.write(f',\n"counts": {json.dumps(counts)}\n}}\n')

    dictionary = {**dictionary, "generated_at": generated_at.isoformat()}
    with open(folder / DICTIONARY_JSON, "w", encoding="utf-8") as handle:
        json.dump(dictionary, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    described_columns = sum(len(spec.get("columns", [])) for spec in dictionary["files"])

    entries = [
        *(file_entry(folder, name, "csv", rows) for name, rows in csv_entries),
        file_entry(folder, DATA_JSON, "json", item_count),
        file_entry(folder, DICTIONARY_JSON, "json", described_columns),
    ]
    package = data_package(entries, dictionary, generated_at)
    with open(folder / DATA_PACKAGE_JSON, "w", encoding="utf-8") as handle:
        json.dump(package, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    entries.append(file_entry(folder, DATA_PACKAGE_JSON, "json", len(package["resources"])))
    manifest = {**header, "generation": uuid.uuid4().hex, "counts": counts, "files": entries}
    with open(folder / MANIFEST_JSON, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return manifest


# --- Build ----------------------------------------------------------------------------------------


def build_locked(root, incremental=False):
    """Build a generation and put it in place; the caller holds the lock. The stale mark is taken
    before the build, so a change committed during the build marks the files stale again; on
    failure the mark is put back and the previous files stay as they were. ``incremental``:
    reuse the previous files for the items the mark does not name, when they allow it (``reuse``)."""
    state = files.state_folder(root)
    for leftover in state.glob("staging-*"):  # from a build that died: nobody else holds the lock
        shutil.rmtree(leftover, ignore_errors=True)
    pending = files.take_mark(root)
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=state))
    try:
        dictionary = data_dictionary()
        previous = reuse.Previous.plan(root, pending, dictionary) if incremental else None
        try:
            manifest = write_generation(staging, dictionary, previous)
        except reuse.Unusable as reason:
            logger.warning("Open data: the previous files cannot be reused (%s); building in full.", reason)
            previous = None
            manifest = write_generation(staging, dictionary)
        for entry in manifest["files"]:
            (staging / entry["name"]).replace(root / entry["name"])
        (staging / MANIFEST_JSON).replace(root / MANIFEST_JSON)
        reuse.remember(root, manifest, dictionary)
    except BaseException:
        files.restore_mark(root)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    files.taken_mark(root).unlink(missing_ok=True)
    files.record_generation(root, manifest)
    logger.info(
        "Open data: %s build of generation %s.", "incremental" if previous else "full", manifest["generation"]
    )
    return manifest


def build_open_data(root=None):
    """Build every file now (waiting for a build under way to finish); returns the manifest."""
    root = Path(root or open_data_root())
    root.mkdir(parents=True, exist_ok=True)
    with files.build_lock(root, blocking=True):
        return build_locked(root)


def rebuild_if_stale(root=None, once=False):
    """Build while the files are stale, unless another build holds the lock: that build checks
    the stale mark again when it ends, so concurrent requests coalesce. Each build is
    incremental when it can be. ``once``: build at most once; changes made meanwhile stay marked
    (the caller asks for a later build), unless they took something back from the public: those
    are built now. Returns what happened."""
    root = Path(root or open_data_root())
    outcome = "current"
    while True:
        with files.build_lock(root, blocking=False) as held:
            if not held:
                return "busy" if outcome == "current" else outcome
            while files.is_stale(root):
                build_locked(root, incremental=True)
                outcome = "rebuilt"
                if once and not files.removal_pending(root):
                    return outcome
        # A mark made while we held the lock, by someone who then found it held, is ours to build.
        if not files.is_stale(root):
            return outcome
