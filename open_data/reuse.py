"""What an incremental build takes from the previous generation: the text of every item that did
not change since.

The previous files are the cache: each CSV file lists its rows in export order, grouped by id,
and ``vigie-data.json`` holds one item per line in the same order. A build that knows which
public ids changed (the stale mark, ``files.take_mark``) walks the previous files beside the
current list of public pages and copies the bytes of every unchanged item, rendering only the
others; the result is byte for byte what a full build writes (the tests compare them).

An item is rendered again when:
- its id is in the mark, or it is new, or its published languages differ;
- its previous text names a changed id (a related or cited item unpublished, renamed, deleted);
- a row of the database links it to a changed item (``referencing_ids``: an item that now cites
  one just published, whose previous text could not name it).

The previous files are reused only when this database wrote them (``files.built_here``) with the
same columns, vocabularies, languages and base address (``fingerprint``), and when fewer than
``REUSE_LIMIT`` ids changed; otherwise, and whenever the files do not read as expected, the
build is full. A change to how rows are written that leaves the columns alone is not seen: an
upgrade runs ``build_open_data`` (always full)."""

import csv
import hashlib
import json

from django.apps import apps
from django.conf import settings
from django.db import models

from hub.data_files import languages
from hub.items import export_order, item_types

from . import files
from .files import DATA_JSON, LICENCE, PUBLISHER

FORMAT = 2  # raise when the way rows are written changes without a column changing
REUSE_LIMIT = 5_000  # more changed ids than this: a full build costs about the same
STATE = "reuse.json"  # in the state folder: the generation last written and its fingerprint


class Unusable(Exception):
    """The previous files do not read as this build expects: build in full."""


def fingerprint(dictionary):
    """What every item's text depends on besides the item: columns, vocabularies, languages,
    addresses. Two builds with the same fingerprint write an unchanged item the same way."""
    described = {key: value for key, value in dictionary.items() if key != "generated_at"}
    text = json.dumps(
        [FORMAT, described, languages(), settings.WAGTAILADMIN_BASE_URL, PUBLISHER, LICENCE],
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode()).hexdigest()


def remember(root, manifest, dictionary):
    """Record which generation is in ``root`` and how it was written."""
    state = {"generation": manifest["generation"], "fingerprint": fingerprint(dictionary)}
    (files.state_folder(root) / STATE).write_text(json.dumps(state), encoding="utf-8")


def id_key(public_id):
    return export_order(public_id, "")[0]


class Previous:
    """The previous generation, read beside the one being written, and the ids to render again."""

    def __init__(self, root, changed):
        self.root = root
        self.changed = changed
        self.dirty = changed | referencing_ids(changed)

    @classmethod
    def plan(cls, root, pending, dictionary):
        """A ``Previous`` to reuse, or None when the build must be full (see the module)."""
        if pending is None or pending.everything or len(pending.public_ids) > REUSE_LIMIT:
            return None
        if not files.built_here(root):
            return None
        try:
            state = json.loads((files.state_folder(root) / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        manifest = files.read_manifest(root)
        if state != {"generation": manifest.get("generation"), "fingerprint": fingerprint(dictionary)}:
            return None
        return cls(root, pending.public_ids)

    def must_render(self, public_id, versions_languages, old):
        """Whether an item is rendered again rather than copied from ``old`` (None: not there)."""
        # A type may write several rows per language (``ItemDataFile.rows``): their languages.
        if old is None or public_id in self.dirty or list(dict.fromkeys(old.languages)) != versions_languages:
            return True
        return any(changed in old.json_line or changed in old.csv_text for changed in self.changed)

    def items(self, data_file):
        """The previous items of a type, in order: CSV rows and JSON line of each."""
        with open(self.root / DATA_JSON, encoding="utf-8") as handle:
            section_lines = self.section_lines(handle, data_file.item_type.section)
            for item in csv_items(self.root / data_file.csv_name):
                line = next(section_lines, None)
                if line is None or f'"id": {json.dumps(item.public_id)}' not in line:
                    raise Unusable(f"{data_file.csv_name} and {DATA_JSON} do not list the same items")
                item.json_line = line
                yield item
            if next(section_lines, None) is not None:
                raise Unusable(f"{DATA_JSON} lists more items than {data_file.csv_name}")

    @staticmethod
    def section_lines(handle, section):
        """The item lines of a section of the previous JSON file."""
        opening = f"{json.dumps(section)}: ["
        for line in handle:
            if line.rstrip("\n") == opening:
                break
        else:
            raise Unusable(f"{DATA_JSON} has no section {section}")
        for line in handle:
            line = line.rstrip("\n")
            if line in ("]", "],"):
                return
            yield line.removesuffix(",")
        raise Unusable(f"{DATA_JSON} ends inside the section {section}")


class OldItem:
    def __init__(self, public_id, languages, csv_text):
        self.public_id = public_id
        self.key = id_key(public_id)
        self.languages = languages
        self.csv_text = csv_text
        self.json_line = ""


class RecordingLines:
    """The lines a ``csv.reader`` consumes, kept until taken: the exact text of each row."""

    def __init__(self, handle):
        self.handle = handle
        self.kept = []

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self.handle)
        self.kept.append(line)
        return line

    def take(self):
        text, self.kept = "".join(self.kept), []
        return text


def csv_items(path):
    """The items of a previous CSV file, in order: id, languages and the exact text of their rows."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = RecordingLines(handle)
        reader = csv.reader(lines)
        header = next(reader, None)
        lines.take()
        if not header or "id" not in header or "locale" not in header:
            raise Unusable(f"{path.name} has no id and locale columns")
        id_at, locale_at = header.index("id"), header.index("locale")
        item = None
        for row in reader:
            text = lines.take()
            if item is not None and row[id_at] == item.public_id:
                item.languages.append(row[locale_at])
                item.csv_text += text
                continue
            if item is not None:
                yield item
            item = OldItem(row[id_at], [row[locale_at]], text)
        if item is not None:
            yield item


def referencing_ids(public_ids):
    """Public ids of the items a database row links to one of these items: an item's own foreign
    key to another item, a many-to-many table or an inline (a brief's citations) between two."""
    found = set()
    if not public_ids:
        return found
    item_models = {item_type.model for item_type in item_types()}
    targets = {
        model: list(model.objects.filter(public_id__in=public_ids).values_list("pk", flat=True))
        for model in item_models
    }
    for model in apps.get_models(include_auto_created=True):
        links = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.ForeignKey) and field.related_model in item_models
        ]
        owners = [None] if model in item_models else links  # None: the item row itself
        for link in links:
            pks = targets[link.related_model]
            if not pks:
                continue
            for owner in owners:
                if owner is link:
                    continue
                rows = model.objects.filter(**{f"{link.attname}__in": pks})
                if owner is None:
                    found.update(rows.values_list("public_id", flat=True))
                else:
                    owner_ids = rows.values_list(owner.attname, flat=True)
                    found.update(
                        owner.related_model.objects.filter(pk__in=owner_ids).values_list(
                            "public_id", flat=True
                        )
                    )
    return found
