"""Read a register export as text cells, whatever its dialect.

Accepted: CSV with `;`, `,` or tab separators, UTF-8 with or without BOM or
Windows-1252, and `.xlsx` (first sheet). Cells come back as stripped strings;
typing happens in `pipelines.register.parse`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from pipelines import limits
from pipelines.encodings import decode
from pipelines.errors import CellProblem, InputFileError
from pipelines.personnummer import IN_TEXT

SUFFIXES = (".csv", ".txt", ".xlsx")
_SEPARATORS = (";", ",", "\t")


@dataclass(frozen=True)
class RawTable:
    """Headers and text cells, one String column per header (named by its position: "0",
    "1", …), with the spreadsheet row number of each row."""

    headers: list[str]
    cells: pl.DataFrame
    row_numbers: list[int]
    encoding: str
    separator: str | None
    # True when the text was read line by line and no line holds anything personnummer-like
    # (`personnummer.IN_TEXT`): no cell needs the column scan then
    screened: bool = False

    @property
    def rows(self) -> list[list[str]]:
        return [list(row) for row in self.cells.iter_rows()]


def _cells(width: int, rows: list[list[str]]) -> pl.DataFrame:
    return pl.DataFrame({str(j): [row[j] for row in rows] for j in range(width)},
                        schema={str(j): pl.String for j in range(width)})


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
    if (table := _split_lines(path, text, lines, encoding, separator)) is not None:
        return table
    csv.field_size_limit(limits.max_cell_chars() + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        headers = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise _unreadable(path, 1, exc) from exc
    return _rows(reader, headers, path, encoding, separator, text.endswith(("\n", "\r")))


def _unreadable(path: Path, row: int, exc: csv.Error) -> InputFileError:
    return InputFileError(
        path, [CellProblem(row, "", f"unreadable CSV ({exc}); a stray quotation mark makes the "
                           "rest of the file one field, or a cell is over "
                           f"{limits.max_cell_chars():,} characters")],
        "Check quoting in that row, or save the file again from the spreadsheet.")


def _records(reader: Any, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(the line a record starts on, its cells); a record `csv` cannot read is named by the
    line it starts on — where a stray quotation mark opened it — not where reading stopped."""
    first_line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _unreadable(path, first_line, exc) from exc
        yield first_line, cells
        first_line = reader.line_num + 1


def _rows(reader: Any, headers: list[str], path: Path, encoding: str, separator: str,
          ends_in_newline: bool) -> RawTable:
    rows: list[list[str]] = []
    row_numbers: list[int] = []
    problems: list[CellProblem] = []
    short = False
    for started, cells in _records(reader, path):
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
            problems.append(CellProblem(row_number, "", _TOO_MANY.format(
                width=len(headers), separator=separator, found=len(cells))))
            short = False  # the last row, if any, is too long, not cut off
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
    return RawTable(headers, _cells(len(headers), rows), row_numbers, encoding, separator)


# Characters that make a line of text something other than one row split at its separator:
# a quotation mark, and line breaks that `str.splitlines` knows but CSV does not. Whitespace
# that Python strips and polars does not (\x1c–\x1f) goes the careful way too.
_NOT_PLAIN = re.compile('["\x0b\x0c\x1c-\x1f\x85\u2028\u2029]')
_TOO_MANY = ("expected {width} fields separated by '{separator}', found {found} (a value "
             "holding '{separator}' must be quoted)")


def _split_lines(path: Path, text: str, lines: list[str], encoding: str,
                 separator: str) -> RawTable | None:
    """The rows of a file without quoting, split in one pass over whole columns; the same
    rows, row numbers and problems as `_rows` gives. None when the file needs `csv`."""
    if _NOT_PLAIN.search(text):
        return None
    headers = [h.strip() for h in lines[0].split(separator)]
    width = len(headers)
    body = pl.DataFrame({"line": lines[1:]}, schema={"line": pl.String})
    screened = not body["line"].str.contains(IN_TEXT).any()
    split = body.select(
        pl.int_range(2, len(lines) + 1, dtype=pl.Int64).alias("row"),
        pl.col("line").str.split(separator).list.eval(pl.element().str.strip_chars())
        .alias("cells"))
    split = split.with_columns(
        found=pl.col("cells").list.len(),
        filled=pl.col("cells").list.eval(pl.element() != "").list.any())
    # more fields than headers, not just trailing separators with nothing after them
    split = split.with_columns(wide=(pl.col("found") > width) & pl.col("cells").list.slice(
        width).list.eval(pl.element() != "").list.any())
    kept = split.filter(pl.col("filled"))  # lines of nothing but separators and spaces go
    problems = [CellProblem(row, "", _TOO_MANY.format(width=width, separator=separator,
                                                     found=found))
                for row, found in kept.filter("wide").select("row", "found").iter_rows()]
    kept = kept.filter(~pl.col("wide"))
    last = split.tail(1)
    if not kept.is_empty() and last["filled"].all() and (last["found"] < width).all() and \
            not text.endswith(("\n", "\r")):
        problems.append(CellProblem(
            int(last["row"][0]), "", "the last row has fewer fields than the header and the "
            "file does not end with a line break: the file looks cut off"))
    if problems:
        raise InputFileError(path, problems, "Check quoting and separators in those rows.")
    cells = kept.select(pl.col("cells").list.get(j, null_on_oob=True).fill_null("").alias(str(j))
                        for j in range(width))
    return RawTable(headers, cells, kept["row"].to_list(), encoding, separator, screened)


def read_xlsx_cells(path: Path) -> RawTable:
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
        cells=_cells(frame.width, [rows[i] for i in keep]),
        row_numbers=[i + 2 for i in keep],
        encoding="xlsx",
        separator=None,
    )


def _within_limits(path: Path, table: RawTable) -> RawTable:
    """Refuse a table with too many rows or a cell too long to be a register value."""
    if table.cells.height > limits.max_rows():
        raise InputFileError(path, [CellProblem(
            table.row_numbers[limits.max_rows()], "", f"more than {limits.max_rows():,} rows "
            "(FINSAM_MAX_ROWS)")], "Split the export by year or insats.")
    longest = limits.max_cell_chars()
    for header in table.headers:
        if len(header) > longest:
            raise InputFileError(path, [CellProblem(1, header[:40] + "…", f"a header of "
                                 f"{len(header):,} characters (limit {longest:,})")])
    lengths = table.cells.select(pl.all().str.len_chars().max()).row(0) if table.cells.height \
        else ()
    if max((n or 0 for n in lengths), default=0) <= longest:
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
