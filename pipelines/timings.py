"""Where a run's time went: start-up, each Dagster step and the slowest dbt nodes.

`finsam run` prints one line of it and keeps it in data/ops/runs.jsonl (event `timings`),
where `benchmarks/nightly.py` reads it.
"""

from __future__ import annotations

import json
from pathlib import Path


def step_seconds(instance, run_id: str) -> dict[str, float]:
    """Seconds from each step's start to its success or failure, in the order they ran."""
    import dagster as dg

    ends = {dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE}
    started: dict[str, float] = {}
    seconds: dict[str, float] = {}
    records = instance.get_records_for_run(run_id, of_type={
        dg.DagsterEventType.STEP_START, *ends}).records
    for record in records:
        entry = record.event_log_entry
        kind = entry.dagster_event.event_type
        if kind == dg.DagsterEventType.STEP_START:
            started[entry.step_key] = entry.timestamp
        elif entry.step_key in started:
            seconds[entry.step_key] = round(entry.timestamp - started[entry.step_key], 1)
    return seconds


def slowest_dbt_nodes(target_dir: Path, count: int = 5) -> dict[str, float]:
    """The dbt nodes of the last build in `target_dir` that took longest, and all its tests
    together."""
    results = target_dir / "run_results.json"
    if not results.exists():
        return {}
    nodes = json.loads(results.read_text(encoding="utf-8")).get("results", [])
    times = [(n["unique_id"], n.get("execution_time") or 0.0) for n in nodes]
    tests = sum(t for node, t in times if node.startswith(("test.", "unit_test.")))
    built = sorted(((node.split(".")[-1], t) for node, t in times
                    if not node.startswith(("test.", "unit_test."))), key=lambda x: -x[1])
    return {**{name: round(t, 1) for name, t in built[:count]}, "all tests": round(tests, 1)}


def describe(seconds: dict[str, float]) -> str:
    return ", ".join(f"{name} {value:.1f} s" for name, value in seconds.items())


def timings_of(ops_dir: Path) -> dict | None:
    """The timings of the last run that recorded them (data/ops/runs.jsonl)."""
    from pipelines.runlog import read_runs

    events = [e for run in read_runs(ops_dir).values() for e in run if e["event"] == "timings"]
    return events[-1] if events else None
