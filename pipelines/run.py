"""The main job, end to end and in-process: what `make run` and `finsam run` do."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from pipelines.settings import SHARED_DIR, Paths, current_paths, export_environment


@dataclass(frozen=True)
class RunOutcome:
    paths: Paths
    success: bool
    refused_files: list[str]


def raw_is_empty(paths: Paths) -> bool:
    """True when the drop folder holds no files (hidden files such as .gitkeep aside)."""
    if not paths.raw_dir.exists():
        return True
    return not any(p.is_file() and not p.name.startswith(".") for p in paths.raw_dir.rglob("*"))


def generate_demo(paths: Paths, log: Callable[[str], None] = print, **options) -> None:
    from pipelines.synthetic.generate import generate

    gold = SHARED_DIR / "gold"
    log(f"data/raw is empty: generating demo registers in {paths.raw_dir}"
        + (f" (figures from {gold})" if gold.exists() else ""))
    generate(paths.raw_dir, gold_dir=gold, log=log, **options)


def run_pipeline(paths: Paths | None = None, *, generate_if_empty: bool = True,
                 log: Callable[[str], None] = print) -> RunOutcome:
    """Load registers, build the dbt marts with their tests, publish the exports."""
    paths = paths or current_paths()
    export_environment(paths)
    if generate_if_empty and raw_is_empty(paths):
        generate_demo(paths, log)
    log("parsing the dbt project …")
    from pipelines.defs.dbt.resources import prepare_manifest

    prepare_manifest()
    log("loading Dagster definitions …")
    import dagster as dg

    from pipelines.definitions import NIGHTLY_JOB, build_definitions

    definitions = build_definitions(paths)
    job = definitions.resolve_job_def(NIGHTLY_JOB)
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else (
        dg.DagsterInstance.ephemeral())
    log(f"materialising all assets into {paths.warehouse} …")
    result = job.execute_in_process(
        instance=instance, raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}})
    refused: list[str] = []
    for event in result.get_asset_materialization_events():
        metadata = event.materialization.metadata
        if "refused_files" in metadata:
            refused = list(metadata["refused_files"].value)
    return RunOutcome(paths=paths, success=result.success, refused_files=refused)


def summary_table(warehouse: str) -> str:
    """Förbund × year: active participants, ended, share to work or studies."""
    with duckdb.connect(warehouse, read_only=True) as con:
        rows = con.execute(
            "select forbund_name, year, participants_active, participants_ended, "
            "share_work_or_studies_pct from marts.fct_forbund_year order by forbund_name, year"
        ).fetchall()
    header = f"{'förbund':<58} {'år':>4} {'aktiva':>7} {'avslutade':>9} {'arb/stud %':>10}"
    lines = [header, "-" * len(header)]
    for name, year, active, ended, share in rows:
        shown = "" if share is None else f"{share:.1f}"
        lines.append(f"{name[:58]:<58} {year:>4} {active:>7} {ended:>9} {shown:>10}")
    return "\n".join(lines)
