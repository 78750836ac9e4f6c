"""The build after publishing, out of the editor's request, at most once per interval.

Page publication, unpublication, deletion and moves, privacy changes, testimony changes
(withdrawal included) and vocabulary edits are announced once per commit by
``hub.changes.items_changed``. Then, if the folder holds the last generation THIS database built
into it (``files.built_here``), the files are marked stale ("stale since T" and the public ids
that changed, a file next to them) and ONE ``rebuild_open_data`` task is asked for on the
``open_data`` task backend (``TASKS`` in ``hub/settings/base.py``). The task builds only while
the files are stale, under a lock shared by every process on the machine: publications arriving
during a build coalesce into one more build. Nothing is rebuilt automatically until this
database has built the files once, and never over files another database wrote into a shared
folder since.

Two ways keep a publication cheap at 100,000 items, where a full build takes about a minute and
a half of one core:

- **Incremental builds** (``reuse``): a build renders only the items the mark names, and those
  linked to them, and copies every other item's bytes from the previous files. It still reads
  and writes every file whole (so each file stays one consistent, atomically swapped
  generation), which is what it costs: seconds instead of a minute and a half.
- **At most one automatic build per ``OPEN_DATA_MIN_INTERVAL``** (10 minutes by default), counted
  from the end of the last build: a burst of publications costs one build, and the files lag
  behind the site by up to the interval, which the open data page says. The task is deferred
  to that time (``run_after``) on backends that can; on one that cannot, the first change after
  it (or cron) builds.

The default backend builds in a thread of the web process, where it competes with requests for
the CPU. On a large or busy site, set ``OPEN_DATA_TASK_BACKEND=open_data.tasks.CronBackend`` and
run ``build_open_data --if-stale`` from cron (or a worker) every ``OPEN_DATA_MIN_INTERVAL``."""

import threading
from datetime import timedelta

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks.backends.immediate import ImmediateBackend

from hub.changes import items_changed
from hub.data_folder import open_data_root

from .build import rebuild_if_stale
from .files import built_here, is_stale, last_built, mark_stale, removal_pending

OPEN_DATA_TASK_BACKEND = "open_data"  # the alias in TASKS (hub/settings/base.py)


_waiting = {}  # task path → the timer thread of its deferred run, in this process
_waiting_lock = threading.Lock()


class BackgroundThreadBackend(ImmediateBackend):
    """django-tasks' immediate backend, run in a new thread of this process: ``enqueue`` returns
    at once and the task runs beside the requests.

    Trade-off: no worker to run, but a task in progress is lost if the process stops (a deploy,
    a recycled worker). For the open data that is harmless: the previous files stay online, the
    "stale" mark stays, and the next publication or ``build_open_data`` catches up. A worker
    backend (see ``TASKS`` in the settings) avoids the loss at the cost of running a worker.

    A thread has its own database connection and sees only committed data; when the caller is
    still inside a transaction, the task runs inline instead, where it can see the caller's writes.

    A task enqueued with ``run_after`` in the future waits in a timer thread of this process; while
    one waits, enqueuing the same task again adds none (the waiting one does the work). The timer
    is a daemon: a process that stops forgets it, as it forgets a task under way.
    """

    supports_defer = True

    def _execute_task(self, task_result):
        run_after = task_result.task.run_after
        if run_after is not None and run_after > timezone.now():
            self._defer(task_result, (run_after - timezone.now()).total_seconds())
            return
        if connection.in_atomic_block:
            super()._execute_task(task_result)
            return
        thread = threading.Thread(
            target=self._execute_in_thread, args=(task_result,), name=f"task-{task_result.task.name}"
        )
        # Not a daemon: a management command that published waits for the rebuild before exiting.
        thread.start()

    def _defer(self, task_result, seconds):
        name = task_result.task.module_path
        with _waiting_lock:
            if name in _waiting and _waiting[name].is_alive():
                return
            timer = threading.Timer(seconds, self._execute_in_thread, args=(task_result,))
            timer.name = f"task-{task_result.task.name}-later"
            timer.daemon = True
            _waiting[name] = timer
            timer.start()

    def _execute_in_thread(self, task_result):
        try:
            super()._execute_task(task_result)
        finally:
            connections.close_all()


class CronBackend(DummyBackend):
    """Runs nothing and keeps nothing: the stale mark in the folder is the queue, and
    ``build_open_data --if-stale``, run by cron (or any scheduler), builds. For sites where a
    build must not take CPU from the web workers."""

    def enqueue(self, task, args, kwargs):
        result = super().enqueue(task, args, kwargs)
        self.clear()
        return result


def next_build_at(root):
    """When the next automatic build may start: ``OPEN_DATA_MIN_INTERVAL`` seconds after the
    last one ended. None when it may start at once (no interval, never built here, or something
    taken back from the public is still in the files)."""
    interval = settings.OPEN_DATA_MIN_INTERVAL
    last = last_built(root) if interval and not removal_pending(root) else None
    return last + timedelta(seconds=interval) if last else None


def request_build(root):
    """Enqueue the build, now or at ``next_build_at``. A backend that cannot defer gets nothing
    until then: the stale mark stays, and the first change after that time (or cron's
    ``build_open_data --if-stale``) builds."""
    due = next_build_at(root)
    if due is None or due <= timezone.now():
        rebuild_open_data.enqueue()
    elif task_backends[OPEN_DATA_TASK_BACKEND].supports_defer:
        rebuild_open_data.using(run_after=due).enqueue()


@task(backend=OPEN_DATA_TASK_BACKEND)
def rebuild_open_data():
    """The task: rebuild the open data files if they are stale (see ``rebuild_if_stale``), unless
    another process built less than ``OPEN_DATA_MIN_INTERVAL`` ago: then ask again for later."""
    root = open_data_root()
    due = next_build_at(root)
    if due is not None and due > timezone.now():
        request_build(root)
        return "waiting"
    outcome = rebuild_if_stale(root, once=bool(settings.OPEN_DATA_MIN_INTERVAL))
    if outcome == "rebuilt" and is_stale(root):  # changed during the build: after the interval
        request_build(root)
    return outcome


def rebuild_after_commit(change):
    """Mark stale with what changed and ask for a build, when the files online are this
    database's to rebuild. What took something back from the public is built here and now,
    whatever the backend and the interval: the process that unpublished, deleted or withdrew
    returns once the files no longer hold it (seconds at 100,000 items, an incremental build),
    or once the build under way elsewhere has taken it along."""
    root = open_data_root()
    if not built_here(root):
        return
    # A label changes items the announcement cannot name (authors' organizations): rebuild all.
    mark_stale(root, change.public_ids, everything=change.vocabulary, removal=change.removal)
    if change.removal:
        rebuild_if_stale(root)
    else:
        request_build(root)


def on_items_changed(sender, change, **kwargs):
    """Anything the files show changed (``hub.changes``): items, addresses, privacy or labels."""
    if change.public_ids or change.pages or change.vocabulary:
        rebuild_after_commit(change)


def connect():
    """Rebuild after every committed change the files show. Idempotent."""
    items_changed.connect(on_items_changed, dispatch_uid="open-data-items-changed")
