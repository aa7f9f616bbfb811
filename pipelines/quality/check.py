"""Run every quality check on a built warehouse: suites, report consistency, reconciliation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.quality import warm_up
from pipelines.quality.flags import (
    Flag,
    consistency_flags,
    reconciliation_flags,
    register_file_flags,
    suite_flags,
    write_flags,
    write_reports,
)
from pipelines.quality.suites import SuiteFailure, load_suites, run_suites


@dataclass
class QualityResult:
    run_id: str
    flags: list[Flag] = field(default_factory=list)
    suite_failures: list[SuiteFailure] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)

    def errors(self, affects: str | None = None) -> list[Flag]:
        return [f for f in self.flags if f.severity == "ERROR"
                and (affects is None or f.affects == affects)]


def run_quality(warehouse: Path, report_dir: Path, run_id: str,
                log: Callable[[str], None] = print, record: bool = True) -> QualityResult:
    """Check, record the flags in the warehouse (unless `record` is false: then the
    warehouse is only read) and write the readable report."""
    result = QualityResult(run_id=run_id)
    log("running the Great Expectations suites …")
    # in the worker that imported Great Expectations while dbt built, when there is one
    result.suite_failures = warm_up.run(run_suites, warehouse, load_suites())
    result.flags = (suite_flags(run_id, result.suite_failures)
                    + consistency_flags(run_id, warehouse)
                    + reconciliation_flags(run_id, warehouse)
                    + register_file_flags(run_id, warehouse))
    if record:
        write_flags(warehouse, result.flags)
    result.reports = write_reports(report_dir, result.flags, run_id)
    log(f"{len(result.errors())} ERROR and "
        f"{sum(f.severity == 'WARN' for f in result.flags)} WARN flags → {result.reports[0]}")
    return result


def summary_by_forbund(flags: list[Flag]) -> str:
    counts: dict[str, dict[str, int]] = {}
    for flag in flags:
        key = flag.forbund or f"(whole warehouse: {flag.check})"
        counts.setdefault(key, {"ERROR": 0, "WARN": 0})[flag.severity] += 1
    header = f"{'förbund':<62} {'ERROR':>5} {'WARN':>5}"
    lines = [header, "-" * len(header)]
    for name in sorted(counts):
        lines.append(f"{name[:62]:<62} {counts[name]['ERROR']:>5} {counts[name]['WARN']:>5}")
    return "\n".join(lines)
