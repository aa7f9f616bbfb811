"""Load validated register files into the bronze tables of the warehouse.

A load rebuilds each bronze table from every file that validates, in one
transaction: a refused file contributes nothing, and readers never see a
half-written table.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from pipelines.errors import InputFileError
from pipelines.register.columns import COLUMNS, Kind
from pipelines.register.dialects import SUFFIXES
from pipelines.register.parse import POLARS_TYPES, ParsedFile, parse_file
from pipelines.warehouse import replace_tables

TABLES: dict[Kind, str] = {
    Kind.PARTICIPATIONS: "register_participations",
    Kind.ANONYMOUS_COUNTS: "register_anonymous_counts",
}
FILE_LOG_TABLE = "register_files"


@dataclass
class LoadResult:
    """What one load did: rows per table, files loaded and files refused."""

    load_id: str
    rows: dict[Kind, int] = field(default_factory=dict)
    loaded: list[ParsedFile] = field(default_factory=list)
    refused: list[InputFileError] = field(default_factory=list)


def register_files(folder: Path) -> list[Path]:
    """Register exports in the drop folder, in a stable order."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def _empty_frame(kind: Kind) -> pl.DataFrame:
    schema = {c.name: POLARS_TYPES[c.type] for c in COLUMNS[kind]}
    return pl.DataFrame(schema={**schema, "source_row": pl.Int64()})


def _bronze_frame(kind: Kind, files: list[ParsedFile], root: Path, load_id: str,
                  loaded_at: datetime) -> pl.DataFrame:
    frames = [
        f.frame.with_columns(
            pl.lit(_relative(f.path, root)).alias("source_file"),
            pl.lit(load_id).alias("load_id"),
            pl.lit(loaded_at).alias("loaded_at"),
        )
        for f in files if f.kind is kind
    ]
    if not frames:
        return _empty_frame(kind).with_columns(
            pl.lit(None, pl.String).alias("source_file"),
            pl.lit(None, pl.String).alias("load_id"),
            pl.lit(None, pl.Datetime("us", "UTC")).alias("loaded_at"),
        )
    return pl.concat(frames, how="vertical")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_registers(folder: Path, warehouse: Path,
                   log: Callable[[str], None] = print) -> LoadResult:
    """Validate every register file in `folder` and rebuild the bronze tables."""
    result = LoadResult(load_id=uuid.uuid4().hex)
    loaded_at = datetime.now(UTC)
    for path in register_files(folder):
        try:
            parsed = parse_file(path)
        except InputFileError as error:
            result.refused.append(error)
            log(f"REFUSED {error}")
            continue
        result.loaded.append(parsed)
        log(f"read {path.name}: {parsed.kind.value}, {parsed.frame.height} rows "
            f"({parsed.encoding}{', sep ' + repr(parsed.separator) if parsed.separator else ''})")
    root = folder.parent
    frames = {kind: _bronze_frame(kind, result.loaded, root, result.load_id, loaded_at)
              for kind in TABLES}
    log_frame = pl.DataFrame(
        [{"load_id": result.load_id, "loaded_at": loaded_at, "source_file": _relative(f.path, root),
          "kind": f.kind.value, "status": "loaded", "rows": f.frame.height, "error": None}
         for f in result.loaded]
        + [{"load_id": result.load_id, "loaded_at": loaded_at,
            "source_file": _relative(e.path, root), "kind": None, "status": "refused",
            "rows": 0, "error": str(e)} for e in result.refused],
        schema={"load_id": pl.String, "loaded_at": pl.Datetime("us", "UTC"),
                "source_file": pl.String, "kind": pl.String, "status": pl.String,
                "rows": pl.Int64, "error": pl.String},
    )
    replace_tables(warehouse, {**{TABLES[kind]: frames[kind] for kind in TABLES},
                               FILE_LOG_TABLE: log_frame})
    result.rows = {kind: frame.height for kind, frame in frames.items()}
    return result
