"""The load test's parts that can be checked without running it: what its readers discover and
ask for (benchmarks/load_mix.py) answers 200 on a synthetic hub, the locust file imports, and the
editor's drafts (``prepare_loadtest``) publish through the admin API like a real publication."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from random import Random

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from benchmarks.load_mix import FEEDS, HOMES, SEARCH_API, SEARCH_PAGES, discover
from hub.items import item_types
from search.backends import get_backend

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def synthetic(db, settings):
    settings.ELASTICSEARCH_URL = ""
    get_backend.cache_clear()
    call_command("synthesize", count=250, skip_open_data=True, stdout=StringIO())
    yield
    get_backend.cache_clear()


def test_the_readers_mix_covers_every_type_and_every_request_answers(synthetic, client):
    def get(path):
        response = client.get(path)
        return response.status_code, response.content.decode()

    mix = discover(get)

    public_ids = {
        page.public_id
        for item_type in item_types()
        for page in item_type.model.objects.public().only("public_id")
    }
    assert set(mix.item_paths) == {item_type.key for item_type in item_types()}
    assert mix.public_ids == sorted(public_ids)  # 250 items: the first, middle and last pages hold all
    for item_type, paths in mix.item_paths.items():
        assert {path.split("/")[1] for path in paths} == {"fr", "en"}, item_type
        for path in Random(1).sample(paths, min(5, len(paths))):
            assert client.get(path).status_code == 200, path
    assert mix.csv_paths == ["/api/v1/casefiles.csv"]
    assert set(mix.facet_values) == {"service", "region", "risk", "level"}
    assert mix.words["fr"] and mix.words["en"]

    rng = Random(2)
    for language in ("fr", "en"):
        assert client.get(HOMES[language]).status_code == 200
        for with_words, with_facets in ((True, False), (False, True), (True, True)):
            query = mix.search_query(rng, with_words=with_words, with_facets=with_facets, language=language)
            assert client.get(f"{SEARCH_PAGES[language]}?{query}").status_code == 200, query
            assert client.get(f"{SEARCH_API}?{query}").status_code == 200, query
            assert client.get(f"{FEEDS[language]}?{query}").status_code == 200, query
        query = mix.search_query(rng, with_words=False, with_facets=True, language=language)
        assert client.get(f"{mix.csv_paths[0]}?{query}").status_code == 200, query


def test_the_locust_file_imports_with_its_readers_and_editor():
    script = (
        "import runpy\n"
        "names = runpy.run_path('benchmarks/locustfile.py')\n"
        "print(names['Reader'].__name__, names['Editor'].fixed_count)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "LOADTEST_DRAFTS"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Reader", "0"]  # no editor without a drafts file


def test_the_editors_drafts_publish_through_the_admin_api(
    synthetic, client, monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("LOADTEST_PASSWORD", "a-long-enough-password")
    output = tmp_path / "drafts.json"
    drafts = len(item_types())  # one of each type, taken in turn
    call_command("prepare_loadtest", drafts=drafts, output=str(output), stdout=StringIO())

    page_ids = json.loads(output.read_text())
    assert len(page_ids) == drafts
    pages = [Page.objects.get(pk=pk).specific for pk in page_ids]
    assert {type(page) for page in pages} == {item_type.model for item_type in item_types()}
    assert all(page.has_unpublished_changes for page in pages)

    assert client.login(username="loadtest-editor", password="a-long-enough-password")
    page = pages[0]
    draft_title = page.get_latest_revision_as_object().title
    assert draft_title.endswith("(rév. 1)") and page.title != draft_title
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            f"/admin/api/main/pages/{page.pk}/action/publish/", {}, content_type="application/json"
        )
    assert answer.status_code == 200, answer.content
    page.refresh_from_db()
    assert page.title == draft_title and not page.has_unpublished_changes
    hits = client.get(SEARCH_API, {"q": draft_title.split()[0], "page_size": 100}).json()["results"]
    assert page.public_id in {hit["id"] for hit in hits}


def test_prepare_loadtest_refuses_a_short_password(db, monkeypatch, tmp_path):
    monkeypatch.setenv("LOADTEST_PASSWORD", "short")
    with pytest.raises(CommandError, match="LOADTEST_PASSWORD"):
        call_command("prepare_loadtest", drafts=1, output=str(tmp_path / "d.json"))
