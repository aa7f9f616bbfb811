"""Great Expectations in a worker process that starts importing it while dbt builds.

Its import takes seconds of CPU, the run's process mostly waits for the `dbt build`
subprocess, and the suites run right after. `finsam run` enables the warm-up (one process
runs every step): `start()` spawns one worker that imports GX on the other core, and
`run()` validates the suites there. The run's own process never imports GX, so it does not
share its interpreter lock with the import while Dagster reads dbt's events, nor spend the
time at exit to release GX's objects. Without the warm-up (an executor with a process per
step, a test) `run()` calls the function in this process.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from pipelines.worker_pool import spawned_pool

T = TypeVar("T")


class _WarmUp:
    enabled = False
    pool: ProcessPoolExecutor | None = None


_WARM_UP = _WarmUp()


def enable() -> None:
    _WARM_UP.enabled = True


def start() -> None:
    """Spawn the worker and let it import Great Expectations, once, when enabled."""
    if not _WARM_UP.enabled or _WARM_UP.pool is not None:
        return
    _WARM_UP.pool = spawned_pool(1)
    _WARM_UP.pool.submit(_import)


def run(function: Callable[..., T], *args: object) -> T:
    """`function(*args)` in the warm worker when there is one (then the worker ends),
    otherwise here. Its arguments and result are pickled."""
    pool, _WARM_UP.pool = _WARM_UP.pool, None
    if pool is None:
        return function(*args)
    try:
        return pool.submit(function, *args).result()
    except BrokenProcessPool:  # the worker died (killed, out of memory): run it here
        return function(*args)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def stop() -> None:
    """End a worker the run did not use (a run that failed before its checks)."""
    pool, _WARM_UP.pool = _WARM_UP.pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    _WARM_UP.enabled = False


def _import() -> None:
    from pipelines.quality.suites import quiet_gx

    quiet_gx()
    import great_expectations  # noqa: F401
