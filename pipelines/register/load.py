"""Load register exports into the bronze tables, incrementally and idempotently.

Every file is hashed and recorded in `bronze.register_files` (the register part of the
load manifest): path, hash, size, kind, förbund, export date, status, run, rows.
A file whose hash is unchanged is not read again: its rows are kept as they are. A new
version of the same export — same kind and förbund, a later export date — replaces the
earlier one (status `superseded`), never adds to it. A file that cannot be loaded is
moved to the quarantine folder with an error report. When nothing changed, nothing is
written; otherwise the bronze tables are replaced in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines.errors import InputFileError
from pipelines.files import file_hash
from pipelines.quarantine import quarantine
from pipelines.register.columns import COLUMNS, Kind
from pipelines.register.dialects import SUFFIXES
from pipelines.register.parse import POLARS_TYPES, parse_file
from pipelines.warehouse import BRONZE_SCHEMA, replace_tables

TABLES: dict[Kind, str] = {
    Kind.PARTICIPATIONS: "register_participations",
    Kind.ANONYMOUS_COUNTS: "register_anonymous_counts",
}
FILE_LOG_TABLE = "register_files"
LINEAGE = {"source_file": pl.String, "load_id": pl.String,
           "loaded_at": pl.Datetime("us", "UTC")}
MANIFEST_SCHEMA = {
    "source_file": pl.String, "sha256": pl.String, "size": pl.Int64, "kind": pl.String,
    "forbund_org_nr": pl.String, "export_date": pl.Date, "status": pl.String,
    "rows": pl.Int64, "rejected_rows": pl.Int64, "load_id": pl.String,
    "recorded_at": pl.Datetime("us", "UTC"), "error": pl.String,
}


@dataclass
class LoadResult:
    """What one load did."""

    load_id: str
    changed: bool = False
    rows: dict[Kind, int] = field(default_factory=dict)
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    refused: list[InputFileError] = field(default_factory=list)


@dataclass
class _Accepted:
    source: str
    sha256: str
    size: int
    kind: Kind
    frame: pl.DataFrame  # typed rows with lineage
    rejected: int
    reused: bool

    @property
    def forbund(self) -> str:
        return ",".join(sorted(set(self.frame["forbund_org_nr"].drop_nulls().to_list())))

    @property
    def export_date(self) -> date | None:
        if self.frame.is_empty():
            return None
        if self.kind is Kind.PARTICIPATIONS:
            return self.frame.select(pl.max_horizontal(pl.col("start_date").max(),
                                                       pl.col("end_date").max())).item()
        return date(int(self.frame["start_year"].max()), 12, 31)


def register_files(folder: Path) -> list[Path]:
    """Register exports in the drop folder, in a stable order."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def _empty(kind: Kind) -> pl.DataFrame:
    schema = {c.name: POLARS_TYPES[c.type] for c in COLUMNS[kind]}
    return pl.DataFrame(schema={**schema, "source_row": pl.Int64(), **LINEAGE})


def _previous(warehouse: Path) -> tuple[dict[str, dict], dict[Kind, pl.DataFrame]]:
    """The last manifest entries and bronze rows, when the warehouse has them."""
    if not warehouse.exists():
        return {}, {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = {row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_schema = ?",
            [BRONZE_SCHEMA]).fetchall()}
        if FILE_LOG_TABLE not in tables or "sha256" not in {
                row[0] for row in con.execute(
                    "select column_name from information_schema.columns where table_schema = ? "
                    "and table_name = ?", [BRONZE_SCHEMA, FILE_LOG_TABLE]).fetchall()}:
            return {}, {}
        manifest = {r["source_file"]: r for r in con.sql(
            f"select * from {BRONZE_SCHEMA}.{FILE_LOG_TABLE}").pl().iter_rows(named=True)}
        rows = {kind: con.sql(f"select * from {BRONZE_SCHEMA}.{table}").pl().with_columns(
                    pl.col("loaded_at").dt.convert_time_zone("UTC"))
                for kind, table in TABLES.items() if table in tables}
    return manifest, rows


