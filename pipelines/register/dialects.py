"""Read a register export as text cells, whatever its dialect.

Accepted: CSV with `;`, `,` or tab separators, UTF-8 with or without BOM or
Windows-1252, and `.xlsx` (first sheet). Cells come back as stripped strings;
typing happens in `pipelines.register.parse`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from pipelines import limits
from pipelines.encodings import decode
from pipelines.errors import CellProblem, InputFileError

SUFFIXES = (".csv", ".txt", ".xlsx")
_SEPARATORS = (";", ",", "\t")


@dataclass(frozen=True)
class RawTable:
    """Headers and rows of text cells, with the spreadsheet row number of each row."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str
    separator: str | None


def sniff_separator(header_line: str) -> str:
    """The separator that splits the header line into the most fields."""
    return max(_SEPARATORS, key=header_line.count)


def read_csv_cells(path: Path) -> RawTable:
    try:
        text, encoding = decode(path.read_bytes())
    except UnicodeDecodeError as exc:
        raise InputFileError(
            path, [CellProblem(1, "", f"cannot decode the file ({exc.reason})")],
            "Save it as UTF-8 or Windows-1252 (Excel: 'CSV UTF-8').",
        ) from exc
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise InputFileError(path, [CellProblem(1, "", "the file is empty or has no header")])
    separator = sniff_separator(lines[0])
    csv.field_size_limit(limits.max_cell_chars() + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        return _rows(reader, path, encoding, separator, text.endswith(("\n", "\r")))
    except csv.Error as exc:
        raise InputFileError(
            path, [CellProblem(reader.line_num, "", f"unreadable CSV ({exc}); a stray "
                               "quotation mark makes the rest of the file one field, or a "
                               f"cell is over {limits.max_cell_chars():,} characters")],
            "Check quoting in that row, or save the file again from the spreadsheet.",
        ) from exc


def _rows(reader: Any, path: Path, encoding: str, separator: str, ends_in_newline: bool
          ) -> RawTable:
    headers = [h.strip() for h in next(reader)]
    rows: list[list[str]] = []
    row_numbers: list[int] = []
    problems: list[CellProblem] = []
    short = False
    first_line = reader.line_num + 1
    for cells in reader:
        started, first_line = first_line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            short = False
            continue
        row_number = reader.line_num
        if any("\n" in c or "\r" in c for c in cells):
            problems.append(CellProblem(
                started, "", f"a quotation mark opens a value that runs over "
                f"{reader.line_num - started + 1} lines; register values never break lines, "
                "so a quotation mark is stray"))
            continue
        cells = [c.strip() for c in cells]
        if len(cells) > len(headers) and not any(cells[len(headers):]):
            cells = cells[:len(headers)]  # trailing separators with nothing after them
        if len(cells) > len(headers):
            problems.append(CellProblem(
                row_number, "", f"expected {len(headers)} fields separated by "
                f"'{separator}', found {len(cells)} (a value holding '{separator}' must be "
                "quoted)"))
            continue
        # Spreadsheet programs drop trailing empty fields: those are empty cells. A short
        # last line without a line break is a cut-off file, not dropped separators.
        short = len(cells) < len(headers)
        rows.append(cells + [""] * (len(headers) - len(cells)))
        row_numbers.append(row_number)
    if rows and short and not ends_in_newline:
        problems.append(CellProblem(
            row_numbers[-1], "", "the last row has fewer fields than the header and the file "
            "does not end with a line break: the file looks cut off"))
    if problems:
        raise InputFileError(path, problems, "Check quoting and separators in those rows.")
    return RawTable(headers, rows, row_numbers, encoding, separator)


def read_xlsx_cells(path: Path) -> RawTable:
    import polars as pl

    try:
        frame = pl.read_excel(path, sheet_id=1, engine="calamine")
    except Exception as exc:  # noqa: BLE001 - any reader failure means an unreadable workbook
        problem = CellProblem(1, "", f"cannot read the workbook: {exc}")
        raise InputFileError(path, [problem]) from exc
    frame = frame.with_columns(pl.all().cast(pl.String))
    rows = [["" if v is None else v.strip() for v in row] for row in frame.iter_rows()]
    keep = [i for i, row in enumerate(rows) if any(row)]
    return RawTable(
        headers=[str(h).strip() for h in frame.columns],
        rows=[rows[i] for i in keep],
        row_numbers=[i + 2 for i in keep],
        encoding="xlsx",
        separator=None,
    )


def _within_limits(path: Path, table: RawTable) -> RawTable:
    """Refuse a table with too many rows or a cell too long to be a register value."""
    if len(table.rows) > limits.max_rows():
        raise InputFileError(path, [CellProblem(
            table.row_numbers[limits.max_rows()], "", f"more than {limits.max_rows():,} rows "
            "(FINSAM_MAX_ROWS)")], "Split the export by year or insats.")
    longest = limits.max_cell_chars()
    for header in table.headers:
        if len(header) > longest:
            raise InputFileError(path, [CellProblem(1, header[:40] + "…", f"a header of "
                                 f"{len(header):,} characters (limit {longest:,})")])
    if max(map(len, chain.from_iterable(table.rows)), default=0) <= longest:
        return table  # the usual case, found without a loop in Python
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        for header, cell in zip(table.headers, row, strict=True):
            if len(cell) > longest:
                raise InputFileError(path, [CellProblem(
                    number, header, f"a cell of {len(cell):,} characters, over the limit of "
                    f"{longest:,} (FINSAM_MAX_CELL_CHARS)")], "No register value is that long.")
    return table


def read_cells(path: Path) -> RawTable:
    """Read any accepted register file as text cells, within the limits of `pipelines.limits`."""
    if path.suffix.lower() in SUFFIXES and (problem := limits.file_problem(path)):
        raise InputFileError(path, [CellProblem(1, "", problem)],
                             "Split the export, or raise the limit if the file is genuine.")
    if path.suffix.lower() == ".xlsx":
        return _within_limits(path, read_xlsx_cells(path))
    if path.suffix.lower() in SUFFIXES:
        return _within_limits(path, read_csv_cells(path))
    raise InputFileError(
        path, [CellProblem(1, "", f"unsupported file type '{path.suffix}'")],
        f"Accepted: {', '.join(SUFFIXES)}.",
    )
