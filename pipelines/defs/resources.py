"""The warehouse resource shared by every asset that touches DuckDB or the data folder."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from pipelines.settings import Paths, current_paths


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file and the data folder around it.

    Connections are short-lived; readers open it `read_only`. dbt writes the same
    file through its own profile (FINSAM_DUCKDB), never at the same time: the
    code location runs one step at a time (in-process executor).
    """

    data_dir: str
    database: str

    @classmethod
    def from_paths(cls, paths: Paths | None = None) -> Warehouse:
        paths = paths or current_paths()
        return cls(data_dir=str(paths.data_dir), database=str(paths.warehouse))

    @property
    def paths(self) -> Paths:
        return Paths(data_dir=Path(self.data_dir), warehouse=Path(self.database))

    def connect(self, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(self.database, read_only=read_only)