def load_registers(folder: Path, warehouse: Path, *, quarantine_dir: Path | None = None,
                   max_invalid_rows: int = 0,
                   log: Callable[[str], None] = print) -> LoadResult:
    """Bring the bronze register tables in line with the files in `folder`."""
    result = LoadResult(load_id=uuid.uuid4().hex)
    loaded_at = datetime.now(UTC)
    root = folder.parent
    previous, previous_rows = _previous(warehouse)
    accepted: list[_Accepted] = []
    refused_entries: list[dict] = []
    for path in register_files(folder):
        source = path.relative_to(root).as_posix()
        digest, size = file_hash(path), path.stat().st_size
        before = previous.get(source)
        if before and before["sha256"] == digest and before["status"] in ("loaded", "superseded"):
            kind = Kind(before["kind"])
            frame = previous_rows.get(kind, _empty(kind)).filter(pl.col("source_file") == source)
            if before["status"] == "loaded" and frame.height == before["rows"]:
                accepted.append(_Accepted(source, digest, size, kind, frame,
                                          before["rejected_rows"] or 0, reused=True))
                continue
        try:
            parsed = parse_file(path, max_invalid_rows)
        except InputFileError as error:
            result.refused.append(error)
            log(f"REFUSED {error}")
            if quarantine_dir is not None:
                target = quarantine(path, quarantine_dir, "not loaded", error.problems,
                                    error.hint)
                log(f"  moved to {target}")
            refused_entries.append({"source_file": source, "sha256": digest, "size": size,
                                    "status": "quarantined" if quarantine_dir else "refused",
                                    "error": str(error)})
            continue
        frame = parsed.frame.with_columns(pl.lit(source).alias("source_file"),
                                          pl.lit(result.load_id).alias("load_id"),
                                          pl.lit(loaded_at).alias("loaded_at"))
        accepted.append(_Accepted(source, digest, size, parsed.kind, frame,
                                  len({p.row for p in parsed.rejected}), reused=False))
        log(f"read {path.name}: {parsed.kind.value}, {frame.height} rows"
            + (f", {len({p.row for p in parsed.rejected})} invalid rows left out"
               if parsed.rejected else ""))
    # The newest export of each kind and förbund replaces the earlier ones.
    newest: dict[tuple[Kind, str], _Accepted] = {}
    for item in sorted(accepted, key=lambda a: (a.export_date or date.min, a.source)):
        newest[(item.kind, item.forbund)] = item
    current = {id(item) for item in newest.values()}
    manifest = []
    for item in accepted:
        status = "loaded" if id(item) in current else "superseded"
        (result.loaded if status == "loaded" else result.superseded).append(item.source)
        if item.reused and status == "loaded":
            result.unchanged.append(item.source)
        manifest.append({"source_file": item.source, "sha256": item.sha256, "size": item.size,
                         "kind": item.kind.value, "forbund_org_nr": item.forbund,
                         "export_date": item.export_date, "status": status,
                         "rows": item.frame.height, "rejected_rows": item.rejected,
                         "load_id": item.frame["load_id"][0] if item.frame.height
                         else result.load_id, "error": None})
    manifest += [{**entry, "kind": None, "forbund_org_nr": None, "export_date": None,
                  "rows": 0, "rejected_rows": 0, "load_id": result.load_id}
                 for entry in refused_entries]
    before_state = {s: (e["sha256"], e["status"]) for s, e in previous.items()
                    if e["status"] in ("loaded", "superseded")}
    after_state = {m["source_file"]: (m["sha256"], m["status"]) for m in manifest
                   if m["status"] in ("loaded", "superseded")}
    result.changed = before_state != after_state or not previous_rows
    frames = {kind: pl.concat([_empty(kind)] + [item.frame for item in accepted
                                                if item.kind is kind and id(item) in current],
                              how="diagonal_relaxed").select(_empty(kind).columns)
              for kind in TABLES}
    result.rows = {kind: frame.height for kind, frame in frames.items()}
    if not result.changed and not refused_entries:
        log("registers unchanged since the last load: nothing written")
        return result
    manifest_frame = pl.DataFrame([{**m, "recorded_at": loaded_at} for m in manifest],
                                  schema=MANIFEST_SCHEMA)
    replace_tables(warehouse, {**{TABLES[kind]: frames[kind] for kind in TABLES},
                               FILE_LOG_TABLE: manifest_frame})
    return result
