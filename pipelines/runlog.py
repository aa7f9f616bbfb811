"""A small append-only log of load runs (data/ops/runs.jsonl), read by `finsam status`."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

RUN_LOG = "runs.jsonl"


def record(ops_dir: Path, run_id: str, event: str, **details: object) -> None:
    """Append one event; a line is written whole (O_APPEND) or not at all."""
    ops_dir.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"run_id": run_id, "event": event,
                       "at": datetime.now(UTC).isoformat(timespec="seconds"), **details},
                      ensure_ascii=False, default=str) + "\n"
    fd = os.open(ops_dir / RUN_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def read_runs(ops_dir: Path) -> dict[str, list[dict]]:
    """Events by run id, oldest run first; a torn last line (killed writer) is skipped."""
    runs: dict[str, list[dict]] = {}
    path = ops_dir / RUN_LOG
    if not path.exists():
        return runs
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        runs.setdefault(event["run_id"], []).append(event)
    return runs
