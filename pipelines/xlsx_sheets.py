"""Workbooks of large frames, written a column at a time instead of a cell at a time.

xlsxwriter writes what a sheet looks like: headings, column widths and number formats, a
frozen header row, a filter, and any small sheet a caller adds. Its per-cell writing
(≈ 12 µs a cell, half a minute for the national exports) is replaced for the data rows:
polars builds each sheet's `<row>` elements over whole columns and they are put into the
sheet's `<sheetData>` when the package is copied once more. Text is always an inline string,
so a name that begins with `=`, `+`, `-` or `@` never becomes a formula, a link or a number.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
FORMATS = {
    "header": {"bold": True, "bg_color": "#DDE5F0", "text_wrap": True, "valign": "top"},
    "integer": {"num_format": "#,##0"},
    "decimal": {"num_format": "#,##0.0"},
    "kronor": {"num_format": '#,##0 "kr"'},
    "percent": {"num_format": "0.0%"},
    "date": {"num_format": "yyyy-mm-dd"},
    "datetime": {"num_format": "yyyy-mm-dd hh:mm"},
}
EXCEL_EPOCH_DAYS = 25_569  # 1970-01-01 as an Excel serial day (the 1900 date system)
MAX_TEXT = 32_767  # characters Excel keeps in one cell
ROWS_PER_CHUNK = 50_000
LARGE_CELLS = 5_000_000  # a sheet XML that may pass 2 GB is stored as ZIP64
# control characters XML cannot hold (tab, line feed and carriage return it can)
CONTROL_CODES = (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))
CONTROL_CHARACTERS = "[" + "".join(f"\\x{code:02x}" for code in CONTROL_CODES) + "]"


# Each format's style number in the package: formats are numbered in this order when the
# workbook is made, so rows can be built before (and apart from) the workbook.
STYLES = {key: number for number, key in enumerate(FORMATS, start=1)}


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its name, its rows, a heading per column of `frame`, and optionally
    its `<row>` elements built beforehand (`row_xml`), one per row of `frame`."""

    name: str
    frame: pl.DataFrame
    headings: list[str]
    rows: pl.Series | None = None


def format_key(column: str, dtype: pl.DataType) -> str | None:
    """The number format of a column: `*_pct` columns hold percent (shown as 0.0 %),
    `*_kr` kronor; otherwise by type."""
    if column.endswith("_pct"):
        return "percent"
    if column.endswith("_kr"):
        return "kronor"
    if dtype == pl.Date:
        return "date"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float() or dtype.is_decimal():
        return "decimal"
    return None


def write_workbook(path: Path, sheets: list[Sheet],
                   add_sheets: Callable[[object, dict], None] | None = None) -> None:
    """`sheets` in this order, then whatever `add_sheets(workbook, formats)` adds. `path` is
    written in place (and removed when writing fails): callers write beside the file that
    analysts open and rename it over that (`publish.replacing`, `publish.replace_folder`)."""
    import xlsxwriter

    skeleton = io.BytesIO()  # the package without data rows, made in memory
    with xlsxwriter.Workbook(skeleton, {**OPTIONS, "in_memory": True}) as workbook:
        formats = {key: workbook.add_format(spec) for key, spec in FORMATS.items()}
        for key, style in formats.items():
            if style._get_xf_index() != STYLES[key]:  # xlsxwriter numbers on first use
                raise RuntimeError(f"xlsxwriter numbered format {key} unexpectedly")
        for sheet in sheets:
            _layout(workbook.add_worksheet(sheet.name), sheet, formats)
        if add_sheets is not None:
            add_sheets(workbook, formats)
    _fill(skeleton, path, sheets)


def _keys(frame: pl.DataFrame) -> list[str | None]:
    return [format_key(column, dtype) for column, dtype in frame.schema.items()]


def _layout(worksheet, sheet: Sheet, formats: dict) -> None:
    for col, (key, heading) in enumerate(zip(_keys(sheet.frame), sheet.headings, strict=True)):
        worksheet.write_string(0, col, heading, formats["header"])
        worksheet.set_column(col, col, max(10, min(40, len(heading) + 2)), formats.get(key))
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(sheet.frame.height, 1), max(sheet.frame.width - 1, 0))


def _fill(skeleton: io.BytesIO, path: Path, sheets: list[Sheet]) -> None:
    """Write the package to `path`, putting each sheet's data rows after its header row."""
    try:
        with zipfile.ZipFile(skeleton) as source, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as target:
            for info in source.infolist():
                match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
                index = int(match[1]) - 1 if match else len(sheets)
                if index >= len(sheets) or not sheets[index].frame.height:
                    target.writestr(info.filename, source.read(info))
                    continue
                large = sheets[index].frame.height * sheets[index].frame.width > LARGE_CELLS
                with target.open(info.filename, "w", force_zip64=large) as stream:
                    _write_sheet_xml(stream, source.read(info), sheets[index])
    except BaseException:
        path.unlink(missing_ok=True)  # no half-written workbook
        raise


