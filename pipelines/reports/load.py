"""The report stages as bronze tables: documents → sections → figures, plus curated figures.

Each stage reads the previous one from the warehouse and replaces its own table in one
transaction. An unreadable or empty report is moved to the quarantine folder with a
`.errors.txt` beside it, and recorded as quarantined. A report whose text and whose reading
rules are as at the last load keeps its rows in each stage (`pipelines/reports/reread.py`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines.errors import InputFileError
from pipelines.files import file_hash
from pipelines.personnummer import mask_personnummer
from pipelines.quarantine import quarantine
from pipelines.reports import reread
from pipelines.reports.curated import SCHEMA as CURATED_SCHEMA
from pipelines.reports.curated import parse_curated
from pipelines.reports.per_document import figure_rows, section_rows
from pipelines.reports.readers import UnreadableReport, read_report, report_files
from pipelines.reports.sections import document_period, forbund_name
from pipelines.reports.text import normalise
from pipelines.warehouse import read_table, replace_tables
from pipelines.worker_pool import shared_pool

DOCUMENTS = "report_documents"
SECTIONS = "report_sections"
FIGURES = "report_figures"
NO_FIGURES = ("no figures found — check the file (a scanned PDF, another language, or a layout "
              "the rules do not read: add its figures in data/raw/figures/)")
CURATED = "report_figures_curated"
CURATED_FILES = "report_curated_files"

Log = Callable[[str], None]


@dataclass
class StageResult:
    rows: int = 0
    quarantined: list[str] = field(default_factory=list)
    refused: list[InputFileError] = field(default_factory=list)


DOCUMENT_SCHEMA = {
    "source_file": pl.String, "sha256": pl.String, "size": pl.Int64, "status": pl.String,
    "reason": pl.String, "characters": pl.Int64, "original_text": pl.String,
    "forbund": pl.String, "period_start": pl.Date, "period_end": pl.Date}


def _previous_documents(warehouse: Path) -> dict[str, dict]:
    """Loaded reports of the last load, by file, when the warehouse has them."""
    try:
        frame = read_table(warehouse, DOCUMENTS)
    except duckdb.Error:
        return {}
    if "sha256" not in frame.columns:
        return {}
    frame = frame.with_columns(pl.col("loaded_at").dt.convert_time_zone("UTC"))
    return {r["source_file"]: r for r in frame.filter(pl.col("status") == "loaded")
            .iter_rows(named=True)}


def load_documents(reports_dir: Path, quarantine_dir: Path, warehouse: Path,
                   log: Log = print) -> StageResult:
    """Read every report to text; quarantine what cannot be read.

    Each file is hashed; a report whose hash is unchanged since the last load is not read
    again (its row is kept as it was).
    """
    load_id, loaded_at, result = uuid.uuid4().hex, datetime.now(UTC), StageResult()
    previous, made = _previous_documents(warehouse), reread.records(warehouse)
    same_rules = reread.current(made, "documents", pl.DataFrame(
        [(s, r["sha256"]) for s, r in previous.items()], orient="row",
        schema={"source_file": pl.String, "sha256": pl.String}))
    rows, kept = [], []
    for path in report_files(reports_dir):
        source = mask_personnummer(path.relative_to(reports_dir.parent).as_posix())
        digest, size = file_hash(path), path.stat().st_size
        if source in previous and previous[source]["sha256"] == digest and source in same_rules:
            kept.append(previous[source])
            continue
        try:
            text = read_report(path)
        except UnreadableReport as error:
            target = quarantine(path, quarantine_dir, error.reason, what_to_do=(
                "export the report again as text, DOCX or a PDF with a text layer, and drop "
                f"it in {path.parent}"))
            log(f"QUARANTINED {source}: {error.reason} → {target}")
            result.quarantined.append(source)
            rows.append({"source_file": source, "sha256": digest, "size": size,
                         "status": "quarantined", "reason": error.reason, "characters": 0,
                         "original_text": None, "forbund": None, "period_start": None,
                         "period_end": None})
            continue
        doc = normalise(source, text)
        period = document_period(doc)
        rows.append({"source_file": source, "sha256": digest, "size": size,
                     "status": "loaded", "reason": None,
                     "characters": len(text), "original_text": text,
                     "forbund": forbund_name(doc), "period_start": period[0] if period else None,
                     "period_end": period[1] if period else None})
        log(f"read {source}: {len(text)} characters")
    frame = pl.DataFrame(rows, schema=DOCUMENT_SCHEMA).with_columns(
        pl.lit(load_id).alias("load_id"), pl.lit(loaded_at).alias("loaded_at"))
    if kept:
        frame = pl.concat([pl.DataFrame(kept, schema=frame.schema), frame]).sort("source_file")
        log(f"{len(kept)} reports unchanged since the last load")
    loaded = frame.filter(pl.col("status") == "loaded")
    replace_tables(warehouse, {DOCUMENTS: frame,
                               reread.EXTRACTIONS: reread.after(made, "documents", loaded)})
    result.rows = loaded.height
    return result


def _loaded_documents(warehouse: Path) -> pl.DataFrame:
    return read_table(warehouse, DOCUMENTS).filter(pl.col("status") == "loaded")


def _as_last_read(warehouse: Path, documents: pl.DataFrame, table: str, stage: str
                  ) -> tuple[pl.DataFrame, set[str], pl.DataFrame]:
    """The rows of `table` for the reports whose `stage` the current rules made, those
    reports, and every stage's records."""
    made = reread.records(warehouse)
    same = reread.current(made, stage, documents)
    try:
        before = read_table(warehouse, table)
    except duckdb.Error:
        return pl.DataFrame(), set(), made
    return before.filter(pl.col("source_file").is_in(sorted(same))), same, made


