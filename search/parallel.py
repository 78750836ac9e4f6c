"""A full rebuild's rows built in worker processes while the parent writes them.

Building documents (loading pages, rendering their text) and analysing their text take most of
a rebuild's time and read the database only: worker processes forked from the parent do it on
every core, and the parent, the only writer, inserts what they send. The work is cut into shares
of about ``chunk_size`` pages of one item type, whole translation groups, in the order the index
is written; worker ``w`` of ``n`` builds shares ``w``, ``w + n``, ... and the parent takes them in
turn from each worker's bounded queue, so the rows go in exactly as an in-process rebuild writes
them (same ids) and at most ``QUEUED_SHARES`` shares per worker wait in memory."""

import multiprocessing
import os
import queue
import traceback
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections

from hub.item_urls import PageUrls
from hub.items import get_item_type, item_types

from .documents import documents_of_pages, indexed_pages

# Below this many items a rebuild takes a few seconds in process: starting workers does not pay.
MIN_ITEMS = 5000
# Shares built ahead of the parent, per worker: the bound on the rows waiting in memory (a share
# of 1,000 pages is about 6 MB), and what lets workers go on while the parent empties the old
# index or makes a larger write.
QUEUED_SHARES = 8
# How often the parent, waiting for a share, checks that its worker still runs (seconds).
POLL_SECONDS = 1


class WorkerFailed(Exception):
    """A worker could not build its share: the rebuild stops and its transaction rolls back."""


@dataclass(frozen=True)
class Share:
    """The pages of one item type whose translation keys run from ``first`` to ``last``."""

    type_key: str
    first: object
    last: object
    pages: int
    items: int

    def __str__(self):
        return f"{self.type_key} pages with translation keys {self.first} to {self.last}"


def shares(chunk_size=1000):
    """The rebuild's shares, in the order the index is written: by item type, then translation
    key, each of at least ``chunk_size`` pages but the last of a type. One query per item type,
    for the keys alone, of the pages ``indexed_pages`` gives."""
    found = []
    for item_type in item_types():
        keys = (
            item_type.model.objects.public()
            .order_by("translation_key", "pk")
            .values_list("translation_key", flat=True)
        )
        first = previous = None
        pages = items = 0
        for key in keys.iterator(chunk_size=10_000):
            if key != previous:
                if pages >= chunk_size:
                    found.append(Share(item_type.key, first, previous, pages, items))
                    first, pages, items = key, 0, 0
                items += 1
            first = key if first is None else first
            pages, previous = pages + 1, key
        if pages:
            found.append(Share(item_type.key, first, previous, pages, items))
    return found


def rebuild_plan(chunk_size=1000):
    """(how many workers, their ``shares``) for a rebuild; no worker (build in process) when
    ``SEARCH_REBUILD_WORKERS`` is 0, inside a transaction, whose uncommitted rows another process
    could not see (the test suite's), or for fewer than ``MIN_ITEMS`` items."""
    value = str(settings.SEARCH_REBUILD_WORKERS).strip()
    if not value.isdigit():
        raise ImproperlyConfigured(
            f"SEARCH_REBUILD_WORKERS must be a whole number, 0 or more (0: no worker), not {value!r}."
        )
    if not int(value) or connection.in_atomic_block:
        return 0, []
    work = shares(chunk_size)
    if sum(share.items for share in work) < MIN_ITEMS:
        return 0, []
    return int(value), work


@contextmanager
def built_in_workers(work, build, workers, chunk_size=1000):
    """Yields an iterator of ``build(documents of a share)`` for every share of ``work``, in
    order, built by ``workers`` forked processes; they are stopped when the block ends, however
    it ends. A worker that fails or dies raises ``WorkerFailed`` from the iterator."""
    urls = PageUrls.load()  # once, before forking: every worker inherits it
    connections.close_all()  # a forked process must not share the parent's connection
    context = multiprocessing.get_context("fork")
    queues = [context.Queue(maxsize=QUEUED_SHARES) for _ in range(workers)]
    parent = os.getpid()
    processes = [
        context.Process(
            target=_work,
            args=(work[number::workers], build, urls, queues[number], parent, chunk_size),
            name=f"search-rebuild-{number}",
            daemon=True,
        )
        for number in range(workers)
    ]
    for process in processes:
        process.start()
    try:
        yield (
            _receive(queues[position % workers], processes[position % workers], share)
            for position, share in enumerate(work)
        )
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for results in queues:
            results.close()
            results.cancel_join_thread()


def _work(work, build, urls, results, parent, chunk_size):
    """A worker's life: build each share and send it; on failure send what went wrong and stop.
    Its connection is read-only: the parent's transaction is the rebuild's only write."""
    share = None
    try:
        _read_only()
        for share in work:
            pages = indexed_pages(get_item_type(share.type_key).model).filter(
                translation_key__gte=share.first, translation_key__lte=share.last
            )
            _send(results, ("built", build(list(documents_of_pages(pages, urls, chunk_size)))), parent)
    except Exception as error:
        where = f" on {share}" if share else ""
        message = f"{type(error).__name__}{where}: {error}\n{traceback.format_exc()}"
        _send(results, ("failed", message), parent)
    finally:
        connections.close_all()


def _send(results, message, parent):
    """Put ``message`` in the bounded queue, waiting while the parent catches up; a worker whose
    parent is gone (killed) stops rather than wait for ever."""
    while True:
        try:
            results.put(message, timeout=POLL_SECONDS)
            return
        except queue.Full:
            if os.getppid() != parent:
                raise SystemExit(1) from None


def _read_only():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")


def _receive(results, process, share):
    """The next share from ``process``; ``WorkerFailed`` if it failed or died instead."""
    while True:
        try:
            kind, payload = results.get(timeout=POLL_SECONDS)
            break
        except queue.Empty:
            if process.is_alive():
                continue
            try:  # it may have sent its last share just before it ended
                kind, payload = results.get(timeout=POLL_SECONDS)
                break
            except queue.Empty:
                raise WorkerFailed(
                    f"{process.name} ended (exit code {process.exitcode}) before building {share}."
                ) from None
    if kind == "failed":
        raise WorkerFailed(f"{process.name} failed: {payload}")
    return payload
