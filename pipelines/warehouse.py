"""Writing bronze tables: every table of one load replaced in a single transaction."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

BRONZE_SCHEMA = "bronze"


def replace_tables(warehouse: Path, frames: dict[str, pl.DataFrame],
                   schema: str = BRONZE_SCHEMA) -> None:
    """Replace `schema.<name>` with each frame, all or nothing; readers never see half."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"create schema if not exists {schema}")
        con.execute("begin transaction")
        try:
            for name, frame in frames.items():
                con.register("incoming", frame.to_arrow())
                con.execute(f"create or replace table {schema}.{name} as select * from incoming")
                con.unregister("incoming")
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise


def read_table(warehouse: Path, name: str, schema: str = BRONZE_SCHEMA) -> pl.DataFrame:
    """A bronze table as a polars frame, read-only."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.sql(f"select * from {schema}.{name}").pl()
