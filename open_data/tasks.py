"""The rebuild after publishing, out of the editor's request.

Page publication, unpublication, deletion and moves, privacy changes, testimony changes
(withdrawal included) and vocabulary edits are announced once per commit by
``hub.changes.items_changed``. Then, if the folder holds the last generation THIS database built
into it (``files.built_here``), the files are marked stale ("stale since T", a file next to them)
and ONE ``rebuild_open_data`` task is enqueued on the ``open_data`` task backend (``TASKS`` in
``hub/settings/base.py``). The task rebuilds only while the files are stale, under a lock shared
by every process on the machine: publications arriving during a build coalesce into one more
build. Nothing is rebuilt automatically until this database has built the files once, and never
over files another database wrote into a shared folder since."""

import threading

from django.db import connection, connections
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from hub.changes import items_changed
from hub.data_folder import open_data_root

from .build import rebuild_if_stale
from .files import built_here, mark_stale

OPEN_DATA_TASK_BACKEND = "open_data"  # the alias in TASKS (hub/settings/base.py)


class BackgroundThreadBackend(ImmediateBackend):
    """django-tasks' immediate backend, run in a new thread of this process: ``enqueue`` returns
    at once and the task runs beside the requests.

    Trade-off: no worker to run, but a task in progress is lost if the process stops (a deploy,
    a recycled worker). For the open data that is harmless: the previous files stay online, the
    "stale" mark stays, and the next publication or ``build_open_data`` catches up. A worker
    backend (see ``TASKS`` in the settings) avoids the loss at the cost of running a worker.

    A thread has its own database connection and sees only committed data; when the caller is
    still inside a transaction, the task runs inline instead, where it can see the caller's writes.
    """

    def _execute_task(self, task_result):
        if connection.in_atomic_block:
            super()._execute_task(task_result)
            return
        thread = threading.Thread(
            target=self._execute_in_thread, args=(task_result,), name=f"task-{task_result.task.name}"
        )
        # Not a daemon: a management command that published waits for the rebuild before exiting.
        thread.start()

    def _execute_in_thread(self, task_result):
        try:
            super()._execute_task(task_result)
        finally:
            connections.close_all()


@task(backend=OPEN_DATA_TASK_BACKEND)
def rebuild_open_data():
    """The task: rebuild the open data files if they are stale (see ``rebuild_if_stale``)."""
    return rebuild_if_stale()


def rebuild_after_commit():
    """Mark stale and enqueue the task, when the files online are this database's to rebuild."""
    root = open_data_root()
    if not built_here(root):
        return
    mark_stale(root)
    rebuild_open_data.enqueue()


def on_items_changed(sender, change, **kwargs):
    """Anything the files show changed (``hub.changes``): items, addresses, privacy or labels."""
    if change.public_ids or change.pages or change.vocabulary:
        rebuild_after_commit()


def connect():
    """Rebuild after every committed change the files show. Idempotent."""
    items_changed.connect(on_items_changed, dispatch_uid="open-data-items-changed")