def _write_sheet_xml(stream, skeleton: bytes, sheet: Sheet) -> None:
    from xlsxwriter.utility import xl_rowcol_to_cell

    head, tail = skeleton.split(b"</sheetData>", 1)
    last = xl_rowcol_to_cell(sheet.frame.height, sheet.frame.width - 1)
    head = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last}"/>'.encode(), head)
    stream.write(head)
    for first in range(0, sheet.frame.height, ROWS_PER_CHUNK):
        if sheet.rows is not None:
            rows = sheet.rows.slice(first, ROWS_PER_CHUNK)
        else:
            chunk = sheet.frame.slice(first, ROWS_PER_CHUNK)
            number = pl.int_range(pl.len(), dtype=pl.Int64) + first + 2
            rows = chunk.select(row_xml(chunk, number)).to_series()
        stream.write(rows.str.join("").cast(pl.Binary).item())
    stream.write(b"</sheetData>" + tail)


def row_xml(frame: pl.DataFrame, number: pl.Expr) -> pl.Expr:
    """Each row of `frame` as a `<row>` element, numbered by `number` (1-based as in
    Excel); a null cell is left out (its column's format still applies)."""
    from xlsxwriter.utility import xl_col_to_name

    number = number.cast(pl.Utf8)
    escape_controls = _has_controls(frame)
    cells = []
    for col, (column, dtype) in enumerate(frame.schema.items()):
        key = format_key(column, dtype)
        style = f' s="{STYLES[key]}"' if key else ""
        value, kind = _cell_value(column, dtype, escape_controls)
        opening = '" t="inlineStr"' + style + '><is><t xml:space="preserve">' if kind == "text" \
            else '"' + style + "><v>"
        closing = "</t></is></c>" if kind == "text" else "</v></c>"
        cells.append(pl.lit(f'<c r="{xl_col_to_name(col)}') + number + pl.lit(opening)
                     + value + pl.lit(closing))
    return pl.concat_str([pl.lit('<row r="'), number, pl.lit('">'), *cells, pl.lit("</row>")],
                         ignore_nulls=True)


def _has_controls(frame: pl.DataFrame) -> bool:
    columns = [column for column, dtype in frame.schema.items()
               if not (dtype.is_numeric() or dtype.is_temporal() or dtype == pl.Boolean
                       or dtype.is_nested())]
    return bool(columns) and frame.select(pl.any_horizontal(
        pl.col(columns).cast(pl.Utf8).str.contains(CONTROL_CHARACTERS).any())).item()


def _cell_value(column: str, dtype: pl.DataType, escape_controls: bool
                ) -> tuple[pl.Expr, str]:
    """The cell's content as text, null where the cell stays empty, and its kind."""
    value = pl.col(column)
    if dtype == pl.Boolean:
        return value.replace_strict({True: "Ja", False: "Nej"}, return_dtype=pl.Utf8), "text"
    if dtype == pl.Date:
        return (value.cast(pl.Int64) + EXCEL_EPOCH_DAYS).cast(pl.Utf8), "number"
    if isinstance(dtype, pl.Datetime):
        days = value.dt.epoch("us").cast(pl.Float64) / 86_400_000_000 + EXCEL_EPOCH_DAYS
        return days.cast(pl.Utf8), "number"
    percent = column.endswith("_pct")
    if dtype.is_integer() and not percent:
        return value.cast(pl.Utf8), "number"
    if dtype.is_numeric():
        number = value.cast(pl.Float64) / 100 if percent else value.cast(pl.Float64)
        return pl.when(number.is_finite()).then(number.cast(pl.Utf8)), "number"
    text = value.map_elements(_nested_text, return_dtype=pl.Utf8) if dtype.is_nested() \
        else value.cast(pl.Utf8)
    return _escaped(text, escape_controls), "text"


def _nested_text(value: object) -> str:
    """A list or struct as Python writes it (rare in exports; no cell holds a list)."""
    return str(value.to_list() if isinstance(value, pl.Series) else value)


def _escaped(text: pl.Expr, escape_controls: bool) -> pl.Expr:
    """XML text for Excel: `_xHHHH_` as written stays literal, control characters become
    `_xHHHH_` (as xlsxwriter writes them), too long text is cut where Excel cuts it."""
    text = text.str.slice(0, MAX_TEXT)
    text = (pl.when(text != "").then(text)
            .str.replace_all("&", "&amp;", literal=True)
            .str.replace_all("<", "&lt;", literal=True)
            .str.replace_all(">", "&gt;", literal=True)
            .str.replace_all(r"_(x[0-9A-Fa-f]{4}_)", "_x005F_$1")
            .str.replace_all("[\ufffe\uffff]", ""))
    if escape_controls:
        for code in CONTROL_CODES:
            text = text.str.replace_all(chr(code), f"_x{code:04X}_", literal=True)
    return text
