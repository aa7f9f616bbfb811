"""Atomic publishing: a run builds in data/work/; analysts only ever see whole results.

The working warehouse becomes the published one by one rename; each export file is
written beside its target and renamed over it, once on disk (`durable`). A killed run
leaves the published files as they were.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from pipelines import xlsx_sheets
from pipelines.durable import replace, sync, sync_tree


def prepare_working_copy(published: Path, working: Path) -> None:
    """Start the run from the published warehouse (so unchanged inputs are reused)."""
    working.parent.mkdir(parents=True, exist_ok=True)
    for stale in (working, working.with_name(working.name + ".wal")):
        stale.unlink(missing_ok=True)
    if published.exists():
        shutil.copyfile(published, working)  # the copy is writable whatever the original's mode
        working.chmod(0o644)


def publish_warehouse(working: Path, published: Path) -> None:
    """Make the working warehouse the published one, in one rename."""
    with duckdb.connect(str(working)) as con:
        con.execute("checkpoint")
    published.parent.mkdir(parents=True, exist_ok=True)
    # A write-ahead log left beside the published warehouse (an edit by hand that was never
    # checkpointed) belongs to the file being replaced: DuckDB would replay it into the new
    # one and refuse to open it. The edit is not what this run built: it goes.
    published.with_name(published.name + ".wal").unlink(missing_ok=True)
    replace(working, published)
    # Read-only on disk: an analyst's tool that opens it for writing fails instead of
    # editing what the next run would build on.
    published.chmod(0o444)


WORKBOOK = "finsam_marts.xlsx"  # every published export, one sheet each


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A path beside `target` to write; renamed over `target` when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        yield partial
        replace(partial, target)  # not when its bytes could not be put on disk
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def replace_file(target: Path, write: Callable[[Path], None]) -> None:
    """Write `target` beside itself, then rename over it."""
    with replacing(target) as partial:
        write(partial)


def replace_folder(target: Path, write: Callable[[Path], None]) -> None:
    """Write a folder beside `target`, then put it in its place (the old one goes last)."""
    building = target.with_name(f".{target.name}.building")
    retired = target.with_name(f".{target.name}.old")
    for leftover in (building, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    building.mkdir(parents=True)
    write(building)
    sync_tree(building)  # on disk before it takes the published name
    if target.exists():
        target.rename(retired)
    building.rename(target)
    sync(target.parent)
    shutil.rmtree(retired, ignore_errors=True)


def write_workbook(path: Path, frames: dict[str, pl.DataFrame]) -> None:
    """One sheet per frame, headed by its column names. Text is written as text: a name such
    as '=HYPERLINK(…)' never becomes a formula, a link or a number in the analyst's
    spreadsheet."""
    xlsx_sheets.write_workbook(
        path, [xlsx_sheets.Sheet(name, frame, frame.columns) for name, frame in frames.items()])
