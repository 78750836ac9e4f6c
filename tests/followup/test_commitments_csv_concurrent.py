"""Imports of commitments wait their turn: two imports adding a commitment to the same item at
once each get a number of their own, the second one starting from what the first committed
(``own_database``: each thread on its own connection, on SQLite as on PostgreSQL)."""

import io
import threading
import time
from contextlib import contextmanager

from django.core.management import call_command
from django.db import connections

from followup.interchange import writing
from tests.factories import CollaborationAgreementPageFactory, OrganizationFactory, commitment, site_skeleton

HEADER = "item,locale,number,text,owner,owner_role,due_date,recommendation\n"


def test_two_imports_adding_commitments_at_once_get_numbers_one_after_the_other(
    own_database, tmp_path, monkeypatch
):
    site_skeleton()
    city = OrganizationFactory(name="Ville fictive", key="ville")
    item = CollaborationAgreementPageFactory(commitments=[commitment("Publier le code.", owner=city)])
    paths = {}
    for name, text in (("first", "Former le personnel."), ("second", "Ouvrir les données.")):
        paths[name] = tmp_path / f"{name}.csv"
        paths[name].write_text(HEADER + f"{item.public_id},fr,,{text},ville,,,\n", encoding="utf-8")
    second_started = threading.Event()
    write = writing.CommitmentWriter.write
    lock = writing.exclusive

    def write_then_linger(self, group):
        """The first import keeps its transaction open until the second one has started."""
        outcome = write(self, group)
        if threading.current_thread().name == "first":
            second_started.wait(10)
            time.sleep(1)
        return outcome

    @contextmanager
    def say_then_lock(name):
        """The second import has read its file and asks for the lock the first one holds."""
        if threading.current_thread().name == "second":
            second_started.set()
        with lock(name):
            yield

    monkeypatch.setattr(writing.CommitmentWriter, "write", write_then_linger)
    monkeypatch.setattr(writing, "exclusive", say_then_lock)
    failures = []

    def run():
        name = threading.current_thread().name
        try:
            call_command("import_commitments", commitments=str(paths[name]), stdout=io.StringIO())
        except Exception as error:
            failures.append(f"{name}: {type(error).__name__}: {error}")
        finally:
            connections.close_all()

    first = threading.Thread(target=run, name="first")
    second = threading.Thread(target=run, name="second")
    first.start()
    time.sleep(0.5)
    second.start()
    first.join(60)
    second.join(60)

    assert not first.is_alive() and not second.is_alive()
    assert failures == []
    assert sorted(item.commitments.values_list("number", "text")) == [
        (1, "Publier le code."),
        (2, "Former le personnel."),
        (3, "Ouvrir les données."),
    ]
