"""Curated figures: rows an analyst typed or corrected, in the answer-key schema.

`data/raw/figures/*.csv` (UTF-8, comma-separated) with the columns of
../shared/README.md. A curated row overrides extracted rows with the same key
(förbund, insats, period, metric, sex); that precedence is applied in dbt. A file with a
`decision` column is a review workbook dropped back: undecided rows are skipped, `confirm`
keeps the value, `correct` takes `corrected_value`, `reject` drops every figure of the key.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import polars as pl

from pipelines import vocabulary
from pipelines.encodings import decode
from pipelines.errors import CellProblem, InputFileError
from pipelines.personnummer import mask_personnummer
from pipelines.spreadsheet import restore

REQUIRED = ("forbund", "insats", "period_start", "period_end", "metric", "sex", "value")
OPTIONAL = ("quote", "note")
# A review workbook dropped back (`finsam review`): a decision per row, a corrected value.
REVIEW = ("decision", "corrected_value")
SEXES = vocabulary.report_sexes()  # "all" and the sex codes of seeds/kon.csv
SCHEMA = {"forbund": pl.String, "insats": pl.String, "period_start": pl.Date,
          "period_end": pl.Date, "metric": pl.String, "sex": pl.String, "value": pl.Float64,
          "quote": pl.String, "note": pl.String, "decision": pl.String, "source_row": pl.Int64}


def _check(row: dict[str, str], number: int) -> tuple[dict[str, object], list[CellProblem]]:
    problems: list[CellProblem] = []
    typed: dict[str, object] = {k: (row.get(k) or "").strip() or None for k in (*REQUIRED,
                                                                                  *OPTIONAL)}
    for column in REQUIRED:
        if not typed[column]:
            problems.append(CellProblem(number, column, "empty"))
    for column in ("period_start", "period_end"):
        if typed[column]:
            try:
                typed[column] = date.fromisoformat(str(typed[column]))
            except ValueError:
                problems.append(CellProblem(number, column, f"'{typed[column]}' is not ÅÅÅÅ-MM-DD"))
    if typed["metric"] and typed["metric"] not in vocabulary.report_metrics():
        problems.append(CellProblem(number, "metric", f"'{typed['metric']}' is not a metric code "
                                    "(see dbt_project/seeds/report_metrics.csv)"))
    if typed["sex"] and typed["sex"] not in SEXES:
        problems.append(CellProblem(number, "sex", f"'{typed['sex']}' is not all, women or men"))
    if typed["value"]:
        try:
            typed["value"] = float(str(typed["value"]).replace(",", "."))
        except ValueError:
            problems.append(CellProblem(number, "value", f"'{typed['value']}' is not a number"))
    typed["decision"] = None
    typed["source_row"] = number
    return typed, problems


def _decide(row: dict[str, str], typed: dict[str, object], number: int) -> list[CellProblem]:
    """Apply a review decision: confirm keeps the value, correct takes corrected_value,
    reject drops the figure."""
    decision = (row.get("decision") or "").strip().lower()
    code = vocabulary.review_decisions().get(decision)
    if code is None:
        return [CellProblem(number, "decision", f"'{decision}' is not one of "
                            f"{', '.join(vocabulary.review_decisions())}")]
    typed["decision"] = code
    if code == "correct":
        corrected = (row.get("corrected_value") or "").strip().replace(",", ".")
        try:
            typed["value"] = float(corrected)
        except ValueError:
            return [CellProblem(number, "corrected_value", f"'{corrected}' is not a number "
                                "(a correction needs the right value)")]
    return []


def _records(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a curated CSV or of a review workbook saved as .xlsx."""
    if path.suffix.lower() == ".xlsx":
        frame = pl.read_excel(path, sheet_id=1, engine="calamine").cast(pl.String)
        rows = [{k: restore(v or "") for k, v in row.items()} for row in frame.iter_rows(
            named=True)]
        return frame.columns, rows
    reader = csv.DictReader(decode(path.read_bytes())[0].splitlines())
    rows = [{k: restore(v or "") for k, v in row.items() if k is not None} for row in reader]
    return list(reader.fieldnames or []), rows


def parse_curated(path: Path) -> pl.DataFrame:
    """Validated curated figures of one file; refuses the file on any problem."""
    fieldnames, records = _records(path)
    missing = [c for c in REQUIRED if c not in fieldnames]
    if missing:
        raise InputFileError(path, [CellProblem(1, c, "required column missing") for c in missing],
                             f"Columns: {', '.join(REQUIRED + OPTIONAL)}.")
    reviewed = "decision" in fieldnames
    rows, problems = [], []
    for number, row in enumerate(records, start=2):
        if reviewed and not (row.get("decision") or "").strip():
            continue  # not decided yet
        row = {k: mask_personnummer(v) for k, v in row.items()}  # quotes typed by hand too
        typed, found = _check(row, number)
        if reviewed:
            found += _decide(row, typed, number)
        rows.append(typed)
        problems.extend(found)
    if problems:
        raise InputFileError(path, problems, "Correct the file and drop it again.")
    return pl.DataFrame(rows, schema=SCHEMA)
