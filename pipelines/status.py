"""What `finsam status` prints: recent runs, quarantined files, what is published."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.reports.load import NO_FIGURES
from pipelines.runlog import read_runs
from pipelines.settings import Paths


def _when(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")


def run_lines(paths: Paths, limit: int) -> list[str]:
    runs = list(read_runs(paths.ops_dir).items())[-limit:]
    if not runs:
        return ["  (no runs yet)"]
    lines = []
    for run_id, events in reversed(runs):
        last = events[-1]
        outcome = {"published": "published", "unchanged": "nothing changed: nothing to do",
                   "blocked": "blocked by ERROR flags: "
                   + ", ".join(last.get("blocked", []))}.get(last["event"],
                                                             "did not finish (failed or killed)")
        lines.append(f"  {events[0]['at']}  {run_id[:8]}  {outcome}")
    return lines


def quarantine_lines(paths: Paths) -> list[str]:
    folder = paths.quarantine_dir
    reports = sorted(folder.rglob("*.errors.txt")) if folder.exists() else []
    if not reports:
        return ["  (none)"]
    lines = []
    for report in reports:
        text = report.read_text(encoding="utf-8").splitlines()
        detail = next((line.strip() for line in text[2:] if line.strip()), "")
        lines.append(f"  {report.with_name(report.name.removesuffix('.errors.txt'))}  "
                     f"({_when(report)})  {detail[:100]}")
    return lines


def published_lines(paths: Paths) -> list[str]:
    if not paths.warehouse.exists():
        return ["  nothing published yet: run `finsam run`"]
    lines = [f"  warehouse  {paths.warehouse}  ({_when(paths.warehouse)})"]
    for export in sorted(paths.marts_dir.glob("*.parquet")) + sorted(
            paths.marts_dir.glob("*.xlsx")):
        lines.append(f"  export     {export}  ({_when(export)})")
    try:
        with duckdb.connect(str(paths.warehouse), read_only=True) as con:
            counts = con.execute("select status, count(*) from bronze.register_files "
                                 "group by status order by status").fetchall()
        lines.append("  register files: " + ", ".join(f"{n} {s}" for s, n in counts))
    except duckdb.Error:
        pass
    return lines


def silent_report_lines(paths: Paths) -> list[str]:
    """Reports that were read but yielded no figure: not an error, but worth a look."""
    if not paths.warehouse.exists():
        return []
    try:
        with duckdb.connect(str(paths.warehouse), read_only=True) as con:
            silent = [r[0] for r in con.execute(
                "select d.source_file from bronze.report_documents d where d.status = 'loaded' "
                "and not exists (select 1 from bronze.report_figures f "
                "where f.source_file = d.source_file) order by 1").fetchall()]
    except duckdb.Error:
        return []
    return [f"  {source}  {NO_FIGURES}" for source in silent] or ["  (none)"]


def superseded_lines(paths: Paths) -> list[str]:
    """Register files a newer export replaced, wholly or for the period it covers."""
    if not paths.warehouse.exists():
        return []
    try:
        with duckdb.connect(str(paths.warehouse), read_only=True) as con:
            rows = con.execute("select source_file, status, superseded_by from "
                               "bronze.register_files where superseded_by is not null "
                               "order by 1").fetchall()
    except duckdb.Error:
        return []
    return [f"  {source}  {status} by {by}" for source, status, by in rows] or ["  (none)"]


def describe(paths: Paths, runs: int = 5) -> str:
    return "\n".join(["Recent runs:", *run_lines(paths, runs), "", "Quarantined files:",
                      *quarantine_lines(paths), "", "Superseded register files:",
                      *superseded_lines(paths), "", "Reports without figures:",
                      *silent_report_lines(paths), "", "Published:", *published_lines(paths)])
