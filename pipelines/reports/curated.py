"""Curated figures: rows an analyst typed or corrected, in the answer-key schema.

`data/raw/figures/*.csv` (UTF-8, comma-separated) with the columns of
../shared/README.md. A curated row overrides extracted rows with the same key
(förbund, insats, period, metric, sex); that precedence is applied in dbt.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import polars as pl

from pipelines import vocabulary
from pipelines.errors import CellProblem, InputFileError
from pipelines.register.dialects import decode

REQUIRED = ("forbund", "insats", "period_start", "period_end", "metric", "sex", "value")
OPTIONAL = ("quote", "note")
SEXES = ("all", "women", "men")
SCHEMA = {"forbund": pl.String, "insats": pl.String, "period_start": pl.Date,
          "period_end": pl.Date, "metric": pl.String, "sex": pl.String, "value": pl.Float64,
          "quote": pl.String, "note": pl.String, "source_row": pl.Int64}


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
    typed["source_row"] = number
    return typed, problems


def parse_curated(path: Path) -> pl.DataFrame:
    """Validated curated figures of one file; refuses the file on any problem."""
    text = decode(path.read_bytes())[0]
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InputFileError(path, [CellProblem(1, c, "required column missing") for c in missing],
                             f"Columns: {', '.join(REQUIRED + OPTIONAL)}.")
    rows, problems = [], []
    for number, row in enumerate(reader, start=2):
        typed, found = _check(row, number)
        rows.append(typed)
        problems.extend(found)
    if problems:
        raise InputFileError(path, problems, "Correct the file and drop it again.")
    return pl.DataFrame(rows, schema=SCHEMA)
