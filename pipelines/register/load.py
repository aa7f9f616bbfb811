"""Load register exports into the bronze tables, incrementally and idempotently.

Every file is hashed and recorded in `bronze.register_files` (the register part of the
load manifest): path, hash, size, kind, förbund, export date, status, run, rows, warnings.
A file whose hash is unchanged is not read again: its rows are kept as they are. A newer
export replaces what it covers, insats by insats (`pipelines.register.supersede`), never
adds to it. A file that cannot be loaded is moved to the quarantine folder with an error
report. When nothing changed, nothing is written; otherwise the bronze tables are replaced
in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import (
    BrokenExecutor,
    CancelledError,
    Executor,
    Future,
    ThreadPoolExecutor,
)
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl

from pipelines import vocabulary
from pipelines.errors import CellProblem, InputFileError
from pipelines.progress import Progress
from pipelines.quarantine import quarantine
from pipelines.register.columns import Kind
from pipelines.register.listing import data_root, listed_files, to_parse, unchanged
from pipelines.register.parse import ParsedFile, parse_file
from pipelines.register.previous import (
    FILE_LOG_TABLE,
    TABLES,
    Held,
    empty_rows,
    fingerprint,
    previous_load,
)
from pipelines.register.supersede import Candidate, decide, supplied_rows
from pipelines.warehouse import replace_tables
from pipelines.worker_pool import worker_count, worker_pool

LOADED_AT = pl.Datetime("us", "UTC")
MANIFEST_SCHEMA = {
    "source_file": pl.String, "sha256": pl.String, "size": pl.Int64, "kind": pl.String,
    "forbund_org_nr": pl.String, "export_date": pl.Date, "status": pl.String,
    "rows": pl.Int64, "rejected_rows": pl.Int64, "load_id": pl.String,
    "recorded_at": LOADED_AT, "superseded_by": pl.String,
    "warnings": pl.String, "error": pl.String, "fingerprint": pl.String,
}
CONFLICT_HINT = ("If this file corrects the other, say so in its name (a later date such as "
                 "_2024-03-02, or 'korrigerad') and drop it again, or remove the other from "
                 "data/raw/registers/; if it is a different export, make sure each file holds "
                 "the latest rows of the insatser it covers.")


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
    warnings: list[str] = field(default_factory=list)
    rows_fingerprint: str | None = None  # fingerprint() of `frame`, when already computed

    @property
    def forbund(self) -> str:
        return ",".join(sorted(set(self.frame["forbund_org_nr"].drop_nulls().to_list())))

    @property
    def export_date(self) -> date | None:
        """The latest date in the file, registration errors left out (they are not counted)."""
        if self.kind is Kind.PARTICIPATIONS:
            counted = self.frame.filter(
                ~pl.col("end_reason").is_in(vocabulary.registration_errors()).fill_null(False))
            return counted.select(pl.max_horizontal(pl.col("start_date").max(),
                                                    pl.col("end_date").max())).item()
        if self.frame.is_empty():
            return None
        year = "start_year" if "start_year" in self.frame.columns else "year"
        return date(int(self.frame[year].max()), 12, 31)

    def candidate(self, previous: Held) -> Candidate:
        held = frozenset((self.kind, org, insats)
                         for org, insats in previous.units(self.kind, self.source))
        # a file kept from the last load covers what its rows covered then
        return Candidate(self.source, self.kind, self.export_date, self.frame, held,
                         covers=held if self.reused else None)


def _refuse(error: InputFileError, digest: str, size: int, quarantine_dir: Path | None,
            result: LoadResult, log: Callable[[str], None]) -> dict:
    """Record a file that is not loaded, move it to quarantine, and its manifest entry."""
    result.refused.append(error)
    log(f"REFUSED {error}")
    if quarantine_dir is not None:
        target = quarantine(error.path, quarantine_dir, "not loaded", error.problems, error.hint)
        log(f"  moved to {target}")
    return {"sha256": digest, "size": size,
            "status": "quarantined" if quarantine_dir else "refused", "error": str(error)}


def _parsed(path: Path, max_invalid_rows: int, parsing: Future | None) -> ParsedFile:
    """The file parsed by `parsing`, or here: when there is none, or its worker process died
    (the out-of-memory killer) or it was cancelled before it ran."""
    if parsing is not None:
        try:
            return parsing.result()
        except (BrokenExecutor, CancelledError):
            pass
    return parse_file(path, max_invalid_rows)


def _read(path: Path, source: str, before: dict | None, digest: str, size: int,
          previous_rows: Held, max_invalid_rows: int,
          lineage: tuple[pl.Expr, pl.Expr], log: Callable[[str], None],
          parsing: Future | None = None) -> _Accepted:
    """The rows of one file: kept from the last load when unchanged, otherwise parsed (by
    `parsing`, when it was started beforehand)."""
    if unchanged(before, digest):
        kind = Kind(before["kind"])
        frame = previous_rows.rows(kind, source)
        # Rows edited by hand in the warehouse are read again from the file, never published.
        if frame.height == before["rows"] and \
                before.get("fingerprint") == previous_rows.fingerprint(kind, source):
            warnings = (before.get("warnings") or "").splitlines()
            return _Accepted(source, digest, size, kind, frame, before["rejected_rows"] or 0,
                             reused=True, warnings=warnings,
                             rows_fingerprint=before["fingerprint"])
    parsed = _parsed(path, max_invalid_rows, parsing)
    frame = parsed.frame.with_columns(pl.lit(source).alias("source_file"), *lineage)
    rejected = len({p.row for p in parsed.rejected})
    if rejected:  # the other files: the summary at the end and bronze.register_files
        log(f"read {path.name}: {parsed.kind.value}, {frame.height} rows, {rejected} "
            "invalid rows left out")
    warnings = [f"{source}: {w.describe()}" for w in parsed.warnings]
    for warning in warnings:
        log(f"WARNING {warning}")
    return _Accepted(source, digest, size, parsed.kind, frame, rejected, reused=False,
                     warnings=warnings)


def _recorded_at(entry: dict, before: dict | None, loaded_at: datetime) -> datetime:
    """When the manifest entry was last written: kept while the entry stays as it was (an
    unchanged file's entry is unchanged, so its förbund's models are not rebuilt)."""
    if before and all(before.get(key) == value for key, value in entry.items()):
        return before["recorded_at"]
    return loaded_at


def _lineage(load_id: str, loaded_at: datetime) -> tuple[pl.Expr, pl.Expr]:
    """The load's columns of every row it reads (made once a load: a literal time costs)."""
    return (pl.lit(load_id).alias("load_id"),
            pl.lit(loaded_at, dtype=LOADED_AT).alias("loaded_at"))


