"""Register files parsed ahead of their step.

`finsam run` runs its steps one at a time in one process, and the steps before the register
step (the reports) keep one core busy. `start()` gives the changed register files (new, or
of another size than at the last load) to the run's worker processes as soon as they are
shared, so that they are parsed meanwhile. The register step takes such a parse (`take`)
for a file whose sha256 is still the one it was parsed for, with the same limit of invalid
rows, and parses any other file itself (and one whose worker died). Parses start ahead only
when there is as much to parse as the register step would give to worker processes
(`load.PROCESSES_FROM_BYTES`): the one or two files of an ordinary night are parsed in
their step, as before.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from pipelines.files import file_hash
from pipelines.register import load
from pipelines.register.listing import data_root, register_files, source_name
from pipelines.register.parse import parse_file
from pipelines.register.previous import previous_manifest
from pipelines.settings import max_invalid_rows
from pipelines.worker_pool import is_shared, worker_count, worker_pool

_AHEAD: dict[tuple[Path, str, int], Future] = {}


def start(folders: list[Path], warehouse: Path) -> int:
    """Start parsing the files that are new, or of another size, since the load recorded in
    `warehouse` (the published one: the run's working copy starts from it); how many were
    started. Files are hashed here only when there is enough to parse. Never fails the run:
    whatever goes wrong here (an unreadable warehouse or setting, a file gone meanwhile),
    the register step meets again and reports."""
    stop()
    if not is_shared() or worker_count() < 2:
        return 0
    try:
        limit = max_invalid_rows()
        previous = previous_manifest(warehouse)
        root = data_root(folders)
        sizes = {path: path.stat().st_size for path in register_files(folders)}
        changed = [path for path, size in sizes.items()
                   if (previous.get(source_name(path, root)) or {}).get("size") != size]
        if sum(sizes[path] for path in changed) < load.PROCESSES_FROM_BYTES:
            return 0
        with worker_pool() as pool:  # the run's shared workers: the parses outlive the block
            for path in changed:
                _AHEAD[(path, file_hash(path), limit)] = pool.submit(parse_file, path, limit)
    except Exception:  # noqa: BLE001 - parsed in the register step instead, which reports it
        stop()
        return 0
    return len(changed)


def take(path: Path, digest: str, max_invalid_rows: int) -> Future | None:
    """The parse started ahead for this file as it is now, once; None when there is none."""
    return _AHEAD.pop((path, digest, max_invalid_rows), None)


def stop() -> None:
    """Forget the parses no step took (the run ended before its register step)."""
    while _AHEAD:
        _AHEAD.popitem()[1].cancel()
