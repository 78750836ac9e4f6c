"""Imports wait their turn: a second ``import_casefiles`` started while the first is writing
waits for it, then finds what it created, on SQLite as on PostgreSQL (``own_database``: each
thread on its own connection)."""

import io
import threading
import time

from django.core.management import call_command
from django.db import connections

from impacts import interchange
from impacts.models import CaseFilePage
from tests.factories import site_skeleton

HEADER = (
    "id,locale,title,summary,plain_summary,services,regions,risks,impact_level,agency,"
    "ai_system,status,first_reported,sources,published"
)
ROWS = [
    "CF-2025-0900,fr,Tri des demandes,Un système trie.,Une machine trie.,sante,montreal,,,Agence fictive,Trieur,pilot,,,true",
    "CF-2025-0901,fr,Classement des dossiers,Un système classe.,Une machine classe.,sante,montreal,,2,Agence fictive,Classeur,deployed,,,true",
]


def test_a_second_import_of_the_same_new_ids_waits_for_the_first(own_database, tmp_path, monkeypatch):
    site_skeleton()
    path = tmp_path / "casefiles.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    second_started = threading.Event()
    read_import = interchange.read_import
    create = interchange.RowWriter.create

    def read_and_say(data):
        if threading.current_thread().name == "second":
            second_started.set()
        return read_import(data)

    def create_then_linger(self, row, public_id):
        """The first import keeps its transaction open until the second one has started."""
        create(self, row, public_id)
        if threading.current_thread().name == "first":
            second_started.wait(10)
            time.sleep(1)

    monkeypatch.setattr("impacts.management.commands.import_casefiles.read_import", read_and_say)
    monkeypatch.setattr(interchange.RowWriter, "create", create_then_linger)
    failures = []

    def run():
        try:
            call_command("import_casefiles", str(path), stdout=io.StringIO(), stderr=io.StringIO())
        except Exception as error:
            failures.append(f"{threading.current_thread().name}: {type(error).__name__}: {error}")
        finally:
            connections.close_all()

    first = threading.Thread(target=run, name="first")
    second = threading.Thread(target=run, name="second")
    first.start()
    time.sleep(0.5)  # the first import is under way
    second.start()
    first.join(60)
    second.join(60)

    assert not first.is_alive() and not second.is_alive()
    assert failures == []
    assert sorted(CaseFilePage.objects.values_list("public_id", "locale__language_code", "live")) == [
        ("CF-2025-0900", "fr", True),
        ("CF-2025-0901", "fr", True),
    ]
