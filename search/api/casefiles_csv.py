"""What ``/api/v1/casefiles.csv`` sends: rows in the import format, the same as the open-data
file ``vigie-casefiles.csv`` and ``export_casefiles`` (every published language version of each
case file, ordered by id, French first), for the case files a search matches.

Without words or facets the answer is the whole published dataset, which the open-data file
already holds: while that file is current (built, and not marked stale by a change since), it is
sent as it is, instead of running the search and the export again for every download (at 30,000
items, ~10 s and 11.5 MB per request). A filtered request streams its rows.

The format is the case file's own (``impacts.interchange``): the one import of a feature app in
the API, until the CSV is generalised to every item type."""

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from django.http import FileResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema

from hub import csv_cells
from hub.data_folder import open_data_root
from hub.items import get_item_type
from impacts.interchange import COLUMNS, casefile_to_row, row_sort_key
from open_data.files import is_stale, read_manifest

from ..requests import parse_request
from ..service import HubSearch
from .http import DEFAULT_SEARCH_LOCALE, conditional, digest, error_json, index_state
from .schema import BAD_PARAMETERS, NOT_MODIFIED, OpenApiView, search_parameters

ITEM_TYPE = "casefile"  # the registry key of the items this CSV holds, also their ``type`` facet value
CHUNK = 500  # hits per search page, and case files loaded at a time
CSV_DISPOSITION = 'attachment; filename="vigie-ia-casefiles.csv"'


def is_unfiltered(query):
    """True when ``query`` (already limited to case files) selects every published case file.
    ``sort``, ``locale`` and paging do not change which rows the CSV holds, nor their order."""
    return not query.text and dict(query.selections) == {"type": (ITEM_TYPE,)}


def id_order(public_id):
    return row_sort_key({"id": public_id, "locale": ""})


def matching_ids(query):
    """The public ids of the case files ``query`` matches, in id order."""
    search = HubSearch()
    ids = set()
    page_number = 1
    while True:
        hits = search.hits(replace(query, page=page_number, page_size=CHUNK))
        ids.update(hit["public_id"] for hit in hits)
        if len(hits) < CHUNK:
            return sorted(ids, key=id_order)
        page_number += 1


def page_order(page):
    return row_sort_key({"id": page.public_id, "locale": page.locale.language_code})


def casefile_pages(query):
    """Every published language version of every case file ``query`` matches, in the order of
    the open-data file, loading ``CHUNK`` case files at a time."""
    ids = matching_ids(query)
    for start in range(0, len(ids), CHUNK):
        pages = (
            get_item_type(ITEM_TYPE)
            .model.objects.public()
            .filter(public_id__in=ids[start : start + CHUNK])
            .select_related("locale", "agency")
            .prefetch_related("services", "regions", "risks")
        )
        yield from sorted(pages, key=page_order)


def casefile_rows(query):
    """The rows (``casefile_to_row``) of ``casefile_pages(query)``."""
    for page in casefile_pages(query):
        yield casefile_to_row(page)


@dataclass
class OpenDataFile:
    """The open-data case-file CSV, opened, with validators read from the opened file itself (a
    rebuild replaces the file by a new one, so what is sent and its validators always agree)."""

    handle: object
    etag: str
    last_modified: datetime


def current_open_data_file():
    """The open-data case-file CSV when it exists and is current, else None."""
    root = open_data_root()
    if read_manifest(root) is None or is_stale(root):
        return None
    try:
        handle = open(root / get_item_type(ITEM_TYPE).data_file.csv_name, "rb")  # noqa: SIM115 (the response closes it)
    except OSError:
        return None
    stat = os.fstat(handle.fileno())
    etag = f'"open-data-{stat.st_ino:x}-{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    return OpenDataFile(handle, etag, datetime.fromtimestamp(stat.st_mtime, UTC))


class Echo:
    """A file-like object whose write returns the line, for streaming CSV writer output."""

    def write(self, value):
        return value


def open_data_csv(request):
    """The unfiltered CSV from the open-data file while it is current, with the same caching
    headers as the streamed answer; None when it must be streamed."""
    snapshot = current_open_data_file()
    if snapshot is None:
        return None
    response = FileResponse(snapshot.handle, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = CSV_DISPOSITION
    answer = conditional(request, response, snapshot.etag, snapshot.last_modified)
    if answer is not response:  # 304: the file is not sent
        response.close()
    return answer


class CasefilesCsvView(OpenApiView):
    @classmethod
    def openapi_parameters(cls):
        return search_parameters(exclude=("type", "page", "page_size"))

    @extend_schema(
        operation_id="casefiles_csv",
        summary="Download matching case files as CSV",
        description=(
            "Every case file matching the search, one row per published language version, in the "
            "hub's import format (`import_casefiles` re-imports it without loss) and the order of "
            "`export_casefiles` and the open-data file (id, then French first). Columns: "
            f"`{', '.join(COLUMNS)}`. The parameters are the search's; `type` is always `casefile`, "
            "and `sort`, `page` and `page_size` are validated but every matching row is returned in "
            "that order. Without words or facets the answer is the open-data file while it is "
            "current; otherwise the rows are streamed."
        ),
        tags=["search"],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="UTF-8 CSV with a header row."),
            304: NOT_MODIFIED,
            400: BAD_PARAMETERS,
        },
    )
    def get(self, request, *args, **kwargs):
        parsed = parse_request(request, default_locale=DEFAULT_SEARCH_LOCALE)
        if parsed.errors:
            return error_json(400, parsed.errors)
        query = parsed.query.with_selection("type", [ITEM_TYPE])
        if is_unfiltered(query) and (served := open_data_csv(request)) is not None:
            return served
        token, since = index_state()
        etag = f'W/"{digest("casefiles.csv", COLUMNS, token, repr(query))}"'
        if request.method == "HEAD":  # the headers only: the export is not run
            response = StreamingHttpResponse(iter(()), content_type="text/csv; charset=utf-8")
        else:
            writer = csv_cells.Writer(Echo())

            def lines():
                yield writer.writerow(COLUMNS)
                for cells in casefile_rows(query):
                    yield writer.writerow([cells[column] for column in COLUMNS])

            response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = CSV_DISPOSITION
        return conditional(request, response, etag, since)
