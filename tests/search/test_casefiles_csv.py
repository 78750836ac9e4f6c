"""``/api/v1/casefiles.csv``: the unfiltered download is the open-data file itself while that file
is current (no search, no export per request), byte for byte what the streamed answer gives for
the same data; a filtered download streams the same rows for the matching case files only."""

import csv
import io
from email.utils import parsedate_to_datetime

import pytest
from django.http import FileResponse
from django.test import RequestFactory

from hub.data_folder import open_data_root
from impacts.interchange import COLUMNS, export_csv
from open_data import build, files, tasks
from search.api import items_csv
from search.backends import get_backend
from search.backends.base import SearchBackend
from search.index import rebuild_index
from search.requests import parse_request
from search.service import HubSearch
from tests.factories import CaseFilePageFactory, site_skeleton, translate_page

pytestmark = pytest.mark.django_db

CSV_URL = "/api/v1/casefiles.csv"


@pytest.fixture
def casefiles(db, django_capture_on_commit_callbacks):
    """Case files in two services, one translated, dates in no particular order, and a draft.
    Made as committed requests would (so a later publication queues its own rebuild)."""
    with django_capture_on_commit_callbacks(execute=True):
        site_skeleton()
        return make_casefiles()


def make_casefiles():
    pages = {
        "health": CaseFilePageFactory(
            title="Triage à l'urgence", services=["sante"], first_reported="2024-05-01"
        ),
        "housing": CaseFilePageFactory(
            title="Logement", services=["habitation"], first_reported="2025-02-01"
        ),
        "old": CaseFilePageFactory(title="Ancien dossier", services=["sante"], first_reported="2019-01-01"),
    }
    pages["housing_en"] = translate_page(pages["housing"], "en", title="Housing", slug="housing")
    CaseFilePageFactory(title="Brouillon", live=False)
    rebuild_index(get_backend())
    return pages


