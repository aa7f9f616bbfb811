"""Progress lines for long work: at most one every few seconds, never one per item.

Each line a Dagster step logs is an event written to the run's storage (a few ms each), so a
step that reads hundreds of files says how far it has come now and then, and what it did at
the end, rather than a line per file.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Progress:
    """Counts done items of `total` and logs `'{verb} {done} of {total} {noun}…'` when
    `every` seconds have passed since the last line (or the start)."""

    def __init__(self, log: Callable[[str], None], total: int, verb: str, noun: str,
                 every: float = 5.0) -> None:
        self.log, self.total, self.verb, self.noun, self.every = log, total, verb, noun, every
        self.done = 0
        self._last = time.monotonic()

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self._last >= self.every and self.done < self.total:
            self._last = now
            self.log(f"{self.verb} {self.done} of {self.total} {self.noun}…")
