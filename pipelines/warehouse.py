"""Writing bronze tables: every table of one load replaced in a single transaction."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

import duckdb
import polars as pl

BRONZE_SCHEMA = "bronze"


_SLICE_ROWS = 250_000


def replace_tables(warehouse: Path, frames: dict[str, pl.DataFrame],
                   schema: str = BRONZE_SCHEMA,
                   in_place: Mapping[str, Collection[str]] | None = None) -> None:
    """Replace `schema.<name>` with each frame, all or nothing; readers never see half.

    Each frame is first written to `<name>__incoming` a slice at a time, each slice committed
    as it goes, so that memory holds one slice and not the whole load (a 4-million-row load
    inserted in one transaction held it all until the commit: 1.4 GB more at its peak). Then
    one transaction puts every table in place; a load killed before it leaves only
    `__incoming` tables, replaced the next time.

    `in_place` names, per table, the `source_file`s whose rows the table already holds as the
    frame has them: those rows stay where they are and only the others are written (one
    changed export of eighty rewrites its own rows, not the other 79 files'). A table whose
    columns differ from the frame's is replaced whole.
    """
    in_place = in_place or {}
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"create schema if not exists {schema}")
        kept = {name: sorted(in_place[name]) for name, frame in frames.items()
                if in_place.get(name) and _same_columns(con, f"{schema}.{name}", frame)}
        for name, frame in frames.items():
            if name in kept:
                frame = frame.filter(~pl.col("source_file").is_in(kept[name]))
            incoming = f"{schema}.{name}__incoming"
            for start in range(0, max(frame.height, 1), _SLICE_ROWS):
                con.register("incoming", frame.slice(start, _SLICE_ROWS).to_arrow())
                con.execute(f"create or replace table {incoming} as select * from incoming"
                            if start == 0 else f"insert into {incoming} select * from incoming")
                con.unregister("incoming")
        con.execute("begin transaction")
        try:
            for name in frames:
                table = f"{schema}.{name}"
                if name in kept:
                    con.execute(f"delete from {table} where not list_contains(?, source_file)",
                                [kept[name]])
                    con.execute(f"insert into {table} select * from {table}__incoming")
                    con.execute(f"drop table {table}__incoming")
                else:
                    con.execute(f"drop table if exists {table}")
                    con.execute(f"alter table {table}__incoming rename to {name}")
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise


def _same_columns(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> bool:
    """Whether `table` exists with the columns, in order and type, that `frame` would get."""
    try:
        existing = con.execute(f"describe {table}").fetchall()
    except duckdb.CatalogException:
        return False
    con.register("columns_of", frame.head(0).to_arrow())
    try:
        wanted = con.execute("describe columns_of").fetchall()
    finally:
        con.unregister("columns_of")
    return [row[:2] for row in existing] == [row[:2] for row in wanted]


def read_table(warehouse: Path, name: str, schema: str = BRONZE_SCHEMA) -> pl.DataFrame:
    """A bronze table as a polars frame, read-only."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.sql(f"select * from {schema}.{name}").pl()