def body(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="vigie-ia-casefiles.csv"'
    return b"".join(response.streaming_content)


def published_export():
    """``export_casefiles`` without its drafts: the rows a public download must hold."""
    rows = list(csv.reader(io.StringIO(export_csv())))
    published = COLUMNS.index("published")
    return [rows[0], *[row for row in rows[1:] if row[published] == "true"]]


def test_unfiltered_download_is_the_current_open_data_file_without_running_a_search(
    client, casefiles, monkeypatch
):
    build.build_open_data()
    file_bytes = (open_data_root() / "vigie-casefiles.csv").read_bytes()

    def no_search(*args, **kwargs):
        raise AssertionError("the unfiltered download ran a search")

    monkeypatch.setattr(HubSearch, "matching_public_ids", no_search)
    for params in ({}, {"locale": "en"}, {"sort": "title", "page": 3}):
        response = client.get(CSV_URL, params)

        assert body(response) == file_bytes
        assert int(response["Content-Length"]) == len(file_bytes)
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(CSV_URL, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_streamed_answer_has_the_same_bytes_as_the_open_data_file(client, casefiles):
    build.build_open_data()
    file_bytes = (open_data_root() / "vigie-casefiles.csv").read_bytes()
    files.mark_stale(removal=True)  # may hold something taken back: the same request now streams

    response = client.get(CSV_URL)
    assert not isinstance(response, FileResponse)
    streamed = body(response)

    assert streamed == file_bytes
    assert list(csv.reader(io.StringIO(streamed.decode()))) == published_export()


def test_without_open_data_files_the_unfiltered_download_streams_every_language_version(client, casefiles):
    rows = list(csv.DictReader(io.StringIO(body(client.get(CSV_URL, {"locale": "en"})).decode())))

    assert [(row["id"], row["locale"]) for row in rows] == [
        (row[0], row[1]) for row in published_export()[1:]
    ]
    assert {row["title"] for row in rows} >= {"Logement", "Housing"}


def test_a_filtered_download_streams_the_matching_case_files_only(client, casefiles, monkeypatch):
    build.build_open_data()
    searched = []
    matching = HubSearch.matching_public_ids

    def counting(self, query):
        searched.append(query)
        return matching(self, query)

    monkeypatch.setattr(HubSearch, "matching_public_ids", counting)

    rows = list(csv.DictReader(io.StringIO(body(client.get(CSV_URL, {"service": "sante"})).decode())))

    assert searched
    health, old = casefiles["health"], casefiles["old"]
    expected = sorted([health.public_id, old.public_id])
    assert [row["id"] for row in rows] == expected
    housing = list(csv.DictReader(io.StringIO(body(client.get(CSV_URL, {"q": "logement"})).decode())))
    assert [(row["id"], row["locale"]) for row in housing] == [
        (casefiles["housing"].public_id, "fr"),
        (casefiles["housing"].public_id, "en"),
    ]


def download_ids(client):
    return {row["id"] for row in csv.DictReader(io.StringIO(body(client.get(CSV_URL)).decode()))}


def test_after_a_publication_the_download_is_the_file_as_built_and_says_when(
    client, casefiles, committed, settings, monkeypatch
):
    # The rebuild a publication enqueues waits (as in a busy worker) until the test runs it.
    settings.TASKS = {**settings.TASKS, "open_data": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    build.build_open_data()
    built_at = (open_data_root() / "vigie-casefiles.csv").stat().st_mtime
    newer = committed(CaseFilePageFactory, title="Nouveau dossier publié")
    rebuild_index(get_backend())
    monkeypatch.setattr(HubSearch, "matching_public_ids", None)  # every answer below comes from the file

    response = client.get(CSV_URL)
    assert newer.public_id not in {row["id"] for row in csv.DictReader(io.StringIO(body(response).decode()))}
    assert parsedate_to_datetime(response["Last-Modified"]).timestamp() == int(built_at)
    build.rebuild_if_stale()
    assert newer.public_id in download_ids(client)


def test_an_unpublished_case_file_leaves_the_download_at_once_even_while_the_file_is_being_built(
    client, casefiles, committed, settings
):
    """While another process holds the build lock, the unpublication cannot build: the download
    streams from the database, without the page, until a build has removed it from the file."""
    settings.OPEN_DATA_MIN_INTERVAL = 600
    settings.TASKS = {**settings.TASKS, "open_data": {"BACKEND": "open_data.tasks.CronBackend"}}
    build.build_open_data()
    old = casefiles["old"]  # in French only
    assert old.public_id in download_ids(client)
    with files.build_lock(open_data_root()):
        committed(old.unpublish)
        rebuild_index(get_backend())
        assert old.public_id in csv_ids(open_data_root() / "vigie-casefiles.csv")  # not rebuilt yet
        assert old.public_id not in download_ids(client)
    assert tasks.rebuild_open_data.call() == "rebuilt"  # the interval does not hold a removal back

    assert old.public_id not in csv_ids(open_data_root() / "vigie-casefiles.csv")
    assert not files.removal_pending()


def csv_ids(path):
    with open(path, encoding="utf-8") as handle:
        return {row["id"] for row in csv.DictReader(handle)}


def test_a_filtered_download_copies_the_rows_the_file_holds_and_renders_only_what_is_newer(
    client, casefiles, committed, settings, monkeypatch
):
    """Like the unfiltered download, what the file holds is sent as built; a case file published
    since is rendered from the database, in its place in the id order."""
    settings.TASKS = {**settings.TASKS, "open_data": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    build.build_open_data()
    path = open_data_root() / "vigie-casefiles.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        file_rows = list(csv.reader(handle))
    newer = committed(CaseFilePageFactory, title="Publié après les fichiers", services=["sante"])
    rebuild_index(get_backend())
    rendered = []
    original = items_csv.rows_of

    def spy(data_file, public_ids):
        rendered.append(set(public_ids))
        return original(data_file, public_ids)

    monkeypatch.setattr(items_csv, "rows_of", spy)
    health, old = casefiles["health"], casefiles["old"]

    rows = list(csv.reader(io.StringIO(body(client.get(CSV_URL, {"service": "sante"})).decode())))

    assert rendered == [{newer.public_id}]
    newer_rows = [row for row in published_export() if row[0] == newer.public_id]
    assert newer_rows
    assert rows == [
        file_rows[0],
        *[row for row in file_rows[1:] if row[0] in (health.public_id, old.public_id)],
        *newer_rows,
    ]
    rendered.clear()
    files.mark_stale(removal=True)  # it may hold something taken back: every row from the database
    again = list(csv.reader(io.StringIO(body(client.get(CSV_URL, {"service": "sante"})).decode())))
    assert rendered == [{health.public_id, old.public_id, newer.public_id}]
    assert again == rows


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"health", "housing", "old"}),
        ({"service": "sante"}, {"health", "old"}),
        ({"q": "logement"}, {"housing"}),
        ({"q": "housing", "locale": "en"}, {"housing"}),
        ({"q": "dossier", "service": "habitation"}, set()),
    ],
)
def test_every_match_of_a_search_is_read_at_once_as_walking_its_pages_would(casefiles, params, expected):
    backend = get_backend()
    query = parse_request(RequestFactory().get("/", params), default_locale="fr").query

    found = backend.matching_public_ids(query)

    assert found == {casefiles[name].public_id for name in expected}
    assert found == SearchBackend.matching_public_ids(backend, query)
