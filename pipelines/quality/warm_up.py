"""Import Great Expectations in the background while dbt builds.

Its import takes about 11 s on two cores, the process mostly waits for the `dbt build`
subprocess, and the checks that need it come right after. `finsam run` enables the warm-up
(one process runs every step); under an executor with a process per step it stays off.
"""

from __future__ import annotations

import sys
import threading
from contextlib import suppress


class _WarmUp:
    enabled = False
    thread: threading.Thread | None = None


_WARM_UP = _WarmUp()


def enable() -> None:
    _WARM_UP.enabled = True


def start() -> None:
    """Begin importing Great Expectations in a thread, once, when enabled."""
    if not _WARM_UP.enabled or _WARM_UP.thread or "great_expectations" in sys.modules:
        return
    _WARM_UP.thread = threading.Thread(target=_import, name="gx-warm-up", daemon=True)
    _WARM_UP.thread.start()


def wait() -> None:
    """Let a started warm-up finish before the checks import Great Expectations."""
    if _WARM_UP.thread is not None:
        _WARM_UP.thread.join()


def _import() -> None:
    from pipelines.quality.suites import quiet_gx

    quiet_gx()
    with suppress(Exception):  # imported again, with its error, where the checks run
        import great_expectations  # noqa: F401
