"""The bronze rows of the last load: the register tables, split by file, with fingerprints
that tell whether anyone edited them in the warehouse."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import cache
from pathlib import Path

import duckdb
import polars as pl

from pipelines.register.columns import COLUMNS, Kind
from pipelines.register.parse import POLARS_TYPES
from pipelines.register.supersede import unit_keys
from pipelines.warehouse import BRONZE_SCHEMA

TABLES: dict[Kind, str] = {
    Kind.PARTICIPATIONS: "register_participations",
    Kind.ANONYMOUS_COUNTS: "register_anonymous_counts",
    Kind.COUNT_FORM: "register_count_form",
    Kind.INSATS_COSTS: "cost_insats",
    Kind.FORBUND_FUNDS: "cost_forbund_funds",
}
FILE_LOG_TABLE = "register_files"
LINEAGE = {"source_file": pl.String, "load_id": pl.String,
           "loaded_at": pl.Datetime("us", "UTC")}


def fingerprints(rows: pl.DataFrame) -> dict[str, str]:
    """A digest of the bronze rows of each file, to tell whether anyone has edited them: the
    columns, the count and the sum of the rows' hashes (any order gives the same). polars'
    hash holds within one polars version: after an upgrade every file is read once more."""
    data = rows.drop(["load_id", "loaded_at"], strict=False)
    sums = data.group_by("source_file").agg(
        pl.len().alias("rows"), pl.struct(pl.all()).hash(seed=0).sum().alias("hash"))
    columns = ",".join(data.columns)
    return {source: hashlib.sha256(f"{columns}\n{count}\n{total}".encode()).hexdigest()
            for source, count, total in sums.iter_rows()}


def fingerprint(rows: pl.DataFrame) -> str:
    """The fingerprint of one file's rows (of no rows, when all were superseded)."""
    return next(iter(fingerprints(rows).values()), hashlib.sha256(b"no rows").hexdigest())


class Held:
    """The bronze rows of the last load, split by file once."""

    def __init__(self, tables: dict[Kind, pl.DataFrame]) -> None:
        self.tables = tables
        self._files = {kind: {key[0]: part for key, part in
                              frame.partition_by("source_file", as_dict=True).items()}
                       for kind, frame in tables.items()}
        self._prints = {kind: fingerprints(frame) for kind, frame in tables.items()}
        self._units = {kind: _units_by_file(frame) for kind, frame in tables.items()}

    def rows(self, kind: Kind, source: str) -> pl.DataFrame:
        return self._files.get(kind, {}).get(source, empty_rows(kind))

    def fingerprint(self, kind: Kind, source: str) -> str | None:
        return self._prints.get(kind, {}).get(source)

    def units(self, kind: Kind, source: str) -> set[tuple[str, str]]:
        """The förbund and insats (org nr, insats id) of the file's rows."""
        return self._units.get(kind, {}).get(source, set())


def _units_by_file(frame: pl.DataFrame) -> dict[str, set[tuple[str, str]]]:
    """The förbund and insats of each file's rows, from one pass over the table."""
    by_file: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for org, insats, source in unit_keys(frame).with_columns(frame["source_file"]).unique() \
            .iter_rows():
        by_file[source].add((org, insats))
    return dict(by_file)


@cache
def empty_rows(kind: Kind) -> pl.DataFrame:
    """No rows, in the bronze table's columns."""
    schema = {c.name: POLARS_TYPES[c.type] for c in COLUMNS[kind]}
    return pl.DataFrame(schema={**schema, "source_row": pl.Int64(), **LINEAGE})


def previous_load(warehouse: Path) -> tuple[dict[str, dict], Held]:
    """The last manifest entries and bronze rows, when the warehouse has them."""
    manifest, rows = _tables(warehouse)
    return manifest, Held(rows)


def previous_manifest(warehouse: Path) -> dict[str, dict]:
    """The last manifest entries alone (no rows), when the warehouse has them."""
    if not warehouse.exists():
        return {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return _manifest(con, _bronze_tables(con)) or {}


def _bronze_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute(
        "select table_name from information_schema.tables where table_schema = ?",
        [BRONZE_SCHEMA]).fetchall()}


def _manifest(con: duckdb.DuckDBPyConnection, tables: set[str]) -> dict[str, dict] | None:
    """None when the warehouse has no manifest (or one from before file hashes)."""
    if FILE_LOG_TABLE not in tables or "sha256" not in {
            row[0] for row in con.execute(
                "select column_name from information_schema.columns where table_schema = ? "
                "and table_name = ?", [BRONZE_SCHEMA, FILE_LOG_TABLE]).fetchall()}:
        return None
    return {r["source_file"]: r for r in con.sql(
        f"select * from {BRONZE_SCHEMA}.{FILE_LOG_TABLE}").pl().iter_rows(named=True)}


def _tables(warehouse: Path) -> tuple[dict[str, dict], dict[Kind, pl.DataFrame]]:
    if not warehouse.exists():
        return {}, {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = _bronze_tables(con)
        manifest = _manifest(con, tables)
        if manifest is None:
            return {}, {}
        rows = {kind: con.sql(f"select * from {BRONZE_SCHEMA}.{table}").pl().with_columns(
                    pl.col("loaded_at").dt.convert_time_zone("UTC"))
                for kind, table in TABLES.items() if table in tables}
    return manifest, rows
