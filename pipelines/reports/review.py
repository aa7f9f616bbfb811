"""The review workbook: report figures an analyst should check, and how decisions come back.

`finsam review` writes `marts.fct_figures_review` (low confidence, unassigned, inconsistent
or different from the register) to `data/marts/review/figures_review.xlsx` and `.csv`. The
analyst fills in `decision` (confirm / correct with `corrected_value` / reject) and drops the
file in `data/raw/figures/`; the next run applies it through the curated-figures path.
Every cell is written as text or a number, never as a formula.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from pipelines.publish import replace_file
from pipelines.spreadsheet import neutralise

REVIEW_TABLE = "marts.fct_figures_review"
FILE_STEM = "figures_review"


def review_rows(warehouse: Path) -> tuple[list[str], list[tuple]]:
    """Column names and rows of the review table, read-only."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(f"select * from {REVIEW_TABLE} order by forbund, insats, "
                             "period_start, source_file, char_start")
        return [d[0] for d in cursor.description], cursor.fetchall()


def _as_text(value: object) -> str:
    return "" if value is None else str(value)


def _write_xlsx(path: Path, columns: list[str], rows: list[tuple]) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                               "strings_to_urls": False})
    sheet = workbook.add_worksheet("granska")
    bold = workbook.add_format({"bold": True})
    for j, name in enumerate(columns):
        sheet.write_string(0, j, name, bold)
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            if isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(i, j, value)
            else:
                sheet.write_string(i, j, _as_text(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    workbook.close()


def _write_csv(path: Path, columns: list[str], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([[neutralise(_as_text(v)) for v in row] for row in rows])


def write_review(warehouse: Path, folder: Path) -> tuple[list[Path], int]:
    """Write the workbook and CSV (each replaced whole); the paths and the number of rows."""
    columns, rows = review_rows(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, writer in ((".xlsx", _write_xlsx), (".csv", _write_csv)):
        target = folder / f"{FILE_STEM}{suffix}"
        replace_file(target, lambda path, w=writer: w(path, columns, rows))
        written.append(target)
    return written, len(rows)
