"""The warehouse resource shared by every asset that touches DuckDB or the data folder."""

from __future__ import annotations

import os
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.lock import LOCK_FILE, exclusive_load
from pipelines.publish import prepare_working_copy
from pipelines.runlog import record
from pipelines.settings import Paths, current_paths, environment


class Warehouse(dg.ConfigurableResource):
    """The data folder, the published warehouse and the working copy a run builds in.

    For a run it takes the load lock (one load at a time), starts the working copy from
    the published warehouse and points dbt's profile (FINSAM_DUCKDB) at it. Assets write
    only the working copy; `published/marts` swaps it in when the checks allow. Connections
    are short-lived; readers open read-only.
    """

    data_dir: str
    database: str
    working_database: str = ""
    isolate_run: bool = True
    full_dbt_build: bool = False  # build every dbt node, changed sources or not

    @classmethod
    def from_paths(cls, paths: Paths | None = None, **options) -> Warehouse:
        paths = paths or current_paths()
        return cls(data_dir=str(paths.data_dir), database=str(paths.warehouse), **options)

    @property
    def paths(self) -> Paths:
        return Paths(data_dir=Path(self.data_dir), warehouse=Path(self.database))

    @property
    def working(self) -> Path:
        return Path(self.working_database) if self.working_database else \
            self.paths.work_warehouse

    def connect(self, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.working), read_only=read_only)

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Generator[Warehouse]:
        if not self.isolate_run:
            yield self
            return
        run_id = context.run.run_id if context.run else "no-run"
        with exclusive_load(self.paths.ops_dir / LOCK_FILE, owner=f"Dagster run {run_id}"):
            prepare_working_copy(self.paths.warehouse, self.working)
            with environment(FINSAM_DUCKDB=str(self.working)):
                record(self.paths.ops_dir, run_id, "started", pid=os.getpid())
                yield self
