"""One Excel workbook per förbund, from the published exports only.

Each workbook has one sheet per published export that holds rows of the förbund (Swedish
sheet names from the export's `meta.publish.sheet`), Swedish headings and a frozen header
row, number, kronor, percent and date formats, and a sheet `Förklaringar` that explains each
column (seeds/column_labels.csv). Every text cell is written as text: a name that begins
with `=`, `+`, `-` or `@` never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from datetime import date, datetime
from pathlib import Path

import polars as pl

from pipelines import vocabulary
from pipelines.kept_files import KeptFiles, frame_digest, source_digest
from pipelines.published_exports import Export
from pipelines.reports.folding import fold
from pipelines.worker_pool import InlineExecutor, wait_all

EXPLAIN_SHEET = "Förklaringar"


def forbund_file_stem(forbund_name: str, org_nr: str) -> str:
    """A file name stem that no förbund name can turn into a path: `<name>_<org nr>`, folded
    as names are for matching (`reports/folding.fold`), spaces as underscores."""
    return f"{fold(forbund_name)[:60].strip() or 'forbund'}_{fold(org_nr)}".replace(" ", "_")


def _label(column: str) -> str:
    return vocabulary.column_labels().get(column, (column, ""))[0]


def _format_key(column: str, dtype: pl.DataType) -> str | None:
    if column.endswith("_pct"):
        return "percent"
    if column.endswith("_kr"):
        return "kronor"
    if dtype == pl.Date:
        return "date"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float() or dtype.is_decimal():
        return "decimal"
    return None


def _write_sheet(workbook, formats: dict, sheet: str, frame: pl.DataFrame) -> None:
    worksheet = workbook.add_worksheet(sheet)
    header = formats["header"]
    for col, column in enumerate(frame.columns):
        worksheet.write_string(0, col, _label(column), header)
        key = _format_key(column, frame.schema[column])
        width = max(10, min(40, len(_label(column)) + 2))
        worksheet.set_column(col, col, width, formats.get(key))
        for row, value in enumerate(frame[column].to_list(), start=1):
            _write_cell(worksheet, row, col, value, column, formats.get(key))
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(frame.height, 1), max(len(frame.columns) - 1, 0))


def _write_cell(worksheet, row: int, col: int, value: object, column: str, fmt) -> None:
    if value is None:
        worksheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        worksheet.write_string(row, col, "Ja" if value else "Nej")
    elif isinstance(value, int | float):
        worksheet.write_number(row, col, value / 100 if column.endswith("_pct") else value, fmt)
    elif isinstance(value, datetime | date):
        worksheet.write_datetime(row, col, value, fmt)
    else:
        worksheet.write_string(row, col, str(value))  # never a formula, link or number


def _explanations(workbook, formats: dict, sheets: list[tuple[Export, pl.DataFrame]]) -> None:
    worksheet = workbook.add_worksheet(EXPLAIN_SHEET)
    for col, heading in enumerate(("Blad", "Kolumn", "Rubrik", "Förklaring")):
        worksheet.write_string(0, col, heading, formats["header"])
    row = 1
    for export, frame in sheets:
        for column in frame.columns:
            label, explanation = vocabulary.column_labels().get(
                column, (column, export.columns.get(column, "")))
            for col, text in enumerate((export.sheet, column, label, explanation)):
                worksheet.write_string(row, col, text)
            row += 1
    worksheet.set_column(0, 0, 24)
    worksheet.set_column(1, 2, 34)
    worksheet.set_column(3, 3, 100)
    worksheet.freeze_panes(1, 0)


def write_workbook_for(path: Path, sheets: list[tuple[Export, pl.DataFrame]]) -> None:
    """One förbund's workbook: its rows of each export, then the explanations."""
    import xlsxwriter

    with xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_urls": False,
                                    "strings_to_numbers": False}) as workbook:
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#DDE5F0",
                                           "text_wrap": True, "valign": "top"}),
            "integer": workbook.add_format({"num_format": "#,##0"}),
            "decimal": workbook.add_format({"num_format": "#,##0.0"}),
            "kronor": workbook.add_format({"num_format": '#,##0 "kr"'}),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }
        for export, frame in sheets:
            _write_sheet(workbook, formats, export.sheet, frame)
        _explanations(workbook, formats, sheets)


def write_forbund_workbooks(folder: Path, exports: list[Export],
                            frames: dict[str, pl.DataFrame], pool: Executor | None = None,
                            log: Callable[[str], None] = print) -> list[Path]:
    """A workbook per förbund in `folder`, replacing what was there as one set; written by
    `pool`'s workers when given."""
    with_forbund = [e for e in exports if "forbund_org_nr" in frames[e.name].columns]
    names = pl.concat([frames[e.name].select("forbund_org_nr", "forbund_name")
                       for e in with_forbund]).drop_nulls("forbund_org_nr")
    forbund = names.group_by("forbund_org_nr").agg(pl.col("forbund_name").drop_nulls().first())
    books = [(forbund_file_stem(name or org_nr, org_nr) + ".xlsx", org_nr)
             for org_nr, name in forbund.sort("forbund_org_nr").iter_rows()]

    kept = KeptFiles(folder)
    # what a workbook shows besides its rows: the code, the Swedish headings (seed) and each
    # export's sheet name and column explanations
    salt = source_digest(Path(__file__)) + repr(sorted(vocabulary.column_labels().items()))

    executor = pool or InlineExecutor()

    def write(building: Path) -> None:
        writing = []
        for file_name, org_nr in books:
            sheets = [(e, frames[e.name].filter(pl.col("forbund_org_nr") == org_nr))
                      for e in with_forbund]
            sheets = [(e, f) for e, f in sheets if f.height]
            digest = frame_digest((f for _, f in sheets), salt, *(repr(e) for e, _ in sheets))
            if not kept.keep(building, file_name, digest):
                writing.append(executor.submit(write_workbook_for, building / file_name, sheets))
        wait_all(writing)

    kept.replace(write)
    log(f"wrote {len(books) - kept.kept} workbooks per förbund to {folder} "
        f"({kept.kept} unchanged kept)")
    return [folder / file_name for file_name, _ in books]
