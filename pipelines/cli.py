"""The `finsam` command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pipelines.settings import SHARED_DIR, current_paths


def parse_years(text: str) -> list[int]:
    """'2022-2024' → [2022, 2023, 2024]; '2023' → [2023]; '3' → the three years up to 2024."""
    if "-" in text:
        first, last = (int(part) for part in text.split("-", 1))
        return list(range(first, last + 1))
    value = int(text)
    return list(range(2025 - value, 2025)) if value < 1900 else [value]


@click.group()
def main() -> None:
    """Finsam Warehouse: participant registers and report figures into comparable marts."""


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Raw folder to write into (default: data/raw).")
@click.option("--seed", default=2026, show_default=True, help="Random seed: same seed, same files.")
@click.option("--forbund", "extra_forbund", default=3, show_default=True,
              type=click.IntRange(min=0),
              help="Extra förbund (built-in, then composed names), besides the shared reports'.")
@click.option("--years", default="2022-2024", show_default=True,
              help="Years for the extra förbund: a range (2022-2024), a year, or a count (3).")
@click.option("--no-reports", is_flag=True,
              help="Registers only: ignore ../shared and write no demo reports.")
@click.option("--preset", type=click.Choice(["tenth", "national", "10x"]), default=None,
              help="A whole country instead: 80 förbund over 2015–2024 (national ≈ 400,000 "
                   "spells; 10x ≈ 4 million; tenth ≈ 40,000).")
def generate(out: Path | None, seed: int, extra_forbund: int, years: str, no_reports: bool,
             preset: str | None) -> None:
    """Write realistic demo register exports (deterministic)."""
    from pipelines.synthetic.generate import generate as run_generate

    raw_dir = out or current_paths().raw_dir
    if preset:
        from pipelines.synthetic.presets import generate_preset

        generate_preset(raw_dir, preset, seed=seed, log=click.echo)
        return
    gold = None if no_reports else SHARED_DIR / "gold"
    try:
        result = run_generate(raw_dir, seed=seed, extra_forbund=extra_forbund,
                              years=parse_years(years), gold_dir=gold, reports=not no_reports,
                              log=click.echo)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--forbund") from exc
    if not no_reports:
        from pipelines.run import copy_shared_reports
        from pipelines.settings import Paths

        copy_shared_reports(Paths(data_dir=raw_dir.parent, warehouse=Path()), log=click.echo)
    click.echo(f"{len(result.spells)} participations in {len(result.files)} files and "
               f"{len(result.reports)} demo reports under {raw_dir}; "
               f"{len(result.discrepancies)} known report ≠ register differences listed in "
               f"{raw_dir / 'synthetic_discrepancies.csv'}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--csv", "csv_out", type=click.Path(path_type=Path), required=True,
              help="Write the figures here, in the answer-key schema of ../shared/README.md.")
def extract(paths: tuple[Path, ...], csv_out: Path) -> None:
    """Extract the figures stated in reports (files or folders) to a CSV."""
    from pipelines.reports.extract import extract_document, write_csv
    from pipelines.reports.readers import UnreadableReport, read_document, report_files

    files = [f for p in paths for f in (report_files(p) if p.is_dir() else [p])]
    rows, failed = [], 0
    for number, path in enumerate(files, start=1):
        try:
            found = extract_document(read_document(path))
        except UnreadableReport as error:
            click.echo(f"[{number}/{len(files)}] SKIPPED {error}", err=True)
            failed += 1
            continue
        rows.extend(found)
        click.echo(f"[{number}/{len(files)}] {path.name}: {len(found)} figures", err=True)
    write_csv(rows, csv_out)
    click.echo(f"{len(rows)} figures from {len(files) - failed} reports → {csv_out}")
    if failed:
        sys.exit(1)


@main.command()
def review() -> None:
    """Write the figures an analyst should check to data/marts/review/ (.xlsx and .csv)."""
    from pipelines.reports.review import write_review

    paths = current_paths()
    if not paths.warehouse.exists():
        click.echo(f"No warehouse at {paths.warehouse}: run `finsam run` first.", err=True)
        sys.exit(2)
    written, rows = write_review(paths.warehouse, paths.marts_dir / "review")
    click.echo(f"{rows} figures to review → {written[0]} (and {written[1].name}).\n"
               "Fill in 'decision' (confirm/bekräfta, correct/rätta with corrected_value, "
               f"reject/avvisa), save, and drop the file in {paths.figures_dir}; the next "
               "run applies it.")


@main.command()
def check() -> None:
    """Run the quality checks on the published warehouse without changing it.

    Exit 0: no ERROR flag; 1: ERROR flags; 2: the checks could not run. The report goes to
    data/marts/quality/check/, beside (not over) the nightly run's report.
    """
    from pipelines.quality.check import run_quality, summary_by_forbund

    paths = current_paths()
    if not paths.warehouse.exists():
        click.echo(f"No warehouse at {paths.warehouse}: run `finsam run` first.", err=True)
        sys.exit(2)
    try:
        result = run_quality(paths.warehouse, paths.marts_dir / "quality" / "check",
                             "manual-check", log=click.echo, record=False)
    except Exception as exc:  # noqa: BLE001 - any failure to read means "could not run"
        click.echo(f"Could not run the checks on {paths.warehouse}: "
                   f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", err=True)
        sys.exit(2)
    click.echo("\n" + summary_by_forbund(result.flags))
    click.echo(f"\nReport: {result.reports[0]} (and .html); the warehouse was only read")
    if result.errors():
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--csv", "csv_out", type=click.Path(path_type=Path), default=None,
              help="Write the rows to this CSV file instead of printing them.")
@click.option("--parquet", "parquet_out", type=click.Path(path_type=Path), default=None,
              help="Write the rows to this Parquet file instead of printing them.")
def sql(query: str, csv_out: Path | None, parquet_out: Path | None) -> None:
    """Run one SQL query on the published warehouse, read-only (docs/analyst-guide.md)."""
    from pipelines.analyst_sql import SqlError, sql_command

    try:
        click.echo(sql_command(current_paths().warehouse, query, csv_out, parquet_out))
    except SqlError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)


@main.command()
def shell() -> None:
    """An SQL prompt on the published warehouse, read-only."""
    from pipelines.analyst_sql import SqlError
    from pipelines.analyst_sql import shell as prompt

    try:
        prompt(current_paths().warehouse)
    except SqlError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)


@main.command()
def report() -> None:
    """Write the offline HTML report from what is published (data/marts/report/)."""
    import duckdb

    from pipelines.settings import current_paths
    from pipelines.site.build import build_report

    paths = current_paths()
    try:
        index = build_report(paths.marts_dir, paths.warehouse, log=click.echo)
    except (FileNotFoundError, duckdb.Error) as error:
        raise click.ClickException(f"{error}") from error
    click.echo(f"Open {index} in a browser (no network needed).")


@main.command()
@click.option("--runs", default=5, show_default=True, help="How many recent runs to show.")
def status(runs: int) -> None:
    """The last runs, quarantined files and what is published."""
    from pipelines.status import describe

    click.echo(describe(current_paths(), runs))


@main.command()
@click.option("--no-generate", is_flag=True,
              help="Do not generate demo data when data/raw is empty.")
@click.option("--force", is_flag=True,
              help="Run in full, every dbt node rebuilt, even when nothing changed since the "
                   "last published run.")
def run(no_generate: bool, force: bool) -> None:
    """Run the whole pipeline in-process and print a summary."""
    from pipelines.run import run_pipeline, summary_table

    outcome = run_pipeline(generate_if_empty=not no_generate, force=force, log=click.echo)
    paths = outcome.paths
    if outcome.busy:
        sys.exit(2)  # could not run: another load holds the lock
    if outcome.refused_files:
        click.echo(f"\nRefused files (see the log above for file, row and column): "
                   f"{', '.join(outcome.refused_files)}")
    if not outcome.success:
        click.echo("\nThe run did not publish: see the errors above, `finsam status`, and "
                   f"{paths.marts_dir / 'quality' / 'quality_report.md'}. The previously "
                   "published warehouse and exports are unchanged.", err=True)
        sys.exit(1)
    click.echo("\n" + summary_table(str(paths.warehouse)))
    click.echo(f"\nWarehouse (DuckDB): {paths.warehouse}")
    from pipelines.publish import WORKBOOK
    from pipelines.published_exports import published_exports
    from pipelines.settings import MANIFEST_PATH

    names = ", ".join(e.name for e in published_exports(MANIFEST_PATH))
    click.echo(f"Published marts:    {paths.marts_dir} ({names} .parquet; {WORKBOOK})")
    click.echo(f"Excel per förbund:  {paths.marts_dir / 'excel'}")
    click.echo(f"HTML report:        {paths.marts_dir / 'report' / 'index.html'} (offline)")
    click.echo("Query it:           .venv/bin/finsam sql \"select * from "
               "marts.mart_benchmark_insats_year limit 10\"")


def entry() -> None:
    """The `finsam` command: `main`, then an end without Python's final collection of every
    object a run made (Dagster's, dbt's, DuckDB's: one to two seconds after a national run).
    Output is flushed and exit handlers run first; files were closed by the commands."""
    import atexit
    import os

    try:
        main()
        code: int | str | None = 0
    except SystemExit as end:  # click ends every command with sys.exit
        code = end.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(code or 0)
