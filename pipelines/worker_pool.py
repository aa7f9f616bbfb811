"""Worker processes for writing many files at once (workbooks, report pages) on every core.

Workers are spawned, not forked: the parent holds DuckDB, polars and Dagster threads, and a
forked child may inherit one of their locks held. Functions and their arguments are
pickled, so submit module-level functions with plain data (frames, dataclasses, paths).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager


class InlineExecutor(Executor):
    """Runs each task at once in this process (one core, or nothing to share)."""

    def submit(self, fn: Callable, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - handed to the caller by result()
            future.set_exception(error)
        return future


def worker_count() -> int:
    """The cores this process may use (FINSAM_WORKERS overrides; 1 runs everything inline)."""
    setting = os.environ.get("FINSAM_WORKERS", "")
    if setting.isdecimal() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


# Below this much work (rows to write) starting worker processes (≈ 1 s each: Python,
# polars and xlsxwriter imported again) costs more than it saves.
MIN_ROWS_FOR_WORKERS = 20_000


class _Shared:
    enabled = False
    pool: ProcessPoolExecutor | None = None


_SHARED = _Shared()


def spawned_pool(count: int) -> ProcessPoolExecutor:
    """`count` spawned worker processes that end when the process that started them dies
    (killed, say by the out-of-memory killer, it would otherwise leave them waiting for
    tasks forever); each imports what its tasks need when it is given the first."""
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_end_with_parent, initargs=(os.getpid(),))


def _end_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def share() -> None:
    """From now on the first step that gives worker processes a task starts a pool of every
    core, and the run's later steps use the same workers (a pool takes ≈ 1 s to start), until
    `unshare()`. `finsam run` shares: one process runs every step."""
    _SHARED.enabled = True


def is_shared() -> bool:
    """Whether the run shares its worker processes between steps (`share()`)."""
    return _SHARED.enabled


def unshare() -> None:
    pool, _SHARED.pool, _SHARED.enabled = _SHARED.pool, None, False
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _running() -> ProcessPoolExecutor | None:
    """The run's pool when it is started and every worker lives (a dead one: none)."""
    pool = _SHARED.pool
    if pool is not None and (getattr(pool, "_broken", False) or not all(
            process.is_alive() for process in (getattr(pool, "_processes", None) or {}).values())):
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _SHARED.pool = None
    return pool


class _SharedWorkers(Executor):
    """The run's pool, started by the first task it is given."""

    def submit(self, fn: Callable, /, *args, **kwargs) -> Future:
        if (pool := _running()) is None:
            pool = _SHARED.pool = spawned_pool(worker_count())
        return pool.submit(fn, *args, **kwargs)


def few_tasks(tasks: int) -> bool:
    """Whether `tasks` independent tasks are too few to hand to worker processes (fewer than
    two for each): this process does them sooner than workers that must start or switch."""
    return tasks < 2 * worker_count()


@contextmanager
def shared_pool(tasks: int) -> Iterator[Executor]:
    """The run's workers for `tasks` independent tasks when they are already started and
    there are a few tasks for each; otherwise this process."""
    if _running() is None or few_tasks(tasks):
        yield InlineExecutor()
    else:
        yield _SharedWorkers()


@contextmanager
def worker_pool(workers: int | None = None, rows: int | None = None) -> Iterator[Executor]:
    """An executor over `workers` processes (default: every core), or this process when the
    work is small (`rows` to write below MIN_ROWS_FOR_WORKERS). A pool of its own waits for
    every task at the end of the block; the run's shared pool outlives it, so a caller waits
    for its own tasks (`wait_all`, or each result)."""
    count = workers or worker_count()
    if count < 2 or rows is not None and rows < MIN_ROWS_FOR_WORKERS:
        yield InlineExecutor()
        return
    if _SHARED.enabled and count == worker_count():
        yield _SharedWorkers()
        return
    with spawned_pool(count) as pool:
        yield pool


def wait_all(futures: list[Future]) -> None:
    """Wait for every task; the first failure is raised once all have ended."""
    errors = [future.exception() for future in futures]
    for error in errors:
        if error is not None:
            raise error
