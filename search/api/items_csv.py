"""What ``/api/v1/<section>.csv`` sends, for every item type that offers it
(``ItemType.csv_download``): the rows of the type's open-data file ``vigie-<section>.csv``
(every published language version of each item, ordered by id, French first), for the items a
search matches. For case files, that is their import format (``export_casefiles`` gives the same).

Without words or facets the answer is the whole published dataset, which the open-data file
already holds: that file is sent as it is, instead of running the search and the export again for
every download (at 100,000 items, tens of seconds and 45 MB per request). Like the file on the
open data page, it may lag behind the latest publications by up to ``OPEN_DATA_MIN_INTERVAL``;
its ``Last-Modified`` says when it was built.

A filtered request runs the search (always current) and sends, for each matching item, its rows
as that file holds them, rendering from the database only the items published since the file was
built: reading the 45 MB file takes about a second where rendering tens of thousands of items
took tens of seconds of CPU. While the file may still hold something taken back from the public
(``files.removal_pending``: the seconds of the build that removes it), or does not have the
type's current columns, every row is rendered from the database."""

import csv
import heapq
import os
from dataclasses import dataclass
from datetime import UTC, datetime

from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema

from hub import csv_cells
from hub.data_folder import open_data_root
from hub.items import item_types
from open_data.build import rows_of
from open_data.files import read_manifest, removal_pending
from open_data.reuse import Unusable, csv_items, id_key

from ..requests import parse_request
from ..service import HubSearch
from .http import DEFAULT_SEARCH_LOCALE, conditional, digest, error_json, index_state
from .schema import BAD_PARAMETERS, NOT_MODIFIED, OpenApiV1Schema, OpenApiView, search_parameters
from .views import not_found


def csv_type(section):
    """The item type whose rows ``/api/v1/<section>.csv`` sends, or None."""
    return next(
        (item_type for item_type in item_types() if item_type.csv_download and item_type.section == section),
        None,
    )


def is_unfiltered(query, item_type):
    """True when ``query`` (already limited to the type) selects every published item of it.
    ``sort``, ``locale`` and paging do not change which rows the CSV holds, nor their order."""
    return not query.text and dict(query.selections) == {"type": (item_type.key,)}


@dataclass
class OpenDataFile:
    """The open-data case-file CSV, opened, with validators read from the opened file itself (a
    rebuild replaces the file by a new one, so what is sent and its validators always agree)."""

    handle: object
    etag: str
    last_modified: datetime


def open_data_csv_path(data_file):
    """The type's open-data CSV when its rows may be sent: built, with the current columns, and
    holding nothing taken back from the public; else None."""
    root = open_data_root()
    if read_manifest(root) is None or removal_pending(root):
        return None
    path = root / data_file.csv_name
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), None)
    except OSError:
        return None
    return path if header == [column.name for column in data_file.columns()] else None


BLOCK = 64 * 1024  # characters of rows sent per write


class FileItems:
    """The items of one open-data CSV file, read once per process and kept until the file is
    replaced: ``{public_id: (export order key, the exact text of its rows)}`` in file order. At
    100,000 items, reading the file takes about a second; a download then picks its rows."""

    _kept = {}  # path → ((inode, mtime, size), items)

    @classmethod
    def of(cls, path):
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
        version = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        kept = cls._kept.get(path)
        if kept is None or kept[0] != version:
            items = {item.public_id: (item.key, item.csv_text) for item in csv_items(path)}
            kept = cls._kept[path] = (version, items)
        return kept[1]


def matching_rows(data_file, public_ids, writer):
    """The CSV text of every row of these items, in export order: copied from the open-data file
    where it holds the item, rendered from the database for the others."""
    path = open_data_csv_path(data_file)
    held = {}
    if path is not None:
        try:
            held = FileItems.of(path)
        except (OSError, Unusable):
            held = {}
    copied = [(key, text) for public_id, (key, text) in held.items() if public_id in public_ids]
    missing = {public_id for public_id in public_ids if public_id not in held}
    rendered = []
    if missing:
        id_at = [column.name for column in data_file.columns()].index("id")
        rendered = ((id_key(row[id_at]), writer.writerow(row)) for row in rows_of(data_file, missing))
    block, size = [], 0
    for _key, text in heapq.merge(copied, rendered, key=lambda entry: entry[0]):
        block.append(text)
        size += len(text)
        if size >= BLOCK:  # a few large writes rather than one per row
            yield "".join(block)
            block, size = [], 0
    if block:
        yield "".join(block)


