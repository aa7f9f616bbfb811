"""Writing bronze tables: every table of one load replaced in a single transaction."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

BRONZE_SCHEMA = "bronze"


_SLICE_ROWS = 250_000


def replace_tables(warehouse: Path, frames: dict[str, pl.DataFrame],
                   schema: str = BRONZE_SCHEMA) -> None:
    """Replace `schema.<name>` with each frame, all or nothing; readers never see half.

    Each frame is first written to `<name>__incoming` a slice at a time, each slice committed
    as it goes, so that memory holds one slice and not the whole load (a 4-million-row load
    inserted in one transaction held it all until the commit: 1.4 GB more at its peak). Then
    one transaction puts every table in place; a load killed before it leaves only
    `__incoming` tables, replaced the next time.
    """
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"create schema if not exists {schema}")
        for name, frame in frames.items():
            incoming = f"{schema}.{name}__incoming"
            for start in range(0, max(frame.height, 1), _SLICE_ROWS):
                con.register("incoming", frame.slice(start, _SLICE_ROWS).to_arrow())
                con.execute(f"create or replace table {incoming} as select * from incoming"
                            if start == 0 else f"insert into {incoming} select * from incoming")
                con.unregister("incoming")
        con.execute("begin transaction")
        try:
            for name in frames:
                con.execute(f"drop table if exists {schema}.{name}")
                con.execute(f"alter table {schema}.{name}__incoming rename to {name}")
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise


def read_table(warehouse: Path, name: str, schema: str = BRONZE_SCHEMA) -> pl.DataFrame:
    """A bronze table as a polars frame, read-only."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.sql(f"select * from {schema}.{name}").pl()
