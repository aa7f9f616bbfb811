"""Import Great Expectations in the background while dbt builds.

Its import takes about 11 s on two cores, the process mostly waits for the `dbt build`
subprocess, and the checks that need it come right after. `finsam run` enables the warm-up
(one process runs every step); under an executor with a process per step it stays off.
"""

from __future__ import annotations

import sys
import threading
from contextlib import suppress

_state: dict[str, threading.Thread | bool | None] = {"enabled": False, "thread": None}


def enable() -> None:
    _state["enabled"] = True


def start() -> None:
    """Begin importing Great Expectations in a thread, once, when enabled."""
    if not _state["enabled"] or _state["thread"] or "great_expectations" in sys.modules:
        return
    thread = threading.Thread(target=_import, name="gx-warm-up", daemon=True)
    _state["thread"] = thread
    thread.start()


def wait() -> None:
    """Let a started warm-up finish before the checks import Great Expectations."""
    thread = _state["thread"]
    if isinstance(thread, threading.Thread):
        thread.join()


def _import() -> None:
    from pipelines.quality.suites import quiet_gx

    quiet_gx()
    with suppress(Exception):  # imported again, with its error, where the checks run
        import great_expectations  # noqa: F401
