"""One load at a time: an exclusive lock on a file in the data folder.

Schedule, sensor and manual runs all take it before they write; a second load waits up
to `timeout` seconds and then stops with a message naming the run that holds it.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = "load.lock"  # in the ops folder (data/ops/)


class LoadInProgress(RuntimeError):
    """Another load holds the lock."""


_HELD: set[tuple[Path, int]] = set()  # locks this thread holds: taking one again is a no-op


def lock_timeout() -> float:
    return float(os.environ.get("FINSAM_LOCK_TIMEOUT", "0"))


@contextmanager
def exclusive_load(lock_file: Path, owner: str, timeout: float | None = None) -> Iterator[None]:
    """Hold the load lock for the duration of the block."""
    timeout = lock_timeout() if timeout is None else timeout
    key = (lock_file.resolve(), threading.get_ident())
    if key in _HELD:
        yield  # the run that holds it started this step
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_file.open("a+", encoding="utf-8")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise LoadInProgress(
                        f"another load is running ({holder}); it holds {lock_file}. "
                        "Wait for it to finish, or raise FINSAM_LOCK_TIMEOUT to wait longer."
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"owner": owner, "pid": os.getpid(),
                                 "since": datetime.now(UTC).isoformat(timespec="seconds")}))
        handle.flush()
        _HELD.add(key)
        yield
    finally:
        _HELD.discard(key)
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