def load_sections(warehouse: Path, log: Log = print) -> StageResult:
    """Split each loaded report into insats sections."""
    documents = _loaded_documents(warehouse)
    kept, unchanged, made = _as_last_read(warehouse, documents, SECTIONS, "sections")
    todo = [d for d in documents.iter_rows(named=True) if d["source_file"] not in unchanged]
    rows = []
    with shared_pool(len(todo)) as pool:
        for document, found in zip(todo, pool.map(
                section_rows, [d["source_file"] for d in todo],
                [d["original_text"] for d in todo]), strict=True):
            rows.extend(found)
            log(f"{document['source_file']}: {len(found)} sections")
    frame = _with_kept(pl.DataFrame(rows, schema={
        "source_file": pl.String, "section_no": pl.Int64, "insats": pl.String,
        "heading": pl.String, "text_start": pl.Int64, "text_end": pl.Int64,
        "char_start": pl.Int64, "char_end": pl.Int64, "period_start": pl.Date,
        "period_end": pl.Date, "lifetime_start": pl.Date, "lifetime_end": pl.Date}),
        kept, unchanged, log)
    replace_tables(warehouse, {SECTIONS: frame,
                               reread.EXTRACTIONS: reread.after(made, "sections", documents)})
    return StageResult(rows=frame.height)


def _with_kept(frame: pl.DataFrame, kept: pl.DataFrame, unchanged: set[str],
               log: Log) -> pl.DataFrame:
    """The rows made now and those kept, in the order of a load that made them all."""
    if unchanged:
        log(f"{len(unchanged)} reports as read at the last load: their rows kept")
        frame = pl.concat([frame, kept.select(frame.columns).cast(frame.schema)])
    return frame.sort("source_file", maintain_order=True)


def load_figures(warehouse: Path, log: Log = print) -> StageResult:
    """Extract the figures of every section, with provenance."""
    sections = read_table(warehouse, SECTIONS)
    documents = _loaded_documents(warehouse)
    kept, unchanged, made = _as_last_read(warehouse, documents, FIGURES, "figures")
    todo = [d for d in documents.iter_rows(named=True) if d["source_file"] not in unchanged]
    by_report = {key[0]: part.sort("section_no").to_dicts() for key, part in
                 sections.partition_by("source_file", as_dict=True).items()}
    rows = []
    with shared_pool(len(todo)) as pool:
        for document, figures in zip(todo, pool.map(
                figure_rows, todo, [by_report.get(d["source_file"], []) for d in todo]),
                strict=True):
            rows.extend(figures)
            log(f"{document['source_file']}: {len(figures)} figures" if figures else
                f"{document['source_file']}: {NO_FIGURES}")
    frame = _with_kept(pl.DataFrame(rows, schema={
        "source": pl.String, "forbund": pl.String, "insats": pl.String, "section": pl.String,
        "period_start": pl.Date, "period_end": pl.Date, "metric": pl.String, "sex": pl.String,
        "value": pl.Float64, "quote": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
        "rule": pl.String, "heading_path": pl.String}).rename({"source": "source_file"}),
        kept, unchanged, log)
    replace_tables(warehouse, {FIGURES: frame,
                               reread.EXTRACTIONS: reread.after(made, "figures", documents)})
    return StageResult(rows=frame.height)


def load_curated(figures_dir: Path, warehouse: Path, log: Log = print,
                 quarantine_dir: Path | None = None) -> StageResult:
    """Curated figure files; a file with any problem is refused whole (and quarantined when
    `quarantine_dir` is given), the others load."""
    result, frames, files = StageResult(), [], []
    paths = sorted(p for p in figures_dir.iterdir() if p.suffix.lower() in (".csv", ".xlsx")
                   and not p.name.startswith((".", "~$"))) if figures_dir.exists() else []
    for path in paths:
        source = mask_personnummer(path.relative_to(figures_dir.parent).as_posix())
        digest = file_hash(path)
        try:
            frame = parse_curated(path)
        except InputFileError as error:
            log(f"REFUSED {error}")
            result.refused.append(error)
            if quarantine_dir is not None:
                quarantine(path, quarantine_dir, "not loaded", error.problems, error.hint)
            files.append({"source_file": source, "sha256": digest,
                          "status": "quarantined" if quarantine_dir else "refused",
                          "rows": 0, "error": str(error)})
            continue
        frames.append(frame.with_columns(pl.lit(source).alias("source_file")))
        files.append({"source_file": source, "sha256": digest, "status": "loaded",
                      "rows": frame.height, "error": None})
        log(f"read {source}: {frame.height} curated figures")
    empty = pl.DataFrame(schema={**CURATED_SCHEMA, "source_file": pl.String})
    frame = pl.concat([empty, *frames], how="vertical") if frames else empty
    files_frame = pl.DataFrame(files, schema={"source_file": pl.String, "sha256": pl.String,
                                              "status": pl.String, "rows": pl.Int64,
                                              "error": pl.String})
    replace_tables(warehouse, {CURATED: frame, CURATED_FILES: files_frame})
    result.rows = frame.height
    return result


def load_all(reports_dir: Path, figures_dir: Path, quarantine_dir: Path, warehouse: Path,
             log: Log = print) -> StageResult:
    """Every report stage in order (what the Dagster assets do one by one)."""
    documents = load_documents(reports_dir, quarantine_dir, warehouse, log)
    load_sections(warehouse, log)
    figures = load_figures(warehouse, log)
    curated = load_curated(figures_dir, warehouse, log)
    return StageResult(rows=figures.rows + curated.rows, quarantined=documents.quarantined,
                       refused=curated.refused)
