"""What ``/api/v1/casefiles.csv`` sends: rows in the import format, the same as the open-data
file ``vigie-casefiles.csv`` and ``export_casefiles`` (every published language version of each
case file, ordered by id, French first), for the case files a search matches.

Without words or facets the answer is the whole published dataset, which the open-data file
already holds: while that file is current (built, and not marked stale by a change since), it is
sent as it is, instead of running the search and the export again for every download (at 30,000
items, ~10 s and 11.5 MB per request). A filtered request streams its rows."""

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from hub import open_data
from impacts.interchange import casefile_to_row, row_sort_key
from impacts.models import CaseFilePage

from .documents import publishable
from .service import HubSearch

CHUNK = 500  # hits per search page, and case files loaded at a time


def is_unfiltered(query):
    """True when ``query`` (already limited to case files) selects every published case file.
    ``sort``, ``locale`` and paging do not change which rows the CSV holds, nor their order."""
    return not query.text and dict(query.selections) == {"type": ("casefile",)}


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
            publishable(CaseFilePage)
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
    root = open_data.open_data_root()
    if open_data.read_manifest(root) is None or open_data.is_stale(root):
        return None
    try:
        handle = open(root / open_data.CASEFILES_CSV, "rb")  # noqa: SIM115 (the response closes it)
    except OSError:
        return None
    stat = os.fstat(handle.fileno())
    etag = f'"open-data-{stat.st_ino:x}-{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    return OpenDataFile(handle, etag, datetime.fromtimestamp(stat.st_mtime, UTC))
