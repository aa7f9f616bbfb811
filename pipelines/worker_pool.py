"""Worker processes for writing many files at once (workbooks, report pages) on every core.

Workers are spawned, not forked: the parent holds DuckDB, polars and Dagster threads, and a
forked child may inherit one of their locks held. Functions and their arguments are
pickled, so submit module-level functions with plain data (frames, dataclasses, paths).
"""

from __future__ import annotations

import multiprocessing
import os
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
    pool: ProcessPoolExecutor | None = None


_SHARED = _Shared()


def _new_pool(count: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_import_ahead)


def _import_ahead() -> None:
    """What every task of the pipeline's workers needs, imported when a worker starts."""
    import polars  # noqa: F401
    import xlsxwriter  # noqa: F401

    import pipelines.register.parse  # noqa: F401
    import pipelines.reports.per_document  # noqa: F401
    import pipelines.workbooks  # noqa: F401


def share() -> None:
    """From now on `worker_pool()` hands out one pool of every core for the rest of the run,
    its workers started (and their imports made) now, on cores the run's own start leaves
    idle, instead of a new pool (≈ 1 s to start) for each step that writes or reads many
    files. `finsam run` shares (one process runs every step) and ends it with `unshare()`."""
    if _SHARED.pool is None and worker_count() >= 2:
        _SHARED.pool = _new_pool(worker_count())
        for _ in range(worker_count()):  # a process spawns per task waiting
            _SHARED.pool.submit(int)


@contextmanager
def shared_pool(tasks: int) -> Iterator[Executor]:
    """The run's shared workers for `tasks` independent tasks, when it shares them and there
    are a few tasks for each; otherwise this process (no pool is started for this)."""
    pool = _SHARED.pool
    if pool is None or getattr(pool, "_broken", False) or tasks < 2 * worker_count():
        yield InlineExecutor()
    else:
        yield pool


def unshare() -> None:
    pool, _SHARED.pool = _SHARED.pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def worker_pool(workers: int | None = None, rows: int | None = None) -> Iterator[Executor]:
    """An executor over `workers` processes (default: every core), or this process when the
    work is small (`rows` to write below MIN_ROWS_FOR_WORKERS); waits for all at exit (the
    caller's tasks, when the run's shared pool is handed out)."""
    count = workers or worker_count()
    if count < 2 or rows is not None and rows < MIN_ROWS_FOR_WORKERS:
        yield InlineExecutor()
        return
    if _SHARED.pool is not None and count == worker_count():
        if getattr(_SHARED.pool, "_broken", False):  # a worker died: a new pool
            _SHARED.pool.shutdown(wait=False, cancel_futures=True)
            _SHARED.pool = _new_pool(count)
        yield _SHARED.pool
        return
    with _new_pool(count) as pool:
        yield pool


def wait_all(futures: list[Future]) -> None:
    """Wait for every task; the first failure is raised once all have ended."""
    errors = [future.exception() for future in futures]
    for error in errors:
        if error is not None:
            raise error