def current_open_data_file(item_type):
    """The type's open-data CSV when it exists and holds nothing taken back from the public, else
    None."""
    root = open_data_root()
    if read_manifest(root) is None or removal_pending(root):
        return None
    try:
        handle = open(root / item_type.data_file.csv_name, "rb")  # noqa: SIM115 (the response closes it)
    except OSError:
        return None
    stat = os.fstat(handle.fileno())
    etag = f'"open-data-{stat.st_ino:x}-{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    return OpenDataFile(handle, etag, datetime.fromtimestamp(stat.st_mtime, UTC))


class Echo:
    """A file-like object whose write returns the line, for streaming CSV writer output."""

    def write(self, value):
        return value


def disposition(item_type):
    return f'attachment; filename="vigie-ia-{item_type.section}.csv"'


def open_data_csv(request, item_type):
    """The unfiltered CSV from the open-data file, with the same caching headers as the streamed
    answer; None when it must be streamed."""
    snapshot = current_open_data_file(item_type)
    if snapshot is None:
        return None
    response = FileResponse(snapshot.handle, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = disposition(item_type)
    answer = conditional(request, response, snapshot.etag, snapshot.last_modified)
    if answer is not response:  # 304: the file is not sent
        response.close()
    return answer


class ItemsCsvSchema(OpenApiV1Schema):
    """Describes ``/api/v1/<section>.csv`` once per type that offers it (``api_v1_only`` lists one
    path per type): its operation, summary and description name the type and its columns."""

    def item_type(self):
        return csv_type(self.path.rsplit("/", 1)[-1].removesuffix(".csv"))

    def get_operation_id(self):
        return f"{self.item_type().section}_csv"

    def get_summary(self):
        with translation.override("en"):
            return f"Download matching {str(self.item_type().label_plural).lower()} as CSV"

    def get_description(self):
        item_type = self.item_type()
        data_file = item_type.data_file
        with translation.override("en"):
            label = str(item_type.label).lower()
        columns = ", ".join(column.name for column in data_file.columns())
        return (
            f"Every {label} matching the search, one row per published language version, "
            f"{data_file.csv_api_format()} (id, then French first). Columns: `{columns}`. The "
            f"parameters are the search's; `type` is always `{item_type.key}`, and `sort`, `page` and "
            "`page_size` are validated but every matching row is returned in that order. Without words "
            "or facets the answer is the open-data file, which may lag behind the latest publications "
            "by a few minutes (its `Last-Modified` says when it was built); otherwise the rows are "
            "streamed from the database."
        )


class ItemsCsvView(OpenApiView):
    schema = ItemsCsvSchema()

    @classmethod
    def openapi_parameters(cls):
        return search_parameters(exclude=("type", "page", "page_size"))

    @extend_schema(
        tags=["search"],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="UTF-8 CSV with a header row."),
            304: NOT_MODIFIED,
            400: BAD_PARAMETERS,
        },
    )
    def get(self, request, section, *args, **kwargs):
        item_type = csv_type(section)
        if item_type is None:
            return not_found(request, f"{section}.csv")
        parsed = parse_request(request, default_locale=DEFAULT_SEARCH_LOCALE)
        if parsed.errors:
            return error_json(400, parsed.errors)
        query = parsed.query.with_selection("type", [item_type.key])
        if is_unfiltered(query, item_type) and (served := open_data_csv(request, item_type)) is not None:
            return served
        data_file = item_type.data_file
        header = [column.name for column in data_file.columns()]
        token, since = index_state()
        generation = (read_manifest(open_data_root()) or {}).get("generation")
        etag = f'W/"{digest(f"{section}.csv", tuple(header), token, generation, repr(query))}"'
        if request.method == "HEAD":  # the headers only: the export is not run
            response = StreamingHttpResponse(iter(()), content_type="text/csv; charset=utf-8")
        else:
            writer = csv_cells.Writer(Echo())

            def lines():
                yield writer.writerow(header)
                yield from matching_rows(data_file, HubSearch().matching_public_ids(query), writer)

            response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = disposition(item_type)
        return conditional(request, response, etag, since)
