"""The main job, end to end and in-process: what `make run` and `finsam run` do."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from pipelines.run_stamp import inputs_stamp, save_stamp, unchanged_since_last_publish
from pipelines.runlog import record
from pipelines.settings import SHARED_DIR, Paths, current_paths


@dataclass(frozen=True)
class RunOutcome:
    paths: Paths
    success: bool
    refused_files: list[str]
    busy: bool = False  # another load held the lock: nothing was started
    unchanged: bool = False  # nothing changed since the last published run: nothing done


def raw_is_empty(paths: Paths) -> bool:
    """True when the drop folder holds no files (hidden files such as .gitkeep aside)."""
    if not paths.raw_dir.exists():
        return True
    return not any(p.is_file() and not p.name.startswith(".") for p in paths.raw_dir.rglob("*"))


def copy_shared_reports(paths: Paths, log: Callable[[str], None] = print) -> int:
    """Put the example reports of ../shared/reports in the drop folder (demo data)."""
    source = SHARED_DIR / "reports"
    if not source.exists():
        return 0
    paths.reports_dir.mkdir(parents=True, exist_ok=True)
    copied = 0
    for report in sorted(source.glob("*.txt")):
        shutil.copyfile(report, paths.reports_dir / report.name)
        copied += 1
    log(f"copied {copied} example reports from {source} to {paths.reports_dir}")
    return copied


def generate_demo(paths: Paths, log: Callable[[str], None] = print, **options) -> None:
    from pipelines.synthetic.generate import generate

    gold = SHARED_DIR / "gold"
    log(f"data/raw is empty: generating demo registers in {paths.raw_dir}"
        + (f" (figures from {gold})" if gold.exists() else ""))
    generate(paths.raw_dir, gold_dir=gold, log=log, **options)
    copy_shared_reports(paths, log)


def run_pipeline(paths: Paths | None = None, *, generate_if_empty: bool = True,
                 force: bool = False, log: Callable[[str], None] = print) -> RunOutcome:
    """Load registers, build the dbt marts with their tests, publish the exports; nothing
    when no input changed since the last published run (unless `force`)."""
    paths = paths or current_paths()
    from pipelines.lock import LOCK_FILE, LoadInProgress, exclusive_load

    try:  # the whole run holds the lock; a second run stops at once with one line
        with exclusive_load(paths.ops_dir / LOCK_FILE, owner=f"finsam run (pid {os.getpid()})"):
            return _run_locked(paths, generate_if_empty, force, log)
    except LoadInProgress as busy:
        log(f"Not started: {busy}")
        return RunOutcome(paths=paths, success=False, refused_files=[], busy=True)


def _run_locked(paths: Paths, generate_if_empty: bool, force: bool,
                log: Callable[[str], None]) -> RunOutcome:
    if generate_if_empty and raw_is_empty(paths):
        generate_demo(paths, log)
    stamp = inputs_stamp(paths)
    if not force and unchanged_since_last_publish(paths, stamp):
        log(f"nothing changed since the last published run (inputs, rules and "
            f"{paths.warehouse.name} as it left them): nothing to do (--force runs anyway)")
        record(paths.ops_dir, uuid.uuid4().hex, "unchanged")
        return RunOutcome(paths=paths, success=True, refused_files=[], unchanged=True)
    started = time.perf_counter()
    from pipelines import dbt_worker, worker_pool
    from pipelines.dbt_manifest import prepare_manifest
    from pipelines.quality import warm_up
    from pipelines.register import ahead as register_ahead
    from pipelines.settings import DBT_PROJECT_DIR

    log("parsing the dbt project …")
    prepare_manifest()  # nothing to do unless the project changed
    # dbt's worker imports dbt and parses the project on the other core meanwhile (from the
    # project's own parse state, made current just above)
    dbt_worker.start(DBT_PROJECT_DIR, DBT_PROJECT_DIR, paths.dbt_target_dir)
    try:
        log("loading Dagster definitions …")
        import dagster as dg

        from pipelines.defs.dbt.without_core import import_dagster_dbt

        import_dagster_dbt()  # this process runs no dbt: dagster-dbt without dbt-core
        from pipelines.definitions import NIGHTLY_JOB, build_definitions

        warm_up.enable()  # one process runs every step: a worker imports GX while dbt builds
        definitions = build_definitions(paths, full_dbt_build=force)
        job = definitions.resolve_job_def(NIGHTLY_JOB)
        instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else (
            dg.DagsterInstance.ephemeral())
        worker_pool.share()  # workers for the steps that read or write many files
        if started_ahead := register_ahead.start(paths.input_dirs, paths.warehouse):
            log(f"parsing {started_ahead} new or changed register files on the other cores …")
        log(f"building in {paths.work_warehouse}; publishing to {paths.warehouse} when the "
            "checks pass …")
        startup = time.perf_counter() - started
        result = job.execute_in_process(
            instance=instance, raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}})
    finally:
        dbt_worker.stop()
        register_ahead.stop()
        warm_up.stop()
        worker_pool.unshare()
    _log_timings(paths, instance, result.run_id, startup, time.perf_counter() - started, log)
    refused: list[str] = []
    for event in result.get_asset_materialization_events():
        metadata = event.materialization.metadata
        if "refused_files" in metadata:
            refused = list(metadata["refused_files"].value)
    if result.success:
        save_stamp(paths, stamp)
    return RunOutcome(paths=paths, success=result.success, refused_files=refused)


def _log_timings(paths: Paths, instance, run_id: str, startup: float, total: float,
                 log: Callable[[str], None]) -> None:
    from pipelines.timings import describe, slowest_dbt_nodes, step_seconds

    steps = {"start-up": round(startup, 1), **step_seconds(instance, run_id)}
    dbt = slowest_dbt_nodes(paths.dbt_target_dir)
    log(f"time by step ({total:.1f} s in all): {describe(steps)}")
    if dbt:
        log(f"slowest dbt nodes: {describe(dbt)}")
    record(paths.ops_dir, run_id, "timings", total=round(total, 1), steps=steps, dbt=dbt)


def summary_table(warehouse: str) -> str:
    """Förbund × year: active participants, ended, share to work or studies."""
    with duckdb.connect(warehouse, read_only=True) as con:
        rows = con.execute(
            "select forbund_name, year, participants_active, participants_ended, "
            "share_work_or_studies_pct from marts.fct_forbund_year order by forbund_name, year"
        ).fetchall()
        reports = con.execute(
            "select count(*), count(distinct source_file), "
            "count(*) filter (where not is_matched) from marts.fct_report_figures").fetchone()
        unmatched = con.execute(
            "select forbund_name_reported, insats_name_reported from marts.dim_report_names "
            "where match_status <> 'matched' order by 1, 2").fetchall()
        flags = dict(con.execute("select severity, count(*) from marts.fct_quality_flags "
                                 "group by severity").fetchall())
    header = f"{'förbund':<58} {'år':>4} {'aktiva':>7} {'avslutade':>9} {'arb/stud %':>10}"
    lines = [header, "-" * len(header)]
    for name, year, active, ended, share in rows:
        shown = "" if share is None else f"{share:.1f}"
        lines.append(f"{name[:58]:<58} {year:>4} {active:>7} {ended:>9} {shown:>10}")
    figures, documents, unmatched_figures = reports
    lines.append(f"\nReport figures: {figures} from {documents} reports "
                 f"({unmatched_figures} under names not matched to the register).")
    for forbund, insats in unmatched:
        lines.append(f"  unmatched: {forbund} / {insats} — add it to "
                     "dbt_project/seeds/insats_aliases.csv or forbund_aliases.csv")
    lines.append(f"Quality flags: {flags.get('ERROR', 0)} ERROR, {flags.get('WARN', 0)} WARN "
                 "(marts.fct_quality_flags; report in data/marts/quality/).")
    return "\n".join(lines)
