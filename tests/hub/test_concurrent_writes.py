"""Many writers and readers at the same moment, as on a busy morning: editors publishing, imports
running, the public searching. On the embedded default (SQLite) and on PostgreSQL, every
publication and import succeeds, no reader gets a server error, and the index ends up matching
the database.

The threads run on their own copy of the test database (``own_database``), where each has its
own connection and commits as a request does."""

import io
import threading
import time

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections, transaction
from django.test import Client

from hub.models import PublicIdSequence
from impacts.models import CaseFilePage
from open_data.build import build_open_data
from tests.factories import CaseFilePageFactory, site_skeleton

READERS = 20
PUBLICATIONS = 10
IMPORTS = 2
SHARED_ID = "CF-2025-0900"  # in every import file: the first import creates it, the others find it
HEADER = (
    "id,locale,title,summary,plain_summary,services,regions,risks,impact_level,agency,"
    "ai_system,status,first_reported,sources,published"
)
SEARCHES = [
    "/fr/recherche/?q=algorithme",
    "/en/search/?q=algorithme&service=sante",
    "/fr/recherche/?service=sante&sort=title",
    "/api/v1/search/?q=algorithme",
    "/api/v1/search/?q=algorithme&locale=en&sort=relevance&page_size=5",
    "/api/v1/search/?service=sante&region=montreal&sort=oldest",
    "/api/v1/search/?sort=updated&page_size=3",
]
WAIT = 90  # seconds; a thread still running after this is a failure, not a hang of the suite


def import_file(path, number):
    rows = [
        f"{SHARED_ID},fr,Dossier partagé de l'algorithme,Un système trie.,Une machine trie.,"
        "sante,montreal,,,Agence fictive partagée,Trieur,pilot,,,true"
    ]
    rows += [
        f",fr,Algorithme importé {number}-{row},Un système classe.,Une machine classe.,"
        f"sante,montreal,,2,Agence fictive {number},Classeur {row},deployed,,,true"
        for row in range(3)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


class Countdown:
    """How many writers are still at work, shared by the threads."""

    def __init__(self, count):
        self.count = count
        self.lock = threading.Lock()

    def done(self):
        with self.lock:
            self.count -= 1

    @property
    def finished(self):
        with self.lock:
            return self.count <= 0


def run_threads(targets):
    """Start every target at the same moment; returns the failures they recorded."""
    failures = []
    barrier = threading.Barrier(len(targets))

    def run(target):
        try:
            barrier.wait(WAIT)
            target(failures)
        except Exception as error:
            failures.append(f"{target.__name__}: {type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + WAIT
    for thread in threads:
        thread.join(max(0, deadline - time.monotonic()))
    failures += [f"{thread.name} still running after {WAIT} s" for thread in threads if thread.is_alive()]
    return failures


def test_publications_imports_and_searches_at_once_all_succeed(own_database, tmp_path):
    site_skeleton()
    for number in range(4):
        CaseFilePageFactory(title=f"Algorithme en service {number}", services=["sante", "habitation"])
    drafts = [
        CaseFilePageFactory(live=False, title=f"Algorithme en attente {n}") for n in range(PUBLICATIONS)
    ]
    build_open_data()  # from now on every publication rebuilds the open data after its commit
    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "password")
    files = [import_file(tmp_path / f"import-{number}.csv", number) for number in range(IMPORTS)]
    writers = Countdown(PUBLICATIONS + IMPORTS)
    statuses = []

    def publisher(draft):
        client = Client()
        client.force_login(admin)

        def publish(failures):
            try:
                response = client.post(
                    f"/admin/api/main/pages/{draft.pk}/action/publish/", {}, content_type="application/json"
                )
                if response.status_code != 200:
                    failures.append(
                        f"publishing {draft.pk}: HTTP {response.status_code} {response.get('Location', '')}"
                    )
            finally:
                writers.done()

        publish.__name__ = f"publish {draft.pk}"
        return publish

    def importer(path):
        def run_import(failures):
            try:
                call_command("import_casefiles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
            finally:
                writers.done()

        run_import.__name__ = f"import {path.name}"
        return run_import

    def reader(number):
        client = Client(raise_request_exception=False)

        def search(failures):
            rounds = 0
            while not writers.finished or rounds < len(SEARCHES):
                url = SEARCHES[(number + rounds) % len(SEARCHES)]
                response = client.get(url)
                statuses.append(response.status_code)
                if response.status_code >= 500:
                    failures.append(f"reader {number}: {url}: HTTP {response.status_code}")
                rounds += 1

        search.__name__ = f"reader {number}"
        return search

    failures = run_threads(
        [publisher(draft) for draft in drafts]
        + [importer(path) for path in files]
        + [reader(number) for number in range(READERS)]
    )

    assert not failures, "\n".join(failures)
    assert set(statuses) == {200}
    assert (
        CaseFilePage.objects.filter(pk__in=[draft.pk for draft in drafts], live=True).count() == PUBLICATIONS
    )
    assert (
        CaseFilePage.objects.filter(title__startswith="Algorithme importé", live=True).count() == 3 * IMPORTS
    )
    assert list(
        CaseFilePage.objects.filter(public_id=SHARED_ID).values_list("locale__language_code", "live")
    ) == [("fr", True)]
    call_command("search_index", "check", stdout=io.StringIO())


def test_items_created_at_the_same_moment_get_distinct_ids(own_database):
    """Public ids come from one counter row per prefix and year, created by the first item of
    the year: eight creations at once, each in a transaction that stays open a moment as a
    page's does, get eight different ids."""
    ids = []

    def create(failures):
        with transaction.atomic():
            ids.append(PublicIdSequence.next_id("CF", 2031))
            time.sleep(0.2)

    assert run_threads([create] * 8) == []
    assert sorted(ids) == [f"CF-2031-{number:04d}" for number in range(1, 9)]