def _summary(read: list[_Accepted], unchanged: int) -> str:
    by_kind: dict[Kind, list[int]] = {}
    for item in read:
        files_rows = by_kind.setdefault(item.kind, [0, 0])
        files_rows[0] += 1
        files_rows[1] += item.frame.height
    kinds = ", ".join(f"{files} {kind.value} ({rows:,} rows)".replace(",", " ")
                      for kind, (files, rows) in by_kind.items())
    return (f"read {len(read)} new or changed files: {kinds or 'none readable'}; "
            f"{unchanged} unchanged kept from the last load")


# Parsing in worker processes pays off from this much to parse: each process takes about
# 1 s to start, and polars alone keeps only part of two cores busy on many small files.
PROCESSES_FROM_BYTES = 5_000_000


def _parse_pool(sizes: list[int]) -> AbstractContextManager[Executor]:
    """Processes when there is much to parse, else threads of this process."""
    if sum(sizes) >= PROCESSES_FROM_BYTES:
        return worker_pool()
    return ThreadPoolExecutor(max_workers=worker_count())


def load_registers(folder: Path | list[Path], warehouse: Path, *,
                   quarantine_dir: Path | None = None, max_invalid_rows: int = 0,
                   log: Callable[[str], None] = print,
                   parsed_ahead: Callable[[Path, str, int], Future | None] | None = None
                   ) -> LoadResult:
    """Bring the bronze register and cost tables in line with the files in `folder` (one
    drop folder, or several beside each other: `registers/` and `costs/`).

    `parsed_ahead(path, sha256, max_invalid_rows)` may give the parse of a file started
    before this load (pipelines/register/ahead.py), used as the load's own."""
    result = LoadResult(load_id=uuid.uuid4().hex)
    loaded_at = datetime.now(UTC)
    root = data_root(folder)
    previous, previous_rows = previous_load(warehouse)
    accepted: list[_Accepted] = []
    refused_entries: list[dict] = []
    files = listed_files(folder)
    # new and changed files parsed on every core, taken in the folder's order
    parse = to_parse(files, previous)
    progress = Progress(log, len(files), "read", "register and cost files")
    lineage = _lineage(result.load_id, loaded_at)
    ahead = {path: future for path, digest, _ in parse if parsed_ahead is not None
             and (future := parsed_ahead(path, digest, max_invalid_rows)) is not None}
    with _parse_pool([size for path, _, size in parse if path not in ahead]) as pool:
        parsing = {path: ahead.get(path) or pool.submit(parse_file, path, max_invalid_rows)
                   for path, _, _ in parse}
        for path, source, digest, size in files:
            try:
                accepted.append(_read(path, source, previous.get(source), digest, size,
                                      previous_rows, max_invalid_rows, lineage, log,
                                      parsing.get(path)))
            except InputFileError as error:
                refused_entries.append({**_refuse(error, digest, size, quarantine_dir, result,
                                                  log), "source_file": source})
            progress.step()
    if parse:
        log(_summary([a for a in accepted if not a.reused], len(files) - len(parse)))
    decision = decide([item.candidate(previous_rows) for item in accepted])
    for item in [a for a in accepted if a.source in decision.conflicts]:
        accepted.remove(item)
        error = InputFileError(root / item.source, [
            CellProblem(1, "", message) for message in decision.conflicts[item.source]],
            CONFLICT_HINT)
        refused_entries.append({**_refuse(error, item.sha256, item.size, quarantine_dir,
                                          result, log), "source_file": item.source})
    manifest, kept = [], []
    for item in accepted:
        supplied, lost = decision.supplies[item.source], decision.superseded[item.source]
        history = decision.history.get(item.source, {})
        rows = supplied_rows(item.frame, supplied, history) if lost else item.frame
        status = ("superseded" if not rows.height else "partly superseded" if lost
                  else "loaded")
        by = ", ".join(sorted(set(lost.values()))) or None
        kept.append((item.kind, rows))
        if lost:
            result.superseded.append(item.source)
            log(f"{status}: {item.source}: {len(lost)} of {len(lost) + len(supplied)} "
                f"insatser now come from newer exports ({by})")
        if rows.height:
            result.loaded.append(item.source)
        if item.reused and status == "loaded":
            result.unchanged.append(item.source)
        manifest.append({"source_file": item.source, "sha256": item.sha256, "size": item.size,
                         "kind": item.kind.value, "forbund_org_nr": item.forbund,
                         "export_date": item.export_date, "status": status,
                         "rows": rows.height, "rejected_rows": item.rejected,
                         "load_id": rows["load_id"][0] if rows.height else result.load_id,
                         "superseded_by": by, "warnings": "\n".join(item.warnings) or None,
                         "error": None,
                         "fingerprint": item.rows_fingerprint if item.rows_fingerprint and not lost
                         else fingerprint(rows)})
    manifest += [{**entry, "kind": None, "forbund_org_nr": None, "export_date": None,
                  "rows": 0, "rejected_rows": 0, "load_id": result.load_id,
                  "superseded_by": None, "warnings": None, "fingerprint": None}
                 for entry in refused_entries]
    readable = ("loaded", "partly superseded", "superseded")
    before_state = {s: (e["sha256"], e["status"]) for s, e in previous.items()
                    if e["status"] in readable}
    after_state = {m["source_file"]: (m["sha256"], m["status"]) for m in manifest
                   if m["status"] in readable}
    result.changed = before_state != after_state or not previous_rows.tables or any(
        not item.reused for item in accepted)  # read again: new, changed or edited by hand
    frames = {kind: pl.concat([empty_rows(kind)] + [rows for of, rows in kept if of is kind],
                              how="diagonal_relaxed").select(empty_rows(kind).columns)
              for kind in TABLES}
    result.rows = {kind: frame.height for kind, frame in frames.items()}
    if not result.changed and not refused_entries:
        log("registers unchanged since the last load: nothing written")
        return result
    manifest_frame = pl.DataFrame([{**m, "recorded_at": _recorded_at(
        m, previous.get(m["source_file"]), loaded_at)} for m in manifest],
        schema=MANIFEST_SCHEMA)
    # rows of files kept whole from the last load are in bronze already: written again only
    # where the table's columns changed
    in_place = {TABLES[item.kind]: set() for item in accepted}
    for item in accepted:
        if item.reused and not decision.superseded[item.source]:
            in_place[TABLES[item.kind]].add(item.source)
    replace_tables(warehouse, {**{TABLES[kind]: frames[kind] for kind in TABLES},
                               FILE_LOG_TABLE: manifest_frame}, in_place=in_place)
    return result
